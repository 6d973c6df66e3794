"""The headless pipeline the CLI and the GUI share: paths -> Evidence -> audit.

Paths become exports here: :mod:`privacy_audit.sources.archive.inputs` sorts them into
exports and folders to scan, and of a scanned folder only what an importer recognises
is kept (:mod:`privacy_audit.sources.discover`). Long work takes ``progress`` and
``cancel`` (see :mod:`privacy_audit.progress`).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from privacy_audit.errors import InputError
from privacy_audit.gc_pause import no_cyclic_gc
from privacy_audit.i18n import N_, Translator, translator
from privacy_audit.model import Evidence, EvidenceBuilder, SourceInfo
from privacy_audit.phones import default_region_of, normalize_evidence, normalize_many
from privacy_audit.progress import CancelToken, Progress, check, no_progress
from privacy_audit.sources import IMPORTER_MODULES, importers
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.archive.inputs import open_parts
from privacy_audit.sources.base import LoadContext
from privacy_audit.sources.detect import detect
from privacy_audit.sources.discover import find_exports
from privacy_audit.sources.sweep import NAMES_KEY, promote_own, sweep

log = logging.getLogger(__name__)


def expand_inputs(paths: Sequence[str | Path]) -> list[list[Path]]:
    """The exports among ``paths``, each a list of parts (see :func:`find_exports`)."""
    return find_exports(paths).exports


def _open_all(groups: list[list[Path]]) -> list[ExportArchive]:
    opened: list[ExportArchive] = []
    try:
        for parts in groups:
            opened.append(open_parts(parts))
    except BaseException:
        for archive in opened:
            archive.close()
        raise
    return opened


def open_exports(paths: Sequence[str | Path]) -> list[ExportArchive]:
    """Open every export among ``paths`` (caller closes them)."""
    return _open_all(expand_inputs(paths))


def load_evidence(
    paths: Sequence[str | Path],
    *,
    region: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Evidence:
    """Read every export among ``paths`` into one :class:`Evidence`.

    Raises :class:`InputError` for input that cannot be read at all, and
    :class:`~privacy_audit.errors.Cancelled` when ``cancel`` is set.
    """
    report = progress or no_progress
    token = cancel or CancelToken()
    with no_cyclic_gc():
        evidence = _load(paths, report, token, lang).build()
    return _finish(evidence, region, lang, report, token)


def load_sources(
    paths: Sequence[str | Path],
    *,
    region: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[SourceInfo]:
    """``load_evidence(...).sources``: what was found in each export (``inspect``).

    One export is summarised without building its tables (nor importing pandas): its
    row counts are kept as the importers add rows (rows it does not show, such as a
    Meta export's messages, are only counted: ``LoadContext.counts_only``), and the one
    step after loading that changes a source, the warning about unread contact points,
    reads the collected rows. Several exports are built and merged, as the merge
    changes their sources.
    """
    report = progress or no_progress
    token = cancel or CancelToken()
    with no_cyclic_gc():
        builder = _load(paths, report, token, lang, summary=True)
    if len(builder.sources) != 1:
        with no_cyclic_gc():
            evidence = builder.build()
        return _finish(evidence, region, lang, report, token).sources
    check(token)
    report(0.96, translator(lang).gettext("Matching phone numbers across services…"))
    own = [
        (service, raw, value)
        for service, kind, raw, value in builder.text_rows(
            "identifiers", ("service", "kind", "raw", "value")
        )
        if kind == "phone"
    ]
    code = default_region_of(own, region)
    contacts = builder.text_rows("contacts", ("service", "phone_raw", "source_file"))
    e164 = normalize_many([raw for _, raw, _ in contacts], code)
    unread = [
        (service, source_file)
        for (service, raw, source_file), number in zip(contacts, e164, strict=True)
        if raw is not None and number is None
    ]
    for info in builder.sources:  # as promote_own (its other moves change no source)
        info.extra.pop(NAMES_KEY, None)
    warn_unread_contact_points(builder.sources, unread, lang)
    report(1.0, "")
    return builder.sources


def _finish(
    evidence: Evidence, region: str | None, lang: str, report: Progress, token: CancelToken
) -> Evidence:
    """The steps after loading: phone numbers, the user's own points, warnings."""
    check(token)
    report(0.96, translator(lang).gettext("Matching phone numbers across services…"))
    evidence = promote_own(normalize_evidence(evidence, region))
    note_unread_contact_points(evidence, lang)
    report(1.0, "")
    return evidence


def note_unread_contact_points(evidence: Evidence, lang: str = "en") -> None:
    """Warn on each source how many of its contact points are neither a valid number (in
    the default region) nor an e-mail address, per file; the rows stay in ``contacts``."""
    contacts = evidence.tables.get("contacts")
    if contacts is None or contacts.empty:
        return
    unread = contacts[contacts["phone_raw"].notna() & contacts["phone_e164"].isna()]
    pairs = zip(unread["service"].tolist(), unread["source_file"].tolist(), strict=True)
    warn_unread_contact_points(evidence.sources, pairs, lang)


def warn_unread_contact_points(
    sources: Sequence[SourceInfo], unread: Iterable[tuple[object, object]], lang: str = "en"
) -> None:
    """The warnings of :func:`note_unread_contact_points` from the unread contact points
    as (service, source file), in table order: per source, one per file, files in the
    order of their first unread point."""
    counts = Counter(unread)  # per (service, file), in the order of their first point
    if not counts:
        return
    tr = translator(lang)
    for info in sources:
        recognized = set(info.files_recognized)
        per_file: dict[object, int] = {}
        for (service, source_file), count in counts.items():
            if service == info.service and source_file in recognized:
                per_file[source_file] = per_file.get(source_file, 0) + count
        for source_file, n in per_file.items():
            message = tr.ngettext(
                "{n} contact point in {file} is neither a valid phone number nor an e-mail "
                "address; it is kept as written.",
                "{n} contact points in {file} are neither valid phone numbers nor e-mail "
                "addresses; they are kept as written.",
                n,
            )
            info.warnings.append(message.format(n=n, file=PurePosixPath(str(source_file)).name))


def reading_step(tr: Translator, service: str, index: int, total: int) -> str:
    """The progress sentence of reading export ``index`` of ``total``, in ``tr``'s language.

    The label of every progress report is this sentence, then (on a second line) the
    file being read: "Reading Facebook export (3 of 5)…\nmessages/inbox.json".
    """
    from privacy_audit.labels import SERVICE_NAMES

    name = SERVICE_NAMES.get(service)
    if total == 1:
        if name:
            return tr.gettext("Reading the {service} export…").format(service=name)
        return tr.gettext("Reading the export…")
    if name:
        return tr.gettext("Reading {service} export ({n} of {total})…").format(
            service=name, n=index + 1, total=total
        )
    return tr.gettext("Reading export {n} of {total}…").format(n=index + 1, total=total)


def _load(
    paths: Sequence[str | Path],
    report: Progress,
    token: CancelToken,
    lang: str,
    summary: bool = False,
) -> EvidenceBuilder:
    """Open, detect and import every export among ``paths`` (progress 0 to 0.95); with
    ``summary``, one export alone is read for its source only (rows may be counted)."""
    if not paths:
        raise InputError(N_("No export was given."), hint=N_("Give at least one file or folder."))
    found = find_exports(paths)
    archives = _open_all(found.exports)
    builder = EvidenceBuilder()
    by_name = dict(zip(IMPORTER_MODULES, importers(), strict=True))
    try:
        total = len(archives)
        for index, archive in enumerate(archives):
            check(token)
            detection = detect(archive)
            log.debug("detected %s %s %s", detection.service, detection.layout, detection.format)
            info = SourceInfo(
                path=archive.display_name,
                service=detection.service,
                kind=detection.kind,
                format=detection.format,
                layout=detection.layout,
                parts=[p.name for p in archive.parts] if len(archive.parts) > 1 else [],
            )
            sink = builder.source(info)
            for note in found.notes_for(archive.parts[0]) if archive.parts else ():
                sink.warn(note.message(translator(lang)))

            step = reading_step(translator(lang), detection.service, index, total)

            def part_progress(
                fraction: float, label: str, _i: int = index, _step: str = step
            ) -> None:
                # one sentence per step, then the file being read on its own line
                text = f"{_step}\n{label}" if label else _step
                report((_i + max(0.0, min(1.0, fraction))) / total * 0.95, text)

            ctx = LoadContext(
                progress=part_progress,
                cancel=token,
                tr=translator(lang),
                counts_only=summary and total == 1,
            )
            part_progress(0.0, archive.display_name)
            by_name[detection.importer].load(archive, detection, sink, ctx)
            if info.kind != "chat":
                sweep(archive, sink, ctx)
            recognized = set(info.files_recognized)
            info.files_unrecognized = sum(
                1 for m in archive.members if not m.is_media and m.path not in recognized
            )
    finally:
        for archive in archives:
            archive.close()
    return builder
