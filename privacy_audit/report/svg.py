"""SVG building blocks for the report charts: escaped text, the root element, sizes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

from privacy_audit.i18n import Translator
from privacy_audit.report.fmt import clean_text

INK, MUTED, GRID, ACCENT = "#1f2937", "#6b7280", "#e5e7eb", "#4f46e5"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
WIDTH = 760


def gettext_of(tr: Translator | None) -> Callable[[str], str]:
    return tr.gettext if tr is not None else (lambda s: s)


def locale_of(tr: Translator | None) -> Any:
    return tr.locale if tr is not None else "en"


def short(text: Any, limit: int) -> str:
    value = str(text)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def text(
    x: float,
    y: float,
    text: Any,
    *,
    cls: str = "ink",
    anchor: str = "start",
    size: int = 13,
    weight: int = 400,
    fill: str = INK,
) -> str:
    shown = escape(clean_text(str(text)))
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" text-anchor="{anchor}" '
        f'font-size="{size}" font-weight="{weight}" fill="{fill}">{shown}</text>'
    )


def svg(width: float, height: float, label: str, body: list[str]) -> Markup:
    title = escape(clean_text(label))
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-label="{title}" font-family="{FONT}"><title>{title}</title>'
        + "".join(body)
        + "</svg>"
    )


def usable(frame: Any, *columns: str) -> bool:
    return isinstance(frame, pd.DataFrame) and len(frame) > 0 and all(c in frame for c in columns)


def wrap(text: str, width: int, lines: int) -> list[str]:
    """Greedy word wrap to at most ``lines`` lines (the last one shortened with …)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], short(" ".join(out[lines - 1 :]), width)]
    return out
