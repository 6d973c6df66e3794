"""Importer for Facebook "Download Your Information" exports (JSON and HTML).

Layouts: 2018-19 (``about_you/``, no ``_v2`` keys), 2020-23 flat folders, Dec 2023
``your_activity_across_facebook/``, 2024+ ``your_facebook_activity/`` category folders,
and the 2025-26 ``label_values`` shapes. Files are found by name anywhere in the
tree; which extractor reads which file is listed in
:mod:`~privacy_audit.sources.meta.facebook.specs`.
"""

from __future__ import annotations

from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection
from privacy_audit.sources.meta.accounts_center import AccountsCenterImporter
from privacy_audit.sources.meta.facebook.specs import FACEBOOK
from privacy_audit.sources.meta.instagram.specs import INSTAGRAM
from privacy_audit.sources.meta.shape import facebook_layout, is_messenger_only, shape_of


class FacebookImporter(AccountsCenterImporter):
    """Facebook DYI exports (see module docstring)."""

    service = "facebook"
    own = FACEBOOK
    other = INSTAGRAM

    def detect(self, archive: ExportArchive) -> Detection | None:
        """A Facebook detection when Facebook files outnumber nothing else's."""
        shape = shape_of(archive)
        score = shape.fb + shape.threads
        if score == 0 or shape.name.startswith("instagram-") or shape.ig > shape.fb:
            return None
        if is_messenger_only(archive, shape):
            return None
        return Detection("facebook", "dyi", shape.format, facebook_layout(shape), score)


IMPORTER = FacebookImporter()
