"""Screenshot the first screen of the HTML report, rendered offscreen with QtWebEngine.

Usage: python scripts/screenshot_report.py [--html FILE | --demo PERSONA] [-o docs/report.png]
       [--lang en|it] [--redact] [--size 1280x900]
Without --html it renders the bundled demo persona through the real pipeline.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _html(args: argparse.Namespace) -> str:
    if args.html:
        return Path(args.html).read_text(encoding="utf-8")
    from privacy_audit.analysis.audit import run_audit
    from privacy_audit.demo import bundled_persona_paths
    from privacy_audit.pipeline import load_evidence
    from privacy_audit.report import render_html

    evidence = load_evidence(bundled_persona_paths(args.demo), lang=args.lang)
    return render_html(run_audit(evidence, lang=args.lang), redact=args.redact)


def main() -> int:
    """Render, load, wait for the first paint, grab and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", help="an HTML report to screenshot")
    parser.add_argument("--demo", default="giulia", help="demo persona (default giulia)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--redact", action="store_true")
    parser.add_argument("-o", "--output", default="docs/report.png")
    parser.add_argument("--size", default="1280x900")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    html = _html(args)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    from privacy_audit.gui.webengine import ReportWebPage, dispose, load_report

    app = QApplication.instance() or QApplication(["privacy-audit-screenshot"])
    width, height = (int(v) for v in args.size.split("x"))
    loaded: list[bool] = []
    with tempfile.TemporaryDirectory(prefix="privacy-audit-"):
        view = QWebEngineView()
        page = ReportWebPage()
        view.setPage(page)
        view.resize(width, height)
        view.show()
        loop = QEventLoop()

        def finished(ok: bool) -> None:
            loaded.append(ok)
            QTimer.singleShot(1500, loop.quit)  # let the first frame paint

        page.loadFinished.connect(finished)
        QTimer.singleShot(60_000, loop.quit)
        load_report(page, html)
        loop.exec()
        image = view.grab()
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = bool(loaded and loaded[0]) and image.save(str(out), "PNG")
        view.close()
        dispose(page)
        del view
    app.processEvents()
    print(f"{'wrote' if ok else 'could not write'} {args.output}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
