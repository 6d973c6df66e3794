"""Accounts Center exports: one download that holds a Facebook and an Instagram part.

Whichever importer detects such an export reads its own service's files, then the
other service's files into rows of that service. Both importers are
:class:`AccountsCenterImporter` with the two services' :class:`ServiceFiles`, so neither
importer imports the other.
"""

from __future__ import annotations

from privacy_audit.model import SourceSink
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.meta.load import ServiceFiles, for_service, load_service
from privacy_audit.sources.meta.shape import combined_with, shape_of


def load_with_other_part(
    archive: ExportArchive,
    detection: Detection,
    sink: SourceSink,
    ctx: LoadContext,
    *,
    own: ServiceFiles,
    other: ServiceFiles,
) -> None:
    """Read ``own``'s files into ``sink``; when ``archive`` is a combined Accounts Center
    export that also holds ``other``'s part, read that part too, as ``other.service`` rows."""
    load_service(archive, detection, sink, ctx, own)
    if combined_with(shape_of(archive), other.service):
        load_service(archive, detection, for_service(sink, other.service), ctx, other)


class AccountsCenterImporter:
    """What the Facebook and Instagram importers share: ``load`` reads ``own``'s files,
    and ``other``'s part of a combined export. A subclass sets ``service``, ``own`` and
    ``other``, and says how it detects its exports."""

    service: str
    own: ServiceFiles
    other: ServiceFiles

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Read every known file of :attr:`own` in ``archive`` into ``sink`` (and the part
        of :attr:`other` in a combined Accounts Center export, as rows of that service)."""
        load_with_other_part(archive, detection, sink, ctx, own=self.own, other=self.other)
