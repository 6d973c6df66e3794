"""Importer for whatsapp_account exports (to be implemented)."""

from __future__ import annotations

from privacy_audit.model import SourceSink
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection, LoadContext


class _Importer:
    service = "whatsapp"

    def detect(self, archive: ExportArchive) -> Detection | None:
        return None

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        return None


IMPORTER = _Importer()
