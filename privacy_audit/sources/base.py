"""The small interface every importer implements, and what it is given.

An importer module exposes ``IMPORTER``, an object with:

- ``service``: the service it reads (``facebook``, ``instagram``, ``messenger``, ``whatsapp``);
- ``detect(archive) -> Detection | None``: cheap, looks at member names (and at most a
  few small files); returns None when the export is not of this importer's kind;
- ``load(archive, detection, sink, ctx) -> None``: reads the members it needs and adds
  rows to ``sink`` (see :class:`privacy_audit.model.SourceSink`). A member it recognises
  but cannot read becomes ``sink.warn(...)``, never an exception; an
  :class:`~privacy_audit.errors.InputError` is only for an export that cannot be read at all.

Importers are registered in :data:`privacy_audit.sources.IMPORTERS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from privacy_audit.i18n import Translator, translator
from privacy_audit.progress import CancelToken, Progress, no_progress
from privacy_audit.sources.archive import ExportArchive

if TYPE_CHECKING:
    from privacy_audit.model import SourceSink


@dataclass(frozen=True)
class Detection:
    """What an export is: which service, which kind, format and layout."""

    service: str  # facebook | instagram | messenger | whatsapp
    kind: str  # dyi | account_report | chat
    format: str  # json | html | txt | mixed
    layout: str  # facebook-2018 | facebook-2020 | facebook-2023 | facebook-2024 |
    # instagram-2022 | instagram-2023 | messenger-2024 | whatsapp-report-2018 |
    # whatsapp-report-2022 | whatsapp-chat-android | whatsapp-chat-ios ...
    score: int = 1  # how many characteristic files were seen (higher wins)
    importer: str = ""  # module name of the importer that detected it


@dataclass
class LoadContext:
    """What a loading importer may use besides the archive."""

    progress: Progress = no_progress
    cancel: CancelToken = field(default_factory=CancelToken)
    tr: Translator = field(default_factory=lambda: translator("en"))
    #: the caller reads only the source (its row counts, warnings, dates), never the
    #: tables (``inspect``): rows it does not show may be counted (``SourceSink.count``)
    counts_only: bool = False


class Importer(Protocol):
    """One export source (see module docstring)."""

    service: str

    def detect(self, archive: ExportArchive) -> Detection | None:
        """Recognise the export, or None."""
        ...

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Fill ``sink`` with the export's evidence."""
        ...
