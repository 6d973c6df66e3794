"""Screenshots of each main screen with the bundled demo persona: light, dark, workshop.

Usage: python scripts/screenshots.py [OUT_DIR]   (default ``docs/screenshots``)

Under an X server (``DISPLAY`` set, e.g. ``Xvfb :77`` as ``make screenshots`` starts) the
pictures are taken from the screen with ImageMagick's ``import``: what a person sees,
window manager aside. Without one they are grabbed offscreen. The app's user dirs point at
a temp dir, so nothing of the person running it is read or written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
ON_SCREEN = bool(os.environ.get("DISPLAY")) and os.environ.get("QT_QPA_PLATFORM", "xcb") == "xcb"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1280, 820)
WORKSHOP_SIZE = (1024, 768)


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
        if ON_SCREEN:
            import subprocess

            window.raise_()
            _settle(200)
            geometry = window.frameGeometry()
            crop = f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}"
            subprocess.run(
                ["import", "-window", "root", "-crop", crop, "+repage", str(path)], check=True
            )
        elif not window.grab().save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)

    def place(window: MainWindow, size: tuple[int, int]) -> None:
        window.move(0, 0)
        window.resize(*size)
        window.show()
        _settle(200)

    # English, light: the whole story
    ctx = build_context(lang="en")
    ctx.settings.appearance = "light"
    window = MainWindow(ctx)
    place(window, SIZE)
    shot(window, "start")
    # the import screen, staged (a real import of the demo is over in a blink)
    window.stack.setCurrentWidget(window.import_page)
    from privacy_audit.pipeline import reading_step

    window.import_page.start(["facebook-giuliaferraro92-2026-11-18.zip"])
    step = reading_step(window.ctx.tr, "facebook", 1, 3)
    window.import_page.set_progress(0.42, f"{step}\nyour_facebook_activity/messages/inbox.json")
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
    # the same in dark
    window.set_appearance("dark")
    window.show_tab(0)
    shot(window, "dashboard-dark")
    window.show_tab(1)
    shot(window, "findings-dark")
    window.set_appearance("light")
    window.close()

    # Workshop mode, in Italian, on a 1024x768 projector: redacted, large type
    workshop = MainWindow(build_context(lang="it", workshop=True))
    place(workshop, WORKSHOP_SIZE)
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
