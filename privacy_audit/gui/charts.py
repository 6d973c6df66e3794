"""The report's cross-service charts, for the dashboard (same SVG functions as the report)."""

from __future__ import annotations

from typing import Any

from privacy_audit.analysis.result import AuditResult
from privacy_audit.i18n import N_, Translator

#: crossref table -> (chart function name in privacy_audit.report.charts, title)
CHARTS: tuple[tuple[str, str, str], ...] = (
    ("contact_overlap", "overlap_chart", N_("Contacts held by more than one service")),
    ("activity_daily", "activity_chart", N_("Activity per service over time")),
    ("off_meta_top", "top_apps_chart", N_("Apps and websites that told Meta about you")),
    ("advertisers", "advertisers_chart", N_("Advertisers with your information")),
)


def report_charts(result: AuditResult, tr: Translator) -> list[tuple[str, str]]:
    """``(title, svg)`` for every chart that has data; empty charts are left out."""
    from privacy_audit.report import charts

    out: list[tuple[str, str]] = []
    for table, function, title in CHARTS:
        frame: Any = result.crossref.get(table)
        if frame is None:
            continue
        svg = str(getattr(charts, function)(frame, tr=tr))
        if svg.strip():
            out.append((tr.gettext(title), svg))
    return out
