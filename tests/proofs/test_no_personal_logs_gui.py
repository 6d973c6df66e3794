"""No personal data in the desktop app's error paths.

A bug met while reading an export often carries a value of the export in its message
(``KeyError: 'Giulia Ferraro'``). The app's real error paths run here on a copy of the
demo persona's exports (its names and numbers are the personal values): the import task
failing (``gui.worker``), the charts failing (``gui.prepared``), and the error dialog the user
sees. The log (DEBUG, with tracebacks formatted) and the dialog hold none of the values.

Controls: the same check catches the value when the failure is logged the usual way
(``log.exception``), and when the pipeline logs a personal value.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from privacy_audit.gui import prepared, worker
from privacy_audit.gui.context import build_context
from privacy_audit.gui.core import Core
from privacy_audit.gui.main_window import MainWindow
from privacy_audit.gui.worker import ThreadExecutor
from privacy_audit.pipeline import load_evidence

from .pipeline_run import run_everything
from .support import demo_inputs, leaked, personal_values

FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")


def log_text(records: list[logging.LogRecord]) -> str:
    """Every record as a handler writes it (tracebacks included)."""
    return "\n".join(FORMAT.format(r) for r in records)


@pytest.fixture(scope="module")
def persona(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], set[str], Any]:
    """A copy of the persona's exports, its personal values and its evidence."""
    inputs = demo_inputs(tmp_path_factory.mktemp("inputs"), "giulia")
    evidence = load_evidence(inputs)
    return inputs, personal_values(evidence), evidence


def _a_name_and_number(evidence: Any) -> tuple[str, str]:
    contacts = evidence.contacts
    name = str(contacts["name"].dropna().iloc[0])
    phone = str(contacts["phone_raw"].dropna().iloc[0])
    return name, phone


class BuggyCore(Core):
    """The real core, in process, with a planted bug whose message holds export data."""

    def __init__(self, evidence: Any, where: str) -> None:
        super().__init__()
        name, phone = _a_name_and_number(evidence)
        self.load_evidence = lambda paths, **kw: load_evidence(  # type: ignore[method-assign]
            list(paths), lang=kw.get("lang", "en")
        )

        def fail(*_args: Any, **_kwargs: Any) -> Any:
            raise KeyError(f"{name} {phone}")  # like frame[value] on a bad lookup

        if where == "audit":
            self.run_audit = fail  # type: ignore[method-assign]
        else:
            self.charts = fail  # type: ignore[method-assign]


@pytest.fixture
def window_of(qtbot: Any) -> Iterator[Any]:
    windows: list[MainWindow] = []

    def make(core: Core) -> MainWindow:
        window = MainWindow(build_context(lang="it", core=core, executor=ThreadExecutor()))
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.cancel_import()
        window.ctx.executor.wait(10_000)
        if window.error_box is not None:
            window.error_box.close()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _import(window: MainWindow, qtbot: Any, paths: list[Path], signal: Any) -> list[Any]:
    with qtbot.waitSignal(signal, timeout=180_000) as blocker:
        window.open_paths(paths)
    return list(blocker.args or [])


def test_a_failed_import_logs_and_shows_no_personal_data(
    persona: tuple[list[Path], set[str], Any], window_of: Any, qtbot: Any, caplog: Any
) -> None:
    inputs, values, evidence = persona
    window = window_of(BuggyCore(evidence, "audit"))
    with caplog.at_level(logging.DEBUG):
        (message,) = _import(window, qtbot, inputs, window.import_failed)
    text = log_text(caplog.records)
    assert "failed" in text and "KeyError" in text and "Traceback" in text  # the path ran
    assert leaked(text, values) == []
    box = window.error_box
    assert box is not None and box.isVisible()
    shown = "\n".join([box.windowTitle(), box.text(), box.informativeText(), message])
    assert leaked(shown, values) == []


def test_failed_charts_log_no_personal_data(
    persona: tuple[list[Path], set[str], Any], window_of: Any, qtbot: Any, caplog: Any
) -> None:
    inputs, values, evidence = persona
    window = window_of(BuggyCore(evidence, "charts"))
    with caplog.at_level(logging.DEBUG):
        _import(window, qtbot, inputs, window.import_finished)  # the audit is kept
    text = log_text(caplog.records)
    assert "charts failed" in text and "KeyError" in text
    assert leaked(text, values) == []


@pytest.mark.parametrize("where", ["audit", "charts"])
def test_control_a_failure_logged_with_its_message_is_caught(
    where: str,
    persona: tuple[list[Path], set[str], Any],
    window_of: Any,
    qtbot: Any,
    caplog: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With ``log.exception`` (the exception's message in the log) the check finds it."""
    inputs, values, evidence = persona

    def usual(logger: logging.Logger, what: str, *args: object) -> None:
        logger.exception(what, *args)

    monkeypatch.setattr(worker, "log_failure", usual)
    monkeypatch.setattr(prepared, "log_failure", usual)
    window = window_of(BuggyCore(evidence, where))
    signal = window.import_failed if where == "audit" else window.import_finished
    with caplog.at_level(logging.DEBUG):
        _import(window, qtbot, inputs, signal)
    assert leaked(log_text(caplog.records), values) != []


def test_control_a_personal_value_in_the_pipeline_log_is_caught(
    persona: tuple[list[Path], set[str], Any],
    tmp_path: Path,
    caplog: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The headless proof's check (test_no_personal_logs) finds a logged contact name."""
    import privacy_audit.pipeline as pipeline

    inputs, values, _evidence = persona
    real = pipeline.load_evidence
    logged: list[str] = []

    def chatty(*args: Any, **kwargs: Any) -> Any:
        evidence = real(*args, **kwargs)
        name, _phone = _a_name_and_number(evidence)
        logging.getLogger("privacy_audit.pipeline").debug("read contact %s", name)
        logged.append(name)
        return evidence

    monkeypatch.setattr(pipeline, "load_evidence", chatty)
    with caplog.at_level(logging.DEBUG):
        run_everything(inputs, None)
    assert logged and logged[0] in leaked(log_text(caplog.records), values)
