"""``privacy-audit gui``: no display -> one line; with a display the asked-for export opens."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication

from privacy_audit.gui import app as gui_app
from privacy_audit.gui.main_window import MainWindow
from privacy_audit.i18n import translator

REAL_BUILD = gui_app.build_context


def test_without_a_display_it_says_so_in_one_line(tmp_path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PRIVACY_AUDIT_HOME"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "gui", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "privacy-audit report --demo -o report.html" in lines[0]  # no developer's make
    assert not any(tmp_path.iterdir())  # nothing written


def _run(monkeypatch, qtbot, fake_core, **args) -> dict:
    """run_app with the event loop replaced by 'wait until the import is shown'.

    Returns what the window showed (run_app deletes the window when the loop ends).
    """
    from privacy_audit.gui.worker import ThreadExecutor

    monkeypatch.setattr(
        gui_app,
        "build_context",
        lambda **kw: REAL_BUILD(**{**kw, "core": fake_core, "executor": ThreadExecutor()}),
    )
    seen: dict = {}

    def fake_exec(self) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        with qtbot.waitSignal(window.import_finished, timeout=10_000):
            pass  # the import run_app started
        seen.update(
            title=window.windowTitle(),
            recent=list(window.ctx.settings.recent_exports),
            workshop=window.ctx.workshop,
            redact=window.report_page.redact,
            visible=window.isVisible(),
        )
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    namespace = argparse.Namespace(paths=[], demo=None, workshop=False, lang="en")
    for key, value in args.items():
        setattr(namespace, key, value)
    assert gui_app.run_app(namespace, translator("en")) == 0
    return seen


def test_gui_paths_opens_them(monkeypatch, qtbot, fake_core, tmp_path) -> None:
    export = tmp_path / "instagram.zip"
    export.write_bytes(b"zip")
    seen = _run(monkeypatch, qtbot, fake_core, paths=[str(export)])
    assert seen["visible"]
    assert seen["recent"][0] == [str(export)]
    assert seen["title"] == "Privacy Audit"


def test_gui_demo_and_workshop(monkeypatch, qtbot, fake_core) -> None:
    seen = _run(monkeypatch, qtbot, fake_core, demo="giulia")
    assert not seen["workshop"]
    assert seen["recent"] == []  # the demo is not a recent export
    seen = _run(monkeypatch, qtbot, fake_core, workshop=True)
    assert seen["workshop"] and seen["redact"]
    assert seen["title"] == "Privacy Audit — Workshop"


def test_missing_xcb_libraries_give_one_line_naming_the_packages(monkeypatch, capsys) -> None:
    from privacy_audit.gui import launch

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(launch.sys, "platform", "linux")
    started: list[bool] = []
    monkeypatch.setattr(gui_app, "run_app", lambda *a: started.append(True) or 0)
    real = launch.missing_xcb_packages

    def no_cursor(name: str) -> object:
        if name == "libxcb-cursor.so.0":
            raise OSError(name)
        return object()

    # control: every library loads -> the window starts
    monkeypatch.setattr(launch, "missing_xcb_packages", lambda: real(lambda name: object()))
    assert launch.run(argparse.Namespace(), translator("en")) == 0 and started == [True]
    # libxcb-cursor0 missing (a bare Debian/Ubuntu): one line, no Qt abort
    monkeypatch.setattr(launch, "missing_xcb_packages", lambda: real(no_cursor))
    assert launch.run(argparse.Namespace(), translator("en")) == 2
    assert started == [True]  # the window was not started again
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "libxcb-cursor0" in lines[0] and "apt install" in lines[0]


def test_report_view_can_run_as_root(monkeypatch) -> None:
    """Chromium's sandbox refuses root and ended the app when the Report tab opened."""
    from privacy_audit.gui.launch import allow_report_view_as_root

    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    assert not allow_report_view_as_root(euid=1000)  # control: a user keeps the sandbox
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in os.environ
    assert allow_report_view_as_root(euid=0)
    assert os.environ["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
