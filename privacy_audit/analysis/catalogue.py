"""The recommendations catalogue: data files in ``resources/recommendations/*.toml``.

One TOML file per recommendation: ``id``, ``checked`` (ISO date the steps were last
checked), optional ``setting_url`` and ``services``, ``[[links]]`` (``url``, ``en``, ``it``
labels) and one table per language (``[en]``, ``[it]``) with ``title``, ``why``,
``steps_app`` and ``steps_web``. Menu paths move often: they live here as data, not code.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from privacy_audit.analysis.result import Link, Recommendation

LANGUAGES: tuple[str, ...] = ("en", "it")
_TEXT_FIELDS: tuple[str, ...] = ("title", "why", "steps_app", "steps_web")


@functools.cache
def raw_catalogue() -> dict[str, dict[str, Any]]:
    """Every catalogue entry as parsed TOML, by id (validated, cached)."""
    folder = resources.files("privacy_audit") / "resources" / "recommendations"
    entries: dict[str, dict[str, Any]] = {}
    for item in sorted(folder.iterdir(), key=lambda e: e.name):
        if not item.name.endswith(".toml"):
            continue
        data = tomllib.loads(item.read_text(encoding="utf-8"))
        _validate(item.name, data)
        entries[data["id"]] = data
    return entries


def _validate(name: str, data: dict[str, Any]) -> None:
    for key in ("id", "checked", "links", *LANGUAGES):
        if key not in data:
            raise ValueError(f"recommendation {name}: missing {key!r}")
    for lang in LANGUAGES:
        for key in _TEXT_FIELDS:
            if not data[lang].get(key):
                raise ValueError(f"recommendation {name}: missing {lang}.{key}")
    for link in data["links"]:
        if not str(link.get("url", "")).startswith("https://"):
            raise ValueError(f"recommendation {name}: link is not https")


def recommendation(rec_id: str, lang: str = "en") -> Recommendation:
    """The recommendation ``rec_id`` in ``lang`` (English for unknown languages)."""
    data = raw_catalogue()[rec_id]
    lang = lang if lang in LANGUAGES else "en"
    text = data[lang]
    return Recommendation(
        id=data["id"],
        title=text["title"],
        why=text["why"],
        steps_app=list(text["steps_app"]),
        steps_web=list(text["steps_web"]),
        links=[Link(label=link.get(lang) or link["en"], url=link["url"]) for link in data["links"]],
        checked=str(data["checked"]),
        setting_url=data.get("setting_url"),
    )


def catalogue(lang: str = "en") -> dict[str, Recommendation]:
    """Every recommendation in ``lang``, by id."""
    return {rec_id: recommendation(rec_id, lang) for rec_id in raw_catalogue()}
