"""The card kit: the shape of a context card and the dated facts cards and letters use.

Every card is a plain dict (JSON-ready)::

    {"id": str, "kind": "summary" | "story" | "history" | "legal",
     "title": str, "text": [sentences], "confidence": "confirmed" | "probable" | None,
     "rows": [evidence-like dicts using PERSONAL_FIELDS names, redactable],
     "facts": {plain values}, "links": [{"label", "url"}]}

The cards' dates, texts and official pages are data under ``resources/cards/``:
``facts.toml`` holds the dates (``[dates]``, TOML dates) and the pages (``[links]``, https
URLs); ``texts.toml`` holds, per card id, every sentence, title and link label as an
English gettext msgid (a ``[singular, plural]`` pair where it counts), translated in the
catalogs like any marked string. :func:`say` translates and fills one of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import Any

import pandas as pd

from privacy_audit.analysis.rulekit import numbers, plain
from privacy_audit.i18n import Translator


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


#: a card text: one msgid, or a (singular, plural) pair of msgids
Text = str | tuple[str, str]


def parse_texts(text: str, where: str = "cards/texts.toml") -> dict[str, dict[str, Text]]:
    """The card texts of a ``texts.toml`` document: card id -> key -> msgid or pair.

    Raises ValueError for an entry that is neither a non-empty string nor a pair of them.
    """
    texts: dict[str, dict[str, Text]] = {}
    for cid, entries in tomllib.loads(text).items():
        if not isinstance(entries, dict):
            raise ValueError(f"{where}: {cid} is not a table of texts")
        texts[cid] = {}
        for key, value in entries.items():
            if isinstance(value, str) and value:
                texts[cid][key] = value
            elif (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, str) and v for v in value)
            ):
                texts[cid][key] = (value[0], value[1])
            else:
                raise ValueError(f"{where}: {cid}.{key} is not a text or a [singular, plural] pair")
    return texts


@functools.cache
def card_texts() -> dict[str, dict[str, Text]]:
    """The texts of every card (``resources/cards/texts.toml``)."""
    path = resources.files("privacy_audit") / "resources" / "cards" / "texts.toml"
    return parse_texts(path.read_text(encoding="utf-8"))


def say(tr: Translator, cid: str, key: str, n: int | None = None, **values: Any) -> str:
    """Text ``key`` of card ``cid`` in the language of ``tr``, its placeholders filled.

    A counting text (a pair) takes its form from ``n``, which also fills ``{n}``; whole
    numbers are written with the language's grouping (:func:`.rulekit.numbers`).
    """
    text = card_texts()[cid][key]
    if isinstance(text, tuple):
        if n is None:
            raise TypeError(f"card text {cid}.{key} counts: give n")
        translated = tr.ngettext(text[0], text[1], n)
    else:
        translated = tr.gettext(text)
    if n is not None:
        values["n"] = n
    return translated.format(**numbers(tr, **values)) if values else translated


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
