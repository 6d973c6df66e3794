"""What the import says about the exports beyond their rows, in words (GUI cards; no Qt):
values found by shape in files this version does not know, and rows that several
exports of one account shared (counted once)."""

from __future__ import annotations

from privacy_audit.i18n import Translator
from privacy_audit.model import SourceInfo


def source_notes(tr: Translator, sources: list[SourceInfo]) -> list[str]:
    """What the shape sweep found in files this version does not know, and how many rows
    several exports of the same account shared (counted once)."""
    lines: list[str] = []
    found = [
        int(entry.get("found") or 0)
        for source in sources
        for entry in source.extra.get("not_read") or []
        if entry.get("found")
    ]
    if found:
        lines.append(
            tr.ngettext(
                "{n} number or e-mail address found by shape in files this version does not "
                "know ({files})",
                "{n} numbers or e-mail addresses found by shape in files this version does not "
                "know ({files})",
                sum(found),
            ).format(n=sum(found), files=len(found))
        )
    shared = max(
        (int((s.extra.get("overlap") or {}).get("shared_rows", 0)) for s in sources), default=0
    )
    if shared:
        lines.append(
            tr.ngettext(
                "{n} row was in more than one export of the same account: counted once",
                "{n} rows were in more than one export of the same account: counted once",
                shared,
            ).format(n=shared)
        )
    return lines
