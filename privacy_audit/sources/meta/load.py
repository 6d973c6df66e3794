"""The loading loop the Facebook, Instagram and Messenger importers share.

An importer lists its files as :class:`Spec` (file names -> extractor) for JSON and
for HTML; :func:`load_meta` reads each matching member (in scope for the service),
then the message threads, reporting progress and honouring cancellation.
:class:`ServiceFiles` bundles what one service reads, for :func:`load_service`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

from privacy_audit.model import SourceSink
from privacy_audit.progress import check
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.meta.extract import read_file
from privacy_audit.sources.meta.messages import flush_messages, thread_json
from privacy_audit.sources.meta.reader import MetaReader, ShapeError
from privacy_audit.sources.meta.shape import THREAD_RE
from privacy_audit.sources.meta.spec import FileSpec

#: a hand-written extractor: ``extract(reader, parsed file, member)``
Extractor = Callable[[MetaReader, Any, Member], None]
#: reads one message thread file
ThreadReader = Callable[[MetaReader, Member], None]


@dataclass(frozen=True)
class Spec:
    """Files named like any of ``names`` (optionally inside folder ``under``) -> what
    reads them: a :class:`.spec.FileSpec` (run by :func:`.extract.read_file`, which
    raises nothing but :class:`.reader.ShapeError` for a file it cannot read) or a
    hand-written :data:`Extractor` that raises ShapeError for a file of another shape;
    any other exception is a bug and is raised."""

    names: tuple[str, ...]
    extract: FileSpec | Extractor
    under: str | None = None

    def reader(self) -> tuple[Extractor, tuple[type[Exception], ...]]:
        """The extractor to run and the exceptions that mean "unexpected structure"."""
        if isinstance(self.extract, FileSpec):
            return partial(read_file, self.extract), (ShapeError,)
        return self.extract, (ShapeError,)


class ServiceSink:
    """A sink whose rows belong to another service (the Instagram part of a combined
    Accounts Center export read by the Facebook importer, or the other way round)."""

    def __init__(self, sink: SourceSink, service: str) -> None:
        self._sink = sink
        self.service = service
        self.info = sink.info

    def add(self, table: str, **row: Any) -> None:
        """Add a row for :attr:`service`."""
        row.setdefault("service", self.service)
        self._sink.add(table, **row)

    def add_columns(self, table: str, n: int, **columns: Any) -> None:
        """Add ``n`` rows given as columns for :attr:`service`."""
        columns.setdefault("service", self.service)
        self._sink.add_columns(table, n, **columns)

    def add_frame(self, table: str, frame: Any) -> None:
        """Add rows for :attr:`service`."""
        self._sink.add_frame(table, frame.assign(service=self.service))

    def count(self, table: str, n: int) -> None:
        """Count ``n`` rows for :attr:`service` (see :meth:`SourceSink.count`)."""
        self._sink.count(table, n)

    def add_frame_later(self, table: str, n: int, make: Callable[[], Any]) -> None:
        """Add the ``n`` rows of ``make()`` for :attr:`service`, made when the tables are
        built (see :meth:`SourceSink.add_frame_later`)."""
        self._sink.add_frame_later(table, n, lambda: make().assign(service=self.service))

    def warn(self, message: str) -> None:
        """A warning on the source."""
        self._sink.warn(message)

    def recognized(self, member: str) -> None:
        """Note a member as understood."""
        self._sink.recognized(member)


def for_service(sink: SourceSink, service: str) -> SourceSink:
    """``sink`` writing rows of ``service`` (see :class:`ServiceSink`)."""
    return cast(SourceSink, ServiceSink(sink, service))


def skip_folders(*prefixes: str) -> Callable[[Member], bool]:
    """A scope filter: skip members inside a folder whose name starts with a prefix."""

    def skip(member: Member) -> bool:
        folders = member.key.split("/")[:-1]
        return any(folder.startswith(prefixes) for folder in folders)

    return skip


def load_meta(
    archive: ExportArchive,
    detection: Detection,
    sink: SourceSink,
    ctx: LoadContext,
    *,
    json_specs: Sequence[Spec],
    html_specs: Sequence[Spec],
    threads: ThreadReader | None,
    html_threads: ThreadReader | None,
    skip: Callable[[Member], bool] | None = None,
    extra: Callable[[MetaReader], list[Member]] | None = None,
) -> MetaReader:
    """Read every known file of one Meta service in ``archive`` into ``sink``."""
    reader = MetaReader(archive, sink, ctx, skip)
    jobs: list[tuple[Member, Callable[[Member], Any], Spec]] = []
    seen: set[str] = set()
    kinds: tuple[tuple[Sequence[Spec], str, Callable[[Member], Any]], ...] = (
        (json_specs, ".json", reader.json),
        (html_specs, ".html", reader.html),
    )
    for specs, suffix, parse in kinds:
        for spec in specs:
            names = [n for n in spec.names if n.endswith(suffix)]
            for member in reader.find(*names, under=spec.under) if names else []:
                if member.path not in seen:
                    seen.add(member.path)
                    jobs.append((member, parse, spec))
    thread_jobs: list[tuple[Member, ThreadReader]] = []
    for member in reader.glob(THREAD_RE.pattern):
        handler = threads if member.suffix == ".json" else html_threads
        if handler is not None and member.path not in seen:
            seen.add(member.path)
            thread_jobs.append((member, handler))
    for member in extra(reader) if extra else []:
        if member.path not in seen and threads is not None:
            seen.add(member.path)
            thread_jobs.append((member, threads))
    total = max(1, len(jobs) + len(thread_jobs))
    done = 0
    for member, parse, spec in jobs:
        check(ctx.cancel)
        ctx.progress(done / total, member.name)
        reader.run(member, parse, *spec.reader())
        done += 1
    for member, handler in thread_jobs:
        check(ctx.cancel)
        if done % 16 == 0:
            ctx.progress(done / total, member.name)
        handler(reader, member)
        done += 1
    flush_messages(reader)
    reader.finish()
    ctx.progress(1.0, "")
    return reader


@dataclass(frozen=True)
class ServiceFiles:
    """What one Meta service reads in an export.

    ``html`` gives the HTML specs and the HTML thread reader; it is called only for
    exports in HTML (so lxml work is imported only then).
    """

    service: str
    json_specs: tuple[Spec, ...]
    html: Callable[[], tuple[tuple[Spec, ...], ThreadReader]]
    skip: Callable[[Member], bool]


def load_service(
    archive: ExportArchive,
    detection: Detection,
    sink: SourceSink,
    ctx: LoadContext,
    files: ServiceFiles,
) -> MetaReader:
    """Read the files of ``files.service`` in ``archive`` (JSON, and HTML when the export
    has HTML) into ``sink``, message threads included."""
    html_specs: tuple[Spec, ...] = ()
    html_threads: ThreadReader | None = None
    if detection.format in ("html", "mixed"):
        html_specs, html_threads = files.html()
    return load_meta(
        archive,
        detection,
        sink,
        ctx,
        json_specs=files.json_specs,
        html_specs=html_specs,
        threads=thread_json,
        html_threads=html_threads,
        skip=files.skip,
    )
