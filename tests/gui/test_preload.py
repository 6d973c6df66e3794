"""The result pages' libraries load on the worker while the start screen waits."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import sys, threading, time
from importlib.abc import MetaPathFinder

class Watch(MetaPathFinder):
    seen = {}
    def find_spec(self, name, path=None, target=None):
        if name in ("pandas", "privacy_audit.gui.results_view"):
            self.seen.setdefault(name, threading.current_thread() is threading.main_thread())
        return None

sys.meta_path.insert(0, Watch())
from privacy_audit.gui.app import make_application
from privacy_audit.gui.context import build_context
from privacy_audit.gui.worker import SyncExecutor, ThreadExecutor
app = make_application()
from privacy_audit.gui.main_window import MainWindow
executor = SyncExecutor() if sys.argv[1] == "sync" else ThreadExecutor()
w = MainWindow(build_context(executor=executor)); w.show(); app.processEvents()
print("at show", sorted(Watch.seen))
deadline = time.monotonic() + 20
while "privacy_audit.gui.results_view" not in sys.modules and time.monotonic() < deadline:
    app.processEvents(); time.sleep(0.01)
executor.wait(20000); app.processEvents()
print("on the GUI thread", sorted(n for n, main in Watch.seen.items() if main))
print("loaded", sorted(n for n in Watch.seen if n in sys.modules))
"""


def _run(executor: str, tmp_path) -> list[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PRIVACY_AUDIT_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", CODE, executor],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=dict(os.environ, **env),
    )
    return out.stdout.strip().splitlines()[-3:]


def test_the_pages_libraries_load_on_the_worker_after_the_window_shows(tmp_path) -> None:
    at_show, on_gui_thread, loaded = _run("thread", tmp_path)
    assert at_show == "at show []"  # not at start-up
    assert loaded == "loaded ['pandas', 'privacy_audit.gui.results_view']"  # while idle
    assert on_gui_thread == "on the GUI thread []"  # on the worker


def test_control_the_watch_sees_a_load_on_the_gui_thread(tmp_path) -> None:
    """Control: with tasks run inline the same load happens on the GUI thread, and the
    watch above reports it (so its empty answer is not for want of looking)."""
    _at_show, on_gui_thread, loaded = _run("sync", tmp_path)
    assert loaded == "loaded ['pandas', 'privacy_audit.gui.results_view']"
    assert on_gui_thread == "on the GUI thread ['pandas', 'privacy_audit.gui.results_view']"
