"""Screenshots of each main screen, made offscreen with the bundled demo persona.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]
(default ``docs/screenshots``). The app's user dirs point at a temp dir, so nothing of
the person running it is read or written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1280, 820)


def _wait(signal: object, start: Callable[[], object], timeout_ms: int = 120_000) -> list:
    """Run ``start`` and spin the event loop until ``signal`` fires; its arguments."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list = []

    def fired(*args: object) -> None:
        got.extend(args)
        loop.quit()

    signal.connect(fired)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(fired)  # type: ignore[attr-defined]
    return got


def _settle(ms: int = 300) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    """Write the screenshots; print their paths."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="privacy-audit-shots-")
    os.environ["PRIVACY_AUDIT_HOME"] = home

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from privacy_audit.gui.app import make_application
    from privacy_audit.gui.context import build_context
    from privacy_audit.gui.main_window import MainWindow

    app = make_application(["privacy-audit"])
    written: list[Path] = []

    def shot(window: MainWindow, name: str) -> None:
        _settle()
        path = out / f"{name}.png"
        if not window.grab().save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)

    # English: the whole story
    window = MainWindow(build_context(lang="en"))
    window.resize(*SIZE)
    window.show()
    shot(window, "start")
    # the import screen, staged (a real import of the demo is over in a blink)
    window.stack.setCurrentWidget(window.import_page)
    window.import_page.start()
    window.import_page.set_progress(0.42, "facebook-giuliaferraro92-2026-11-18.zip")
    shot(window, "import")
    window.stack.setCurrentWidget(window.start_page)
    _wait(window.import_finished, window.open_demo)
    window.show_tab(0)
    shot(window, "dashboard")
    window.show_tab(1)
    page = window.findings_page
    page.list.setCurrentRow(0)
    shot(window, "findings")
    window.show_tab(2)
    window.data_page.select_table("contacts")
    shot(window, "data")
    _wait(window.report_page.preview_loaded, lambda: window.show_tab(3))
    _settle(1500)  # let the web view paint
    shot(window, "report")
    window.close()

    # Workshop mode, in Italian: redacted, large type
    workshop = MainWindow(build_context(lang="it", workshop=True))
    workshop.resize(*SIZE)
    workshop.show()
    workshop.import_failed.connect(lambda message: print("import failed:", message))
    _wait(workshop.import_finished, lambda: workshop.set_workshop(True))
    shot(workshop, "workshop-it")
    workshop.show_tab(1)  # the evidence a trainer shows: redacted, in large type
    shot(workshop, "workshop-findings-it")
    workshop.show_tab(2)
    workshop.data_page.select_table("contacts")
    shot(workshop, "workshop-data-it")
    workshop.close()

    for widget in (window, workshop):
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
