"""The card kit: the shape of a context card and the dated facts cards and letters use.

Every card is a plain dict (JSON-ready)::

    {"id": str, "kind": "summary" | "story" | "history" | "legal",
     "title": str, "text": [sentences], "confidence": "confirmed" | "probable" | None,
     "rows": [evidence-like dicts using PERSONAL_FIELDS names, redactable],
     "facts": {plain values}, "links": [{"label", "url"}]}

The dates and official pages are data in ``resources/cards/facts.toml`` (``[dates]`` as
TOML dates, ``[links]`` as https URLs); the sentences are translated strings in the card
modules, because they are built with plural forms and the user's own counts.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import Any

import pandas as pd

from privacy_audit.analysis.rulekit import plain


@functools.cache
def _facts() -> dict[str, Any]:
    text = (resources.files("privacy_audit") / "resources" / "cards" / "facts.toml").read_text(
        encoding="utf-8"
    )
    data = tomllib.loads(text)
    for name, value in data["dates"].items():
        if not isinstance(value, dt.date):
            raise ValueError(f"cards/facts.toml: dates.{name} is not a date")
    for name, url in data["links"].items():
        if not str(url).startswith("https://"):
            raise ValueError(f"cards/facts.toml: links.{name} is not https")
    return data


def key_date(name: str) -> pd.Timestamp:
    """The date ``name`` of ``[dates]`` in the facts file, as a UTC timestamp."""
    return pd.Timestamp(_facts()["dates"][name], tz="UTC")


def link_url(name: str) -> str:
    """The official page ``name`` of ``[links]`` in the facts file."""
    return str(_facts()["links"][name])


def card(
    cid: str,
    kind: str,
    title: str,
    text: list[str],
    *,
    confidence: str | None = "confirmed",
    rows: list[dict[str, Any]] | None = None,
    facts: dict[str, Any] | None = None,
    links: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """A card dict of the shape above; ``facts`` become plain values, ``links`` (label, url)."""
    return {
        "id": cid,
        "kind": kind,
        "title": title,
        "text": text,
        "confidence": confidence,
        "rows": rows or [],
        "facts": {k: plain(v) for k, v in (facts or {}).items()},
        "links": [{"label": label, "url": url} for label, url in (links or [])],
    }
