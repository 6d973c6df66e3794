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


#: the report charts' light colours (presentation attributes) -> the theme token they are
SVG_COLOR_TOKENS = {
    "#1f2937": "ink",
    "#6b7280": "muted",
    "#e5e7eb": "line",
    "#f3f4f6": "soft",
    "#4f46e5": "accent",
}


def themed_svg(svg: str, colors: dict[str, str]) -> str:
    """A report chart recoloured with a theme's tokens (dark: light text, dark tracks).

    The same swap the report's CSS makes with its ``prefers-color-scheme: dark`` rules,
    done on the attributes because the Qt SVG renderer has no CSS cascade.
    """
    out = svg
    for light, token in SVG_COLOR_TOKENS.items():
        if token in colors:
            out = out.replace(f'"{light}"', f'"{colors[token]}"')
    return out


def smallest_text(svg: str) -> float:
    """The smallest ``font-size`` in an SVG (in its own units); 0 when it has no text."""
    import re

    sizes = [float(s) for s in re.findall(r'font-size="([0-9.]+)"', svg)]
    return min(sizes) if sizes else 0.0
