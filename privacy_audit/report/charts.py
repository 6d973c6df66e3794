"""Inline SVG charts of the cross-service picture, generated in Python (no JavaScript).

Pure functions: a crossref DataFrame (columns as documented on ``AuditResult.crossref``)
in, an SVG string out. The string is a :class:`markupsafe.Markup` (a ``str`` subclass that
jinja2 does not escape twice): every text node and attribute value taken from the data is
escaped here, so names such as ``<script>`` stay text. Colours are presentation attributes
plus class names the report's CSS overrides in dark mode; the GUI renders the same strings.
A missing or empty table gives an empty string. Labels go through the translator ``tr``.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from markupsafe import Markup

from privacy_audit.i18n import Translator
from privacy_audit.labels import service_name
from privacy_audit.model import SERVICES
from privacy_audit.report.fmt import (
    FALLBACK_COLOR,
    SERVICE_COLORS,
    month,
    number,
    service_list,
)
from privacy_audit.report.ranking import advertisers_chart, top_apps_chart
from privacy_audit.report.svg import (
    ACCENT,
    GRID,
    INK,
    MUTED,
    WIDTH,
    gettext_of,
    locale_of,
    svg,
    text,
    usable,
)

__all__ = [
    "activity_chart",
    "advertisers_chart",
    "overlap_chart",
    "score_band",
    "score_gauge",
    "top_apps_chart",
]


def _canonical(services: Any) -> str:
    found = service_list(services)
    order = {s: i for i, s in enumerate(SERVICES)}
    return ",".join(sorted(set(found), key=lambda s: (order.get(s, 99), s)))


def overlap_chart(contact_overlap: Any, *, tr: Translator | None = None, limit: int = 8) -> Markup:
    """Contacts grouped by the combination of services holding them (an UpSet diagram).

    One row per combination: dots for the services, a bar for the number of people,
    solid for confirmed matches (same number or email), light for probable ones.
    """
    if not usable(contact_overlap, "services"):
        return Markup("")
    _ = gettext_of(tr)
    loc = locale_of(tr)
    frame = contact_overlap
    combos = frame["services"].astype(object).map(_canonical)
    if "confidence" in frame:
        confirmed = frame["confidence"].astype(object).eq("probable").map(lambda p: not p)
    else:
        confirmed = pd.Series(True, index=frame.index)
    table = (
        pd.DataFrame({"combo": combos.to_numpy(), "confirmed": confirmed.to_numpy(dtype=bool)})
        .query("combo != ''")
        .groupby("combo")["confirmed"]
        .agg(["size", "sum"])
        .sort_values(["size"], ascending=False, kind="stable")
    )
    if table.empty:
        return Markup("")
    rows = table.head(limit)
    present = [s for s in SERVICES if any(s in c.split(",") for c in rows.index)]
    present += sorted({s for c in rows.index for s in c.split(",")} - set(present))
    col_w, row_h, x0, top = 86, 34, 16, 46
    bar_x = x0 + col_w * len(present) + 18
    bar_max = WIDTH - bar_x - 90
    peak = int(rows["size"].max())
    body: list[str] = []
    for i, service in enumerate(present):
        cx = x0 + col_w * i + col_w / 2
        body.append(text(cx, 24, service_name(service), anchor="middle", size=12, weight=600))
    any_probable = False
    for r, (combo, values) in enumerate(rows.iterrows()):
        y = top + r * row_h
        members = combo.split(",")
        if r % 2 == 0:
            body.append(
                f'<rect class="band" x="4" y="{y - row_h / 2:.1f}" width="{WIDTH - 8}" '
                f'height="{row_h}" rx="6" fill="#f3f4f6"/>'
            )
        xs = [x0 + col_w * i + col_w / 2 for i, s in enumerate(present) if s in members]
        if len(xs) > 1:
            body.append(
                f'<line x1="{min(xs):.1f}" y1="{y:.1f}" x2="{max(xs):.1f}" y2="{y:.1f}" '
                f'class="link" stroke="{INK}" stroke-width="3"/>'
            )
        for i, service in enumerate(present):
            cx = x0 + col_w * i + col_w / 2
            if service in members:
                color = SERVICE_COLORS.get(service, FALLBACK_COLOR)
                body.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="8" fill="{color}"/>')
            else:
                body.append(f'<circle class="off" cx="{cx:.1f}" cy="{y:.1f}" r="6" fill="{GRID}"/>')
        size, sure = int(values["size"]), int(values["sum"])
        any_probable |= sure < size
        sure_w = bar_max * sure / peak
        full_w = max(bar_max * size / peak, 2.0)
        body.append(
            f'<rect x="{bar_x}" y="{y - 9:.1f}" width="{full_w:.1f}" height="18" rx="4" '
            f'fill="{ACCENT}" fill-opacity="0.35"/>'
        )
        if sure:
            body.append(
                f'<rect x="{bar_x}" y="{y - 9:.1f}" width="{max(sure_w, 2.0):.1f}" height="18" '
                f'rx="4" fill="{ACCENT}"/>'
            )
        body.append(text(bar_x + full_w + 8, y + 5, number(size, loc), weight=600))
    height = top + len(rows) * row_h
    legend_y = height + 4
    body.append(
        f'<rect x="{bar_x}" y="{legend_y - 10}" width="14" height="12" rx="3" fill="{ACCENT}"/>'
    )
    body.append(
        text(
            bar_x + 20,
            legend_y,
            _("confirmed (same number or email)"),
            size=12,
            fill=MUTED,
            cls="muted",
        )
    )
    if any_probable:
        legend_y += 20
        body.append(
            f'<rect x="{bar_x}" y="{legend_y - 10}" width="14" height="12" rx="3" '
            f'fill="{ACCENT}" fill-opacity="0.35"/>'
        )
        body.append(
            text(
                bar_x + 20,
                legend_y,
                _("probable (same name only)"),
                size=12,
                fill=MUTED,
                cls="muted",
            )
        )
    hidden = len(table) - len(rows)
    if hidden > 0:
        legend_y += 20
        body.append(
            text(
                x0,
                legend_y,
                _("{n} more combinations").format(n=number(hidden, loc)),
                size=12,
                fill=MUTED,
                cls="muted",
            )
        )
    return svg(WIDTH, legend_y + 12, _("Contacts by the services that hold them"), body)


def _bins(dates: pd.Series) -> tuple[pd.Series, str]:
    span = (dates.max() - dates.min()).days
    if span > 120:
        return dates.dt.to_period("M").dt.start_time, "MS"
    if span > 31:
        return dates.dt.to_period("W").dt.start_time, "W-MON"
    return dates.dt.normalize(), "D"


def activity_chart(activity_daily: Any, *, tr: Translator | None = None) -> Markup:
    """Activity per service over time: one band per service on a shared time axis."""
    if not usable(activity_daily, "service", "date", "events"):
        return Markup("")
    _ = gettext_of(tr)
    loc = locale_of(tr)
    dates = pd.to_datetime(activity_daily["date"], utc=True, errors="coerce").dt.tz_localize(None)
    frame = pd.DataFrame(
        {
            "service": activity_daily["service"].astype(object).to_numpy(),
            "date": dates.to_numpy(),
            "events": pd.to_numeric(activity_daily["events"], errors="coerce").fillna(0).to_numpy(),
        }
    ).dropna(subset=["date", "service"])
    if frame.empty:
        return Markup("")
    frame["bin"], freq = _bins(frame["date"])
    pivot = frame.pivot_table(index="bin", columns="service", values="events", aggfunc="sum")
    start, end = pivot.index.min(), pivot.index.max()
    axis = pd.date_range(start, end, freq=freq) if freq != "W-MON" else pivot.index
    if freq == "W-MON":
        axis = pd.date_range(start, end, freq="7D")
    pivot = pivot.reindex(axis.union(pivot.index), fill_value=0).fillna(0)
    order = [s for s in SERVICES if s in pivot.columns]
    order += sorted(str(s) for s in pivot.columns if s not in order)
    left, right, band_h, gap, top = 128, 16, 56, 14, 8
    plot_w = WIDTH - left - right
    n = len(pivot.index)
    body: list[str] = []
    unit = {"MS": _("per month"), "W-MON": _("per week"), "D": _("per day")}[freq]
    for b, service in enumerate(order):
        values = pivot[service].to_numpy(dtype=float)
        y0 = top + b * (band_h + gap)
        base = y0 + band_h
        color = SERVICE_COLORS.get(service, FALLBACK_COLOR)
        peak = float(values.max()) or 1.0
        body.append(text(0, y0 + 20, service_name(service), size=13, weight=600))
        body.append(
            text(
                0,
                y0 + 38,
                _("{n} events").format(n=number(int(values.sum()), loc)),
                size=11,
                fill=MUTED,
                cls="muted",
            )
        )
        body.append(
            f'<line class="grid" x1="{left}" y1="{base}" x2="{WIDTH - right}" y2="{base}" '
            f'stroke="{GRID}"/>'
        )
        if n == 1:
            xs = [left + plot_w / 2]
        else:
            xs = [left + plot_w * i / (n - 1) for i in range(n)]
        ys = [base - (band_h - 6) * v / peak for v in values]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))
        body.append(
            f'<polygon points="{xs[0]:.1f},{base} {line} {xs[-1]:.1f},{base}" fill="{color}" '
            f'fill-opacity="0.22"/>'
        )
        body.append(
            f'<polyline points="{line}" fill="none" stroke="{color}" stroke-width="2" '
            f'stroke-linejoin="round"/>'
        )
        body.append(
            text(
                0,
                y0 + 53,
                _("peak {n} {unit}").format(n=number(int(peak), loc), unit=unit),
                size=11,
                fill=MUTED,
                cls="muted",
            )
        )
    axis_y = top + len(order) * (band_h + gap) + 6
    ticks = min(6, n)
    for t in range(ticks):
        i = 0 if ticks == 1 else round(t * (n - 1) / (ticks - 1))
        x = left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)
        anchor = (
            "start"
            if t == 0 and ticks > 1
            else ("end" if t == ticks - 1 and ticks > 1 else "middle")
        )
        body.append(
            text(
                x,
                axis_y + 8,
                month(pivot.index[i], loc),
                anchor=anchor,
                size=11,
                fill=MUTED,
                cls="muted",
            )
        )
    return svg(WIDTH, axis_y + 16, _("Activity per service over time"), body)


def score_band(score: int) -> str:
    """``high``, ``medium`` or ``low`` exposure for a 0-100 score."""
    return "high" if score >= 67 else ("medium" if score >= 34 else "low")


BAND_COLORS = {"high": "#dc2626", "medium": "#d97706", "low": "#16a34a"}


def score_gauge(score: int, *, tr: Translator | None = None) -> Markup:
    """A half-circle gauge of the exposure score (0-100, higher = more exposed)."""
    _ = gettext_of(tr)
    value = max(0, min(100, int(score)))
    cx, cy, r = 120.0, 118.0, 92.0
    color = BAND_COLORS[score_band(value)]

    def point(fraction: float) -> str:
        angle = math.pi * (1 - fraction)
        return f"{cx + r * math.cos(angle):.2f},{cy - r * math.sin(angle):.2f}"

    body = [
        f'<path class="track" d="M {point(0)} A {r} {r} 0 0 1 {point(1)}" fill="none" '
        f'stroke="{GRID}" stroke-width="22" stroke-linecap="round"/>',
    ]
    if value:
        body.append(
            f'<path d="M {point(0)} A {r} {r} 0 0 1 {point(value / 100)}" fill="none" '
            f'stroke="{color}" stroke-width="22" stroke-linecap="round"/>'
        )
    body.append(text(cx, cy - 12, value, anchor="middle", size=54, weight=700))
    body.append(
        text(cx, cy + 12, _("out of 100"), anchor="middle", size=13, fill=MUTED, cls="muted")
    )
    label = _("Exposure score {score} out of 100").format(score=value)
    return svg(240, 138, label, body)
