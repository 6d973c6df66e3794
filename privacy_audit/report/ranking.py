"""Ranking charts: the top off-Meta apps (bars) and the advertisers (a dot matrix)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from markupsafe import Markup

from privacy_audit.i18n import Translator
from privacy_audit.report.fmt import SERVICE_COLORS, number
from privacy_audit.report.svg import (
    GRID,
    MUTED,
    WIDTH,
    gettext_of,
    locale_of,
    short,
    svg,
    text,
    usable,
    wrap,
)


def _bars(
    labels: list[str], values: list[int], *, label: str, color: str, tr: Translator | None
) -> Markup:
    loc = locale_of(tr)
    left, row_h, top = 236, 30, 6
    bar_max = WIDTH - left - 80
    peak = max(values) or 1
    body: list[str] = []
    for r, (name, value) in enumerate(zip(labels, values, strict=True)):
        y = top + r * row_h + row_h / 2
        body.append(text(left - 12, y + 5, short(name, 30), anchor="end", size=13))
        width = max(bar_max * value / peak, 2.0)
        body.append(
            f'<rect x="{left}" y="{y - 10:.1f}" width="{width:.1f}" height="20" rx="4" '
            f'fill="{color}"/>'
        )
        body.append(text(left + width + 8, y + 5, number(value, loc), weight=600))
    return svg(WIDTH, top * 2 + len(labels) * row_h, label, body)


def top_apps_chart(off_meta_top: Any, *, tr: Translator | None = None, limit: int = 10) -> Markup:
    """The apps and websites that sent Meta the most events about the person."""
    if not usable(off_meta_top, "app", "events"):
        return Markup("")
    _ = gettext_of(tr)
    events = pd.to_numeric(off_meta_top["events"], errors="coerce").fillna(0).astype(int)
    frame = pd.DataFrame({"app": off_meta_top["app"].astype(object), "events": events})
    frame = frame.dropna(subset=["app"]).sort_values("events", ascending=False, kind="stable")
    frame = frame.head(limit)
    if frame.empty:
        return Markup("")
    return _bars(
        [str(a) for a in frame["app"]],
        [int(v) for v in frame["events"]],
        label=_("Apps and websites that told Meta about you"),
        color="#d97706",
        tr=tr,
    )


def _relations(value: Any) -> set[str]:
    if isinstance(value, str):
        return {v.strip() for v in value.replace(";", ",").split(",") if v.strip()}
    if isinstance(value, (list, tuple, set)):
        return {str(v) for v in value}
    return set()


def _truthy(value: Any) -> bool:
    try:
        return bool(value) and not pd.isna(value)
    except (TypeError, ValueError):
        return bool(value)


def advertisers_chart(advertisers: Any, *, tr: Translator | None = None, limit: int = 12) -> Markup:
    """Advertisers as a dot matrix: what each did with the person's data, where else seen.

    Ordered by how many ways they reached the person: a full row is a company that had
    a list with the person's information, used their activity and also shows up in
    off-Meta activity or WhatsApp business chats.
    """
    if not usable(advertisers, "name"):
        return Markup("")
    _ = gettext_of(tr)
    columns = [
        ("uploaded_list", _("Had a list with your info"), "#dc2626"),
        ("used_activity", _("Used your activity"), "#d97706"),
        ("interacted", _("You interacted"), "#2563eb"),
        ("in_off_meta", _("Also in off-Meta activity"), "#d97706"),
        ("in_whatsapp_business", _("Also a WhatsApp business"), SERVICE_COLORS["whatsapp"]),
    ]
    relations = (
        advertisers["relations"].map(_relations)
        if "relations" in advertisers
        else pd.Series([set()] * len(advertisers), index=advertisers.index)
    )
    rows = []
    for i, name in enumerate(advertisers["name"].tolist()):
        if name is None or (isinstance(name, float) and math.isnan(name)):
            continue
        idx = advertisers.index[i]
        marks = [key in relations[idx] for key, _l, _c in columns[:3]]
        for key in ("in_off_meta", "in_whatsapp_business"):
            marks.append(_truthy(advertisers[key][idx]) if key in advertisers else False)
        rows.append((-sum(marks), str(name).casefold(), str(name), marks))
    rows.sort()
    shown = rows[:limit]
    if not shown:
        return Markup("")
    name_w, col_w, head_h, row_h = 250, 98, 62, 30
    body: list[str] = []
    for c, (_key, label, _color) in enumerate(columns):
        cx = name_w + col_w * c + col_w / 2
        for ln, part in enumerate(wrap(label, 14, 3)):
            body.append(
                text(
                    cx,
                    16 + ln * 14,
                    part,
                    anchor="middle",
                    size=11,
                    fill=MUTED,
                    cls="muted",
                    weight=600,
                )
            )
    for r, (_score, _fold, name, marks) in enumerate(shown):
        y = head_h + r * row_h + row_h / 2
        if r % 2 == 0:
            body.append(
                f'<rect class="band" x="4" y="{y - row_h / 2:.1f}" '
                f'width="{name_w + col_w * len(columns) - 4}" height="{row_h}" rx="6" '
                f'fill="#f3f4f6"/>'
            )
        body.append(text(12, y + 5, short(name, 32), size=13))
        for c, ((_key, _label, color), on) in enumerate(zip(columns, marks, strict=True)):
            cx = name_w + col_w * c + col_w / 2
            if on:
                body.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="8" fill="{color}"/>')
            else:
                body.append(
                    f'<circle class="off" cx="{cx:.1f}" cy="{y:.1f}" r="7" fill="none" '
                    f'stroke="{GRID}" stroke-width="2"/>'
                )
    height = head_h + len(shown) * row_h + 8
    if len(rows) > len(shown):
        height += 14
        body.append(
            text(
                12,
                height - 4,
                _("{n} more advertisers").format(n=number(len(rows) - len(shown), locale_of(tr))),
                size=12,
                fill=MUTED,
                cls="muted",
            )
        )
    return svg(name_w + col_w * len(columns) + 8, height, _("Advertisers and your data"), body)
