"""Importer for Instagram "Download Your Information" exports (JSON and HTML).

Layouts: <=2022 flat folders (``contacts/``, ``login_and_account_creation/``...) and
2023+ category folders (``connections/``, ``security_and_login_information/``,
``your_instagram_activity/``), including the 2025 ``label_values`` shapes. Instagram
HTML shows times at UTC-8; they are converted to UTC.
"""

from __future__ import annotations

from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection
from privacy_audit.sources.meta.accounts_center import AccountsCenterImporter
from privacy_audit.sources.meta.facebook.specs import FACEBOOK
from privacy_audit.sources.meta.instagram.specs import INSTAGRAM
from privacy_audit.sources.meta.shape import instagram_layout, shape_of


class InstagramImporter(AccountsCenterImporter):
    """Instagram DYI exports (see module docstring)."""

    service = "instagram"
    own = INSTAGRAM
    other = FACEBOOK

    def detect(self, archive: ExportArchive) -> Detection | None:
        """An Instagram detection when Instagram files are there and outnumber Facebook's."""
        shape = shape_of(archive)
        named = shape.name.startswith("instagram-")
        if shape.name.startswith(("facebook-", "messenger-")):
            return None
        if (shape.ig == 0 and not (named and shape.threads)) or shape.fb > shape.ig:
            return None
        score = shape.ig + shape.ig_threads + (shape.threads if not shape.fb else 0)
        return Detection("instagram", "dyi", shape.format, instagram_layout(shape), score)


IMPORTER = InstagramImporter()
