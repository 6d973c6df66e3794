"""The one translation layer: English source strings, Italian catalogs, a pseudo-locale.

Every visible string goes through a :class:`Translator`. Message catalogs are standard
gettext ``.po`` files under ``resources/locale/<lang>/LC_MESSAGES/*.po`` (one file per
part of the app: ``core.po``, ``import.po``, ``meta.po``, ``whatsapp.po``, ``analysis.po``,
``report.po``, ``gui.po``, ...), read with Babel, merged, and shared by the CLI, the
report templates (jinja2 i18n extension) and the GUI. Mark strings that are translated
later with :func:`N_`.

The pseudo-locale ``qps`` wraps and lengthens every string so layouts and missing
translations can be seen in tests.
"""

from __future__ import annotations

import functools
import locale
import os
from collections.abc import Iterable
from importlib import resources

from babel import Locale

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "it")
PSEUDO_LANGUAGE = "qps"
LANGUAGE_NAMES = {"en": "English", "it": "Italiano"}


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


@functools.cache
def _catalog(lang: str) -> dict[str, str | tuple[str, ...]]:
    # Babel's .po reader is loaded only here: English needs no catalog
    from babel.messages.pofile import read_po

    folder = resources.files("privacy_audit") / "resources" / "locale" / lang / "LC_MESSAGES"
    merged: dict[str, str | tuple[str, ...]] = {}
    if not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".po"):
            continue
        with entry.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            if isinstance(message.string, (list, tuple)):
                if all(message.string):
                    merged[key] = tuple(message.string)
            elif message.string:
                merged[key] = message.string
    return merged


def _pseudo(text: str) -> str:
    table = str.maketrans("aeiouAEIOU", "àéîõüÀÉÎÕÜ")
    # keep {placeholders} intact
    out, depth = [], 0
    for ch in text:
        if ch == "{":
            depth += 1
        if depth:
            out.append(ch)
        else:
            out.append(ch.translate(table))
        if ch == "}":
            depth = max(0, depth - 1)
    return "[" + "".join(out) + " ~~~~]"


class Translator:
    """Translations and locale-aware formatting for one language."""

    def __init__(self, lang: str) -> None:
        if lang not in (*SUPPORTED_LANGUAGES, PSEUDO_LANGUAGE):
            lang = "en"
        self.lang = lang
        self.locale = Locale.parse("en" if lang == PSEUDO_LANGUAGE else lang)
        self._messages = {} if lang in ("en", PSEUDO_LANGUAGE) else _catalog(lang)

    def gettext(self, message: str) -> str:
        """Translate ``message`` (the English text) into this language."""
        if self.lang == PSEUDO_LANGUAGE:
            return _pseudo(message)
        found = self._messages.get(message)
        if isinstance(found, tuple):
            return found[0]
        return found or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate with the plural form that fits ``n``."""
        if self.lang == PSEUDO_LANGUAGE:
            return _pseudo(singular if n == 1 else plural)
        found = self._messages.get(singular)
        if isinstance(found, tuple):
            # en and it have two forms: "one" is msgstr[0], every other form msgstr[1]
            index = 0 if self.locale.plural_form(n) == "one" else 1
            return found[min(index, len(found) - 1)]
        if isinstance(found, str):
            return found
        return singular if n == 1 else plural

    def has_translation(self, message: str) -> bool:
        """True when this language has its own text for ``message`` (English always)."""
        return self.lang in ("en", PSEUDO_LANGUAGE) or message in self._messages

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"


@functools.cache
def translator(lang: str) -> Translator:
    """The (cached) :class:`Translator` for ``lang``; unknown languages give English."""
    return Translator(lang)


def system_language(environ: dict[str, str] | None = None) -> str:
    """The supported language that matches the system locale (default English)."""
    env = os.environ if environ is None else environ
    candidates: Iterable[str | None] = (
        env.get("PRIVACY_AUDIT_LANG"),
        env.get("LC_ALL"),
        env.get("LC_MESSAGES"),
        env.get("LANG"),
        env.get("LANGUAGE"),
    )
    for value in candidates:
        if value:
            code = value.split(":")[0].split(".")[0].split("_")[0].lower()
            if code in SUPPORTED_LANGUAGES:
                return code
    try:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
    except ValueError:
        code = ""
    return code if code in SUPPORTED_LANGUAGES else "en"
