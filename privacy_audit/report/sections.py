"""The report's sections as template data: findings, evidence tables, sources, numbers, cards.

Each function turns one part of an :class:`AuditResult` into plain strings and lists in
the audit's language; :func:`privacy_audit.report.render.build_context` puts them
together for the template.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from babel.lists import format_list

from privacy_audit.analysis.result import AuditResult, Finding, Recommendation
from privacy_audit.i18n import Translator
from privacy_audit.labels import (
    CONFIDENCE_LABELS,
    SERVICE_NAMES,
    SEVERITY_LABELS,
    capitalized,
    code_label,
    confidence_label,
    event_label,
    layout_label,
    service_name,
    setting_label,
    setting_value_label,
    severity_label,
    source_kind_label,
)
from privacy_audit.report import fmt as f
from privacy_audit.report.labels import (
    COLUMN_LABELS,
    COLUMN_ORDER,
    VALUE_LABELS,
)

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
#: evidence rows shown per finding; the rest are counted (all rows go to the CSV)
EVIDENCE_CAP = 12
#: rows shown in a cross-reference table of the report
TABLE_CAP = 25


def https_url(url: Any) -> str | None:
    """An https URL as it is, or None for anything else (never a javascript: or file: link)."""
    text = str(url or "").strip()
    return text if re.match(r"https://[^\s\"'<>]+$", text) else None


def anchor(fid: str) -> str:
    """The HTML id of a finding's section."""
    return "finding-" + re.sub(r"[^a-z0-9-]+", "-", fid.lower()).strip("-")


def column_header(key: str, tr: Translator) -> dict[str, Any]:
    """A table column header: its translated label and whether it holds numbers."""
    label = COLUMN_LABELS.get(key)
    text = tr.gettext(label) if label else key.replace("_", " ").capitalize()
    numeric = ("events", "count", "members", "n_services", "messages", "non_contacts")
    return {"label": text, "num": key in numeric}


def cell_value(key: str, value: Any, tr: Translator) -> str:
    """One evidence value as display text: service names, labels, E.164 numbers, dates."""
    if key in ("service", "services") and isinstance(value, (str, list, tuple)):
        return ", ".join(service_name(s) for s in f.service_list(value))
    if key in ("kind", "origin", "confidence") and isinstance(value, str):
        label = code_label(tr, value)
        if label:
            return capitalized(label)
    if key in ("relations", "relation", "via", "origin") and isinstance(value, str):
        parts = [p.strip() for p in value.split(",") if p.strip()]
        return ", ".join(
            tr.gettext(VALUE_LABELS[p]) if p in VALUE_LABELS else p.replace("_", " ") for p in parts
        )
    if key in ("key", "setting") and isinstance(value, str):
        return setting_label(tr, value)
    if key == "value" and isinstance(value, str):
        setting = setting_value_label(tr, value)
        if setting:
            return setting
    if key == "event" and isinstance(value, str):
        return event_label(tr, value)
    if key in ("account", "linked_to", "app") and value in SERVICE_NAMES:
        return service_name(value)
    if isinstance(value, str) and _E164.match(value):
        return f.phone(value)
    return f.cell(value, tr.locale)


def rows_table(rows: list[dict[str, Any]], tr: Translator, cap: int) -> dict[str, Any]:
    """Columns and formatted cells of dict rows (keys in a readable order), capped."""
    keys: list[str] = []
    for row in rows[:cap]:
        for key in row:
            if key not in keys:
                keys.append(key)
    keys.sort(
        key=lambda k: (COLUMN_ORDER.index(k) if k in COLUMN_ORDER else 50, k == "source_file")
    )
    return {
        "columns": [column_header(k, tr) for k in keys],
        "rows": [[cell_value(k, row.get(k), tr) for k in keys] for row in rows[:cap]],
    }


def frame_table(
    frame: Any, keys: list[str], tr: Translator, cap: int = TABLE_CAP
) -> dict[str, Any]:
    """Columns and formatted cells of the first ``cap`` rows of a DataFrame."""
    if not isinstance(frame, pd.DataFrame) or frame.empty:
        return {"columns": [], "rows": []}
    keys = [k for k in keys if k in frame.columns]
    records = frame[keys].head(cap).to_dict("records")
    rows = [[cell_value(k, r.get(k), tr) for k in keys] for r in records]
    if len(frame) > cap:
        more = tr.gettext("… and {n} more").format(n=f.number(len(frame) - cap, tr.locale))
        rows.append([more] + [""] * (len(keys) - 1))
    return {"columns": [column_header(k, tr) for k in keys], "rows": rows}


def recommendation_view(rec: Recommendation, tr: Translator) -> dict[str, Any]:
    """A recommendation as template data (links kept only when https)."""
    return {
        "title": rec.title,
        "why": rec.why,
        "steps_app": list(rec.steps_app),
        "steps_web": list(rec.steps_web),
        "links": [
            {"label": link.label, "url": url} for link in rec.links if (url := https_url(link.url))
        ],
        "setting_url": https_url(rec.setting_url),
        "checked": f.day(rec.checked, tr.locale) if rec.checked else "",
    }


def finding_view(finding: Finding, tr: Translator) -> dict[str, Any]:
    """A finding as template data: labels, evidence table, recommendations."""
    table = rows_table(finding.evidence, tr, EVIDENCE_CAP)
    shown = len(table["rows"])
    more = max(0, int(finding.evidence_total or 0) - shown)
    return {
        "id": finding.id,
        "anchor": anchor(finding.id),
        "severity": finding.severity if finding.severity in SEVERITY_LABELS else "info",
        "severity_label": severity_label(
            tr, finding.severity if finding.severity in SEVERITY_LABELS else "info"
        ),
        "title": finding.title,
        "summary": finding.summary,
        "confidence_label": capitalized(
            confidence_label(
                tr, finding.confidence if finding.confidence in CONFIDENCE_LABELS else "confirmed"
            )
        ),
        "services": format_list([service_name(s) for s in finding.services], locale=tr.locale)
        if finding.services
        else "",
        "points": finding.points,
        "columns": table["columns"],
        "rows": table["rows"],
        "more": more,
        "more_text": f.number(more, tr.locale),
        "source_files": list(finding.source_files),
        "recommendations": [recommendation_view(r, tr) for r in finding.recommendations],
    }


def sources_table(
    result: AuditResult, tr: Translator
) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """The table of the exports read: column headers and one row per export."""
    columns = [
        column_header("service", tr),
        {"label": tr.gettext("What"), "num": False},
        {"label": tr.gettext("Export date"), "num": False},
        {"label": tr.gettext("Layout"), "num": False},
        {"label": tr.gettext("File"), "num": False},
    ]
    rows = []
    for s in result.sources:
        kind = capitalized(source_kind_label(tr, s.kind))
        layout = layout_label(tr, s.layout, s.format or "")
        date = f.day(s.export_date, tr.locale) if s.export_date else tr.gettext("unknown")
        rows.append([service_name(s.service), kind, date, layout, s.path])
    return columns, rows


def _in_several(frame: Any) -> int | None:
    """How many rows of a cross-reference table are held by two or more services (None:
    the table is not there)."""
    if not isinstance(frame, pd.DataFrame) or "n_services" not in frame:
        return None
    return int((pd.to_numeric(frame["n_services"], errors="coerce") >= 2).sum())


def stats_view(result: AuditResult, tr: Translator) -> list[dict[str, str]]:
    """The headline numbers of the report (contacts, services, chats, apps...)."""
    cross = result.crossref
    network = cross.get("shared_network")
    counted = (
        (
            _in_several(cross.get("contact_overlap")),
            tr.gettext("contacts held by two or more services"),
        ),
        (
            _in_several(cross.get("own_ids")),
            tr.gettext("of your identifiers shared across services"),
        ),
        (
            len(network) if isinstance(network, pd.DataFrame) else None,
            tr.gettext("devices and IP addresses seen by several services"),
        ),
    )
    stats = [
        {"value": str(len(result.evidence.services())), "label": tr.gettext("services analysed")}
    ]
    stats += [
        {"value": f.number(n, tr.locale), "label": label} for n, label in counted if n is not None
    ]
    return stats


def cards_view(result: AuditResult, tr: Translator) -> list[dict[str, Any]]:
    """Context cards: title, paragraphs, a small table of their rows, help links."""
    cards = []
    for card in result.cards:
        text = card.get("text") or card.get("body") or ""
        paragraphs = [str(t) for t in text] if isinstance(text, (list, tuple)) else [str(text)]
        links = card.get("links") or []
        if card.get("url"):
            links = [*links, {"label": card.get("link_label") or card["url"], "url": card["url"]}]
        rows = [r for r in card.get("rows") or [] if isinstance(r, dict)]
        cards.append(
            {
                "title": str(card.get("title") or ""),
                "paragraphs": [p for p in paragraphs if p],
                "date": f.day(card["date"], tr.locale) if card.get("date") else "",
                "table": rows_table(rows, tr, 8) if rows else None,
                "links": [
                    {"label": str(link.get("label") or url), "url": url}
                    for link in links
                    if isinstance(link, dict) and (url := https_url(link.get("url")))
                ],
            }
        )
    return cards


def _score_without(result: AuditResult, ids: set[str]) -> int:
    if len(ids) == 1:
        return int(result.score_after.get(next(iter(ids)), result.score))
    try:
        from privacy_audit.analysis.score import score_after_actions
    except ImportError:  # pragma: no cover - the analysis package is part of the app
        return min(int(result.score_after.get(i, result.score)) for i in ids)
    return int(score_after_actions(result, ids))


def top_actions(
    result: AuditResult, views: list[dict[str, Any]], limit: int = 3
) -> list[dict[str, Any]]:
    """The actions that lower the score most (one per recommendation), each linking to
    its finding, with the score before and after."""
    from privacy_audit.analysis.score import ranked_actions

    pairs = zip(result.findings, views, strict=True)
    anchors = {finding.id: view["anchor"] for finding, view in pairs}
    titles = {finding.id: finding.title for finding in result.findings}
    return [
        {
            "title": action.title,
            "anchor": anchors[action.finding_ids[0]],
            "finding": " · ".join(titles[i] for i in action.finding_ids),
            "gain": action.gain,
            "before": int(result.score),
            "after": action.score_after,
        }
        for action in ranked_actions(result, (), limit, _scorer)
    ]


def _scorer(result: AuditResult, ids: set[str]) -> int:
    return _score_without(result, ids)


def baseline_view(result: AuditResult) -> dict[str, list[str]] | None:
    """Resolved finding ids and the titles of new findings since an earlier audit."""
    if not result.baseline:
        return None
    titles = {x.id: x.title for x in result.findings}
    return {
        "resolved": [str(i) for i in result.baseline.get("resolved", [])],
        "new": [titles.get(str(i), str(i)) for i in result.baseline.get("new", [])],
    }
