"""Every string marked for translation has an Italian translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir

from privacy_audit.i18n import Translator, system_language, translator

PACKAGE = Path(__file__).resolve().parent.parent / "privacy_audit"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "tr": None}


def _marked_strings() -> set[str]:
    found: set[str] = set()
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(PACKAGE), method_map=method_map, options_map=options, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, (list, tuple)) else message
        if msgid:
            found.add(msgid)
    return found


def test_every_marked_string_has_italian() -> None:
    italian = translator("it")
    missing = sorted(m for m in _marked_strings() if not italian.has_translation(m))
    assert missing == [], f"{len(missing)} strings lack Italian: {missing[:20]}"


def test_pseudo_locale_keeps_placeholders() -> None:
    pseudo = Translator("qps")
    assert pseudo.gettext("Hello {name}").endswith("~~~~]")
    assert "{name}" in pseudo.gettext("Hello {name}")


def test_system_language_follows_locale() -> None:
    assert system_language({"LANG": "it_IT.UTF-8"}) == "it"
    assert system_language({"LANG": "de_DE.UTF-8", "LANGUAGE": "fr"}) in ("en",)
