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
    assert err.strip().splitlines()[-1].startswith("privacy-audit report: error:")


def test_missing_input_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--lang", "it"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("privacy-audit: ")
    assert "esportazione" in err
    assert "Traceback" not in err
