"""log_failure: where it failed and the exception types, never the messages."""

from __future__ import annotations

import logging

import pytest

from privacy_audit.logsafe import failure_text, log_failure

NAME, NUMBER = "Giulia Ferraro", "+39 347 555 0142"  # values from an export


def _fail(name: str = NAME, number: str = NUMBER) -> None:
    try:
        int(number)
    except ValueError as exc:
        raise KeyError(name) from exc


def test_failure_text_keeps_frames_and_types_not_messages() -> None:
    with pytest.raises(KeyError) as info:
        _fail()
    text = failure_text(info.value)
    assert "_fail" in text and "builtins.KeyError" in text and "builtins.ValueError" in text
    assert NAME not in text and NUMBER not in text


def test_log_failure_in_an_except_block(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("privacy_audit.test")
    with caplog.at_level(logging.DEBUG):
        try:
            _fail()
        except KeyError:
            log_failure(log, "%s failed", "import")
    (record,) = caplog.records
    assert record.levelno == logging.ERROR and record.exc_info is None
    assert record.getMessage().startswith("import failed\nTraceback")
    assert NAME not in record.getMessage() and NUMBER not in record.getMessage()
