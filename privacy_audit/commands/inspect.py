"""``privacy-audit inspect PATH... [--json]``: what was found in the exports.

Human-readable by default (in the user's language); ``--json`` prints
``{"schema": "privacy-audit/1", "sources": [...]}`` with one
:meth:`~privacy_audit.source_info.SourceInfo.to_json` object per export, grouped per service.
Progress goes to stderr, and only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, TextIO

import orjson

from privacy_audit.commands.common import input_paths
from privacy_audit.i18n import N_, Translator
from privacy_audit.labels import layout_label, service_name, source_kind_label
from privacy_audit.pipeline import load_sources
from privacy_audit.progress import Progress
from privacy_audit.source_info import SERVICES, TABLES, SourceInfo
from privacy_audit.sources.detect import HTML_FORMAT_HINT
from privacy_audit.sources.not_read import REASONS
from privacy_audit.terminal import safe_json, safe_line
from privacy_audit.values import number

SCHEMA = "privacy-audit/1"

TABLE_LABELS = {
    "identifiers": N_("your identifiers"),
    "contacts": N_("contacts"),
    "activity": N_("logins, sessions and devices"),
    "off_platform": N_("activity off Meta"),
    "advertisers": N_("advertisers"),
    "linked_accounts": N_("linked accounts"),
    "settings": N_("settings"),
    "suggestions": N_("friend suggestions"),
    "messages": N_("messages"),
    "groups": N_("groups"),
}
CHAT_LABELS = {
    "platform": N_("platform"),
    "date_order": N_("date order"),
    "clock": N_("clock"),
    "messages": N_("messages"),
    "senders": N_("senders"),
    "by_kind": N_("by kind"),
    "text": N_("text"),
    "media": N_("media"),
    "system": N_("system"),
    "deleted": N_("deleted"),
    "edited": N_("edited"),
    "chats": N_("chat files"),
}


def ordered_sources(sources: Iterable[SourceInfo]) -> list[SourceInfo]:
    """Sources grouped per service (facebook, instagram, messenger, whatsapp), stable."""
    rank = {service: index for index, service in enumerate(SERVICES)}
    return sorted(sources, key=lambda s: rank.get(s.service, len(rank)))


def to_json(sources: Iterable[SourceInfo]) -> dict[str, Any]:
    """The ``inspect --json`` document."""
    return {"schema": SCHEMA, "sources": [s.to_json() for s in ordered_sources(sources)]}


def _progress_to(stream: TextIO) -> Progress:
    def report(fraction: float, label: str) -> None:
        percent = round(max(0.0, min(1.0, fraction)) * 100)
        # the label is the step, then the file on a second line: one line here
        line = safe_line(label.replace("\n", " · "))[:60]
        stream.write(f"\r{percent:3d}% {line:<60}")
        if fraction >= 1.0:
            stream.write("\r" + " " * 66 + "\r")
        stream.flush()

    return report


def _chat_lines(chat: dict[str, Any], tr: Translator) -> list[str]:
    parts: list[str] = []
    if chat.get("business"):
        parts.append(tr.gettext("with a WhatsApp Business account (the export says so)"))
    for key, value in chat.items():
        if key == "business":
            continue
        label = tr.gettext(CHAT_LABELS[key]) if key in CHAT_LABELS else key
        if isinstance(value, dict):
            inner = ", ".join(
                f"{tr.gettext(CHAT_LABELS[k]) if k in CHAT_LABELS else k} "
                f"{number(v, tr.locale) if isinstance(v, int) else v}"
                for k, v in value.items()
            )
            parts.append(f"{label}: {inner}")
        elif isinstance(value, int) and not isinstance(value, bool):
            parts.append(f"{label}: {number(value, tr.locale)}")
        elif value is None:
            parts.append(f"{label}: —")
        else:
            parts.append(f"{label}: {value}")
    return parts


def render_text(sources: Iterable[SourceInfo], tr: Translator) -> str:
    """The human-readable summary, in ``tr``'s language."""
    _ = tr.gettext
    ordered = ordered_sources(sources)
    lines: list[str] = []
    for info in ordered:
        service = service_name(info.service)
        lines.append(f"{service} — {info.path}")
        kind = source_kind_label(tr, info.kind)
        lines.append(
            "  "
            + _("Kind: {kind} · {layout}").format(
                kind=kind, layout=layout_label(tr, info.layout, info.format)
            )
        )
        if info.parts:
            lines.append(
                "  "
                + tr.ngettext(
                    "{count} part: {names}", "{count} parts: {names}", len(info.parts)
                ).format(count=len(info.parts), names=", ".join(info.parts))
            )
        if info.export_date is not None:
            lines.append("  " + _("Exported on {date}").format(date=info.export_date.date()))
        overlap = info.extra.get("overlap")
        if overlap:
            shared = int(overlap.get("shared_rows", 0))
            others = ", ".join(overlap.get("with", []))
            if shared:
                text = tr.ngettext(
                    "Same account as {others}: {count} row is in both and is counted once.",
                    "Same account as {others}: {count} rows are in both and are counted once.",
                    shared,
                ).format(others=others, count=number(shared, tr.locale))
            else:  # grouped because nothing tells the accounts apart, not because rows match
                text = _("Read as the same account as {others}; no row is in both.").format(
                    others=others
                )
            lines.append("  " + text)
        lines.append(
            "  "
            + _("Files recognised: {recognized} · not recognised: {unrecognized}").format(
                recognized=number(len(info.files_recognized), tr.locale),
                unrecognized=number(info.files_unrecognized, tr.locale),
            )
        )
        rows = [(t, n) for t, n in info.tables.items() if n]
        rows.sort(key=lambda item: TABLES.index(item[0]) if item[0] in TABLES else len(TABLES))
        if rows:
            lines.append("  " + _("Rows found:"))
            for table, count in rows:
                label = _(TABLE_LABELS[table]) if table in TABLE_LABELS else table
                lines.append(f"    {label}: {number(count, tr.locale)}")
        else:
            lines.append("  " + _("No rows found."))
        if info.chat:
            lines.append("  " + _("Chat:"))
            lines.extend(f"    {line}" for line in _chat_lines(info.chat, tr))
        not_read = info.extra.get("not_read") or []
        if not_read:
            lines.append("  " + _("Files not read by an importer:"))
            for entry in not_read:
                why = _(REASONS[entry["reason"]]) if entry["reason"] in REASONS else ""
                found = int(entry.get("found") or 0)
                shown = f" ({number(found, tr.locale)})" if found else ""
                lines.append(f"    - {entry['file']}: {why}{shown}")
        if info.warnings:
            lines.append("  " + _("Warnings:"))
            lines.extend(f"    - {warning}" for warning in info.warnings)
        tip = _(HTML_FORMAT_HINT)
        if info.format in ("html", "mixed") and info.service != "whatsapp":
            if tip not in info.warnings:
                lines.append("  " + _("Tip: {tip}").format(tip=tip))
        lines.append("")
    lines.append(
        tr.ngettext("{count} export read.", "{count} exports read.", len(ordered)).format(
            count=len(ordered)
        )
    )
    return "\n".join(safe_line(line) for line in lines) + "\n"


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Run ``inspect``; InputError propagates to the CLI (one line, exit 2)."""
    paths = input_paths(args)
    progress = _progress_to(sys.stderr) if sys.stderr.isatty() else None
    sources = load_sources(
        paths,
        region=getattr(args, "region", None),
        lang=tr.lang,
        progress=progress,
    )
    if getattr(args, "json", False):
        data = safe_json(orjson.dumps(to_json(sources), option=orjson.OPT_INDENT_2))
        sys.stdout.write(data.decode("utf-8") + "\n")
    else:
        sys.stdout.write(render_text(sources, tr))
    sys.stdout.flush()
    return 0
