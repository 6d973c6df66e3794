"""The card texts as data (resources/cards/texts.toml): read strictly, used exactly, and a
counting text takes the form its count needs in both languages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from privacy_audit.analysis import cardkit
from privacy_audit.analysis.cardkit import card_texts, parse_texts, say
from privacy_audit.i18n import translator

ANALYSIS = Path(cardkit.__file__).parent


def _say_calls(paths: list[Path]) -> set[tuple[str, str]]:
    """(card table, key) of every ``say(tr, "table", "key", ...)`` with constant names, and
    ("*", key) where the key is chosen at run time among string constants."""
    used: set[tuple[str, str]] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say":
                table, key = node.args[1], node.args[2]
                assert isinstance(table, ast.Constant), ast.unparse(node)
                if isinstance(key, ast.Constant):
                    used.add((table.value, key.value))
                else:  # a name bound to one of several constants just before
                    used.add((table.value, "*"))
    return used


def test_every_card_text_is_used_and_every_use_exists() -> None:
    used = _say_calls([ANALYSIS / "cards.py", ANALYSIS / "history.py"])
    defined = {(cid, key) for cid, entries in card_texts().items() for key in entries}
    assert {u for u in used if u[1] != "*"} <= defined
    chosen = {cid for cid, key in used if key == "*"}
    unused = {d for d in defined if d not in used and d[0] not in chosen}
    assert unused == set()
    # the one text chosen at run time: the WhatsApp account's first date
    assert chosen == {"history-whatsapp-2016"}
    assert {"registered", "chats_since"} <= set(card_texts()["history-whatsapp-2016"])


@pytest.mark.parametrize(
    "text",
    [
        '["c"]\nempty = ""\n',
        '["c"]\nthree = ["a", "b", "c"]\n',
        '["c"]\nnumber = 3\n',
        'loose = "a text outside a card table"\n',
    ],
)
def test_malformed_texts_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"texts\.toml"):
        parse_texts(text)


def test_counting_texts_take_the_form_of_their_count() -> None:
    en, it = translator("en"), translator("it")
    service, table = "Facebook", "third-party-exposure"
    assert say(en, table, "service_undated", 1, service=service) == (
        "Facebook: 1 contact (upload date not in the export)."
    )
    assert say(en, table, "service_undated", 3200, service=service) == (
        "Facebook: 3,200 contacts (upload dates not in the export)."
    )
    assert say(it, table, "service_undated", 1, service=service) == (
        "Facebook: 1 contatto (la data di caricamento non è nell'export)."
    )
    assert say(it, table, "service_undated", 3200, service=service) == (
        "Facebook: 3.200 contatti (le date di caricamento non sono nell'export)."
    )
    assert say(it, "business", "whatsapp", 1) == (
        "Inoltre chatti con questa azienda su WhatsApp (1 messaggio)."
    )
    with pytest.raises(TypeError, match="give n"):
        say(en, "business", "whatsapp")


def test_plain_text_is_translated_and_filled() -> None:
    assert say(translator("it"), "legal-italy", "title") == "Perché è importante in Italia"
    assert say(translator("en"), "business", "title", name="Viaggi Sole") == (
        "Viaggi Sole had your details"
    )
