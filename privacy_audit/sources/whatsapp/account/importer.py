"""Importer for the WhatsApp account-info report (Settings › Account › Request account info).

Two generations are read, each as JSON and/or HTML:

- 2018-2021 (layout ``whatsapp-report-2018``): ``access.html`` + ``portability.json``;
- 2022-now (``whatsapp-report-2022``): Meta-style folders ``whatsapp_account_information/``
  (``user_information``, ``registration_information``), ``whatsapp_connections/``
  (``contacts``, ``groups``) and ``whatsapp_settings/`` (``account_settings``), plus the
  WhatsApp Business variant (business profile fields, ``business`` in names or keys).

Key names are only partly documented, so every value is found defensively: by label
(in several languages, :mod:`.labels`) and by
shape (phone numbers, IP addresses, lists of records). What cannot be read becomes a
warning on the source, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from privacy_audit.errors import InputError
from privacy_audit.model import SourceSink
from privacy_audit.progress import check
from privacy_audit.sources import skips
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.whatsapp.account import sections as rd
from privacy_audit.sources.whatsapp.account.rows import fill
from privacy_audit.sources.whatsapp.account.sections import ReportSections

GEN2_FOLDERS = ("whatsapp_account_information/", "whatsapp_connections/", "whatsapp_settings/")
GEN2_FILES = frozenset(
    "user_information registration_information avatars_information contacts groups "
    "account_settings terms_of_service business_information business_profile".split()
)
GEN1_FILES = ("access.html", "portability.json")
_MAX_FILE = 64 * 1024 * 1024


def _stem(member: Member) -> str:
    return PurePosixPath(member.key).stem


def _gen2_members(archive: ExportArchive) -> list[Member]:
    found = []
    for member in archive.members:
        if member.suffix not in (".json", ".html"):
            continue
        in_folder = any(folder in member.key for folder in GEN2_FOLDERS)
        business = "whatsapp_business" in member.key
        if (in_folder or business) and (_stem(member) in GEN2_FILES or in_folder or business):
            found.append(member)
    return found


class _Importer:
    service = "whatsapp"

    def detect(self, archive: ExportArchive) -> Detection | None:
        """The report by its folders (2022+) or by ``access.html``/``portability.json``."""
        gen2 = _gen2_members(archive)
        if gen2:
            return Detection(
                "whatsapp",
                "account_report",
                _format(gen2),
                "whatsapp-report-2022",
                score=10 + 2 * len(gen2),
            )
        gen1 = [m for m in archive.members if m.name.lower() in GEN1_FILES]
        if gen1 and len(archive.members) <= 200:
            return Detection(
                "whatsapp",
                "account_report",
                _format(gen1),
                "whatsapp-report-2018",
                score=10 + 2 * len(gen1),
            )
        return None

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Read every report file into ``sink``."""
        if detection.layout == "whatsapp-report-2018":
            members = [m for m in archive.members if m.name.lower() in GEN1_FILES]
        else:
            members = _gen2_members(archive)
        json_stems = {_stem(m) for m in members if m.suffix == ".json"}
        sections: dict[str, Any] = {}
        snippets: dict[str, list[str]] = {}
        twins: dict[str, Member] = {}  # HTML copies not read while their JSON may be
        unread: set[str] = set()  # stems whose JSON could not be read: the HTML copy is
        files: dict[str, str] = {}  # section -> the file its rows come from

        def read(member: Member) -> None:
            tree, texts = _read(archive, member, sink, ctx)
            if tree is None:
                if member.suffix == ".json":
                    unread.add(_stem(member))
                return
            sink.recognized(member.path)
            key = "report" if detection.layout == "whatsapp-report-2018" else _stem(member)
            sections[key] = _merge(sections.get(key), tree)
            snippets.setdefault(key, []).extend(texts)
            if key != "report":  # the 2018 report merges two files: named as before
                files[key] = member.name
            if "business" in member.key:
                sink.info.extra["business"] = True

        for index, member in enumerate(members):
            check(ctx.cancel)
            ctx.progress(index / max(1, len(members)), member.name)
            stem = _stem(member)
            if member.suffix == ".html" and stem in json_stems and stem not in unread:
                sink.recognized(member.path)  # same data as the JSON sibling
                twins[stem] = member
                continue
            read(member)
        for stem in sorted(unread & set(twins)):  # the JSON was unreadable: its HTML copy
            read(twins[stem])
        for member in archive.members:  # the report's table of contents
            if member.name.lower() in ("index.html", "start_here.html"):
                sink.recognized(member.path)
        fill(ReportSections(sections, snippets, sink, ctx, detection.layout, files))
        ctx.progress(1.0, "")


def _format(members: Iterable[Member]) -> str:
    suffixes = {m.suffix for m in members}
    if suffixes == {".json"}:
        return "json"
    if suffixes == {".html"}:
        return "html"
    return "mixed"


def _merge(old: Any, new: Any) -> Any:
    if old is None:
        return new
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **new}
    return [old, new]


def _read(
    archive: ExportArchive, member: Member, sink: SourceSink, ctx: LoadContext
) -> tuple[Any, list[str]]:
    """A report file as a simplified tree (None, with a warning, when unreadable)."""
    try:
        data = archive.read_bytes(member, limit=_MAX_FILE)
        if member.suffix == ".json":
            return rd.simplify(rd.load_json(data)), []
        pairs, texts = rd.html_tree(data)
        return pairs, texts
    except InputError as exc:
        sink.warn(skips.refused(ctx.tr, exc))
        return None, []
    except (ValueError, TypeError, RecursionError) as exc:  # not JSON/HTML, or not a report's
        sink.warn(skips.unreadable(ctx.tr, member.name, exc, html=member.suffix != ".json"))
        return None, []


IMPORTER = _Importer()
