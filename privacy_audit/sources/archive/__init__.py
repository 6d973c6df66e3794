"""Reading an export safely: one read-only view over zips, zip parts, folders or one file.

- :mod:`.reader`: :class:`ExportArchive` (and :class:`SingleFileArchive`), the capped,
  read-only view the importers read members through;
- :mod:`.listing`: the member list of a zip or folder, names made safe and matchable;
- :mod:`.parts`: which zips or folders are parts of one multi-part Meta export;
- :mod:`.inputs`: from the paths a user gave to the parts of each export (no detection:
  keeping only what an importer recognises is the pipeline's job).
"""

from privacy_audit.sources.archive.listing import Member, match_key
from privacy_audit.sources.archive.reader import ExportArchive, SingleFileArchive, is_zip

__all__ = ["ExportArchive", "Member", "SingleFileArchive", "is_zip", "match_key"]
