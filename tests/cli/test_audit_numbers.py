"""Counts in summaries, the "Counts" line and cards follow the audit's language.

The giulia demo at scale 20 has thousands of contacts: English groups them "3,200",
Italian "3.200"; years (count keys ``*_year`` and dates in cards) stay "2020".
"""

from __future__ import annotations

import orjson
import pytest

from privacy_audit.cli import main
from privacy_audit.demo import write_persona


@pytest.fixture(scope="module")
def giulia(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The giulia demo exports at scale 20 (paths for ``audit``)."""
    out = tmp_path_factory.mktemp("giulia20") / "demo"
    return [str(p) for p in write_persona("giulia", out, scale=20)]


def _text(paths: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["audit", *paths, "--lang", lang])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def _cards(paths: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code = main(["audit", *paths, "--json", "--lang", lang])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return [line for card in orjson.loads(captured.out)["cards"] for line in card["text"]]


def _line(out: str, start: str) -> str:
    return next(line.strip() for line in out.splitlines() if line.strip().startswith(start))


def test_italian_groups_counts_with_dots(giulia, capsys) -> None:
    out = _text(giulia, "it", capsys)
    assert "   3.200 contatti sono sia in WhatsApp" in out  # a finding summary
    assert "3200" not in out
    counts = _line(out, "Conteggi: voci della rubrica:")
    assert "voci della rubrica: 8.591" in counts and "persone: 6.191" in counts
    # years are not quantities: no group separator
    assert "primo caricamento (anno): 2020" in counts
    assert "2.020" not in out and "2,020" not in out


def test_english_groups_counts_with_commas(giulia, capsys) -> None:
    out = _text(giulia, "en", capsys)
    assert "   3,200 contacts are both in WhatsApp" in out
    assert "3200" not in out
    counts = _line(out, "Counts: contact entries:")
    assert "contact entries: 8,591" in counts and "people: 6,191" in counts
    assert "first upload (year): 2020" in counts
    assert "2,020" not in out


@pytest.mark.parametrize(
    ("lang", "grouped"), [("it", "Instagram: 3.200 contatti"), ("en", "Instagram: 3,200 contacts")]
)
def test_cards_group_counts_but_not_years(giulia, capsys, lang: str, grouped: str) -> None:
    lines = _cards(giulia, lang, capsys)
    assert any(line.startswith(grouped) for line in lines), lines
    upload = next(line for line in lines if line.startswith("Facebook: 5"))
    assert "2020" in upload  # first upload date: the year as written
    assert not any("2.020" in line or "2,020" in line for line in lines)
