"""``privacy-audit gui``: start the desktop app, or say in one line why it cannot."""

from __future__ import annotations

import argparse
import os
import sys

from privacy_audit.i18n import Translator


def has_display() -> bool:
    """True when Qt can show a window here (a display, or an offscreen platform)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Open the main window (blocks until it is closed)."""
    if not has_display():
        print(
            "privacy-audit: "
            + tr.gettext(
                "No display found, so the window cannot open. "
                "Run 'make report' for the HTML report of the demo persona."
            ),
            file=sys.stderr,
        )
        return 2
    from privacy_audit.gui.app import run_app

    return run_app(args, tr)
