"""Every string marked for translation has an Italian translation, and every entry of the
catalogs is a string the code, the templates or the card texts still use.

The texts of the context cards are data (``resources/cards/texts.toml``), not calls: they
count as marked strings, and a counting text must have a plural entry in the catalogs.
"""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from privacy_audit.analysis.cardkit import Text, parse_texts
from privacy_audit.i18n import Translator, system_language, translator

PACKAGE = Path(__file__).resolve().parent.parent / "privacy_audit"
CATALOGS = PACKAGE / "resources" / "locale"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "tr": None}
CARD_TEXTS = PACKAGE / "resources" / "cards" / "texts.toml"


def _card_texts(path: Path = CARD_TEXTS) -> dict[str, Text]:
    """``card.key`` -> msgid or (singular, plural) of every card text in ``path``."""
    texts = parse_texts(path.read_text(encoding="utf-8"), path.name)
    return {f"{cid}.{key}": text for cid, entries in texts.items() for key, text in entries.items()}


def _untranslated_card_texts(lang: str, path: Path = CARD_TEXTS) -> list[str]:
    """The card texts of ``path`` without a translation in ``lang``'s catalogs: a text with
    no entry (or an empty one), and a counting text whose entry has no plural forms."""
    entries = {
        msgid: text for where, msgid, text in _catalog_entries() if where.startswith(lang + "/")
    }
    missing = []
    for where, text in _card_texts(path).items():
        msgid = text[0] if isinstance(text, tuple) else text
        found = entries.get(msgid)
        plural_ok = not isinstance(text, tuple) or isinstance(found, tuple)
        if not found or not all(found) or not plural_ok:
            missing.append(where)
    return sorted(missing)


def _python_calls(root: Path) -> set[str]:
    """The first argument of every marking call, read from the syntax tree: unlike Babel's
    tokenizer this also sees calls inside f-strings."""
    found: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name in KEYWORDS and isinstance(first, ast.Constant):
                if isinstance(first.value, str) and first.value:
                    found.add(first.value)
    return found


def _marked_strings(root: Path = PACKAGE) -> set[str]:
    found = _python_calls(root)
    cards = root / "resources" / "cards" / "texts.toml"
    if cards.is_file():
        found |= {t[0] if isinstance(t, tuple) else t for t in _card_texts(cards).values()}
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(root), method_map=method_map, options_map=options, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, (list, tuple)) else message
        if msgid:
            found.add(msgid)
    return found


def _catalog_entries(root: Path = CATALOGS) -> list[tuple[str, str, object]]:
    """(language/catalog file, msgid, msgstr) of every entry of every catalog under ``root``."""
    entries: list[tuple[str, str, object]] = []
    for path in sorted(root.glob("*/LC_MESSAGES/*.po")):
        where = f"{path.parent.parent.name}/{path.name}"
        with path.open("rb") as handle:
            for message in read_po(handle):
                if not message.id:
                    continue
                plural = isinstance(message.id, (list, tuple))
                msgid = message.id[0] if plural else message.id
                string = message.string
                text = tuple(string) if isinstance(string, (list, tuple)) else string
                entries.append((where, msgid, text))
    return entries


def _unused_entries(marked: set[str], root: Path = CATALOGS) -> list[str]:
    entries = _catalog_entries(root)
    return sorted(f"{where}: {msgid}" for where, msgid, _text in entries if msgid not in marked)


def _conflicts(root: Path = CATALOGS) -> list[str]:
    texts: dict[tuple[str, str], set[object]] = {}
    for where, msgid, text in _catalog_entries(root):
        texts.setdefault((where.split("/")[0], msgid), set()).add(text)
    return sorted(msgid for (_lang, msgid), found in texts.items() if len(found) > 1)


def test_every_marked_string_has_italian() -> None:
    italian = translator("it")
    missing = sorted(m for m in _marked_strings() if not italian.has_translation(m))
    assert missing == [], f"{len(missing)} strings lack Italian: {missing[:20]}"


def test_every_card_text_has_italian() -> None:
    assert len(_card_texts()) >= 40
    assert _untranslated_card_texts("it") == []


def test_untranslated_card_text_is_caught(tmp_path: Path) -> None:
    """Control: card texts planted without Italian (a new sentence, and a sentence that
    counts while its catalog entry has one form only) are reported."""
    planted = tmp_path / "texts.toml"
    planted.write_text(
        CARD_TEXTS.read_text(encoding="utf-8")
        + '\n["planted"]\nnew = "A sentence no catalog has."\n'
        + 'counted = ["Your WhatsApp account was registered on {date}.", "{n} registrations"]\n',
        encoding="utf-8",
    )
    assert _untranslated_card_texts("it", planted) == ["planted.counted", "planted.new"]


def test_card_texts_count_as_uses(tmp_path: Path) -> None:
    """Control for the catalog check: without the card texts, their entries look unused."""
    package = tmp_path / "privacy_audit"
    (package / "resources" / "cards").mkdir(parents=True)
    (package / "mod.py").write_text("print(1)\n", encoding="utf-8")
    assert "Why it matters in Italy" not in _marked_strings(package)
    (package / "resources" / "cards" / "texts.toml").write_bytes(CARD_TEXTS.read_bytes())
    assert "Why it matters in Italy" in _marked_strings(package)


def test_every_catalog_entry_is_used() -> None:
    unused = _unused_entries(_marked_strings())
    assert unused == [], f"{len(unused)} catalog entries no code uses: {unused[:20]}"


def test_unused_catalog_entry_is_caught(tmp_path: Path) -> None:
    """Control: a stale entry planted in a copy of the catalogs is reported."""
    folder = tmp_path / "it" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for path in (CATALOGS / "it" / "LC_MESSAGES").glob("*.po"):
        (folder / path.name).write_bytes(path.read_bytes())
    with (folder / "report.po").open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "+%(points)s points to your score"\nmsgstr "+%(points)s punti"\n')
    assert _unused_entries(_marked_strings(), tmp_path) == [
        "it/report.po: +%(points)s points to your score"
    ]


def test_marking_inside_f_string_is_seen(tmp_path: Path) -> None:
    """Control for the extraction: a call inside an f-string counts as a use."""
    (tmp_path / "mod.py").write_text(
        "def title(_):\n    return f\"App — {_('Only in an f-string')}\"\n", encoding="utf-8"
    )
    assert "Only in an f-string" in _marked_strings(tmp_path)


def test_no_message_has_two_translations() -> None:
    """The catalogs of a language are merged into one table: a message in two catalogs with
    different texts would silently lose one of them."""
    assert _conflicts() == []


def test_two_translations_are_caught(tmp_path: Path) -> None:
    """Control: the same message translated two ways in two catalogs is reported."""
    folder = tmp_path / "it" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "a.po").write_text('msgid "Info"\nmsgstr "Info"\n', encoding="utf-8")
    (folder / "b.po").write_text('msgid "Info"\nmsgstr "Informazione"\n', encoding="utf-8")
    assert _conflicts(tmp_path) == ["Info"]


def test_pseudo_locale_keeps_placeholders() -> None:
    pseudo = Translator("qps")
    assert pseudo.gettext("Hello {name}").endswith("~~~~]")
    assert "{name}" in pseudo.gettext("Hello {name}")


def test_system_language_follows_locale() -> None:
    assert system_language({"LANG": "it_IT.UTF-8"}) == "it"
    assert system_language({"LANG": "de_DE.UTF-8", "LANGUAGE": "fr"}) in ("en",)
