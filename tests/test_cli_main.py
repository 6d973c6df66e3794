"""The command-line shell: translated help, exit codes for bad usage."""

from __future__ import annotations

import pytest

from privacy_audit.cli import build_parser, main
from privacy_audit.i18n import translator


def test_help_follows_the_language() -> None:
    english = " ".join(build_parser(translator("en")).format_help().split())
    italian = " ".join(build_parser(translator("it")).format_help().split())
    assert "See what Meta can link together" in english
    assert "Meta può collegare" in italian


def test_bad_usage_exits_2_with_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", "--demo"])  # -o is required
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "privacy-audit report: the following arguments are required: -o/--output. "
        "privacy-audit report --help lists the options."
    ]


def test_bad_usage_is_said_in_italian(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRIVACY_AUDIT_LANG", "it")
    with pytest.raises(SystemExit) as exc:
        main(["report", "--demo", "-o", "r.html", "--format", "doc"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "privacy-audit report: argomento --format: scelta non valida: 'doc' (scegli tra "
        "'html', 'json', 'csv', 'pdf'). privacy-audit report --help elenca le opzioni."
    ]


#: argparse's own English words
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "show the")


def test_italian_help_has_no_english_left() -> None:
    parser = build_parser(translator("it"))
    helps = [parser.format_help()]
    helps += [p.format_help() for p in parser._subparsers._group_actions[0].choices.values()]
    left = [(word, text[:40]) for text in helps for word in ARGPARSE_ENGLISH if word in text]
    assert left == []
    assert all(text.startswith("uso: privacy-audit") for text in helps)


def test_english_help_keeps_argparse_words() -> None:
    """Control: the same check finds argparse's words in the English help."""
    text = build_parser(translator("en")).format_help()
    assert [word for word in ARGPARSE_ENGLISH if word in text] == list(ARGPARSE_ENGLISH)


def test_missing_input_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--lang", "it"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("privacy-audit: ")
    assert "esportazione" in err
    assert "Traceback" not in err
