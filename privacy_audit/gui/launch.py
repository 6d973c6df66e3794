"""``privacy-audit gui``: start the desktop app, or say in one line why it cannot."""

from __future__ import annotations

import argparse
import ctypes
import os
import sys
from collections.abc import Callable

from privacy_audit.i18n import Translator

#: the X11 libraries Qt's xcb platform plugin needs beyond a bare Linux, and the
#: Debian/Ubuntu package of each (the same names on most distributions)
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def uses_xcb() -> bool:
    """True when Qt would draw through X11 (xcb) here."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def missing_xcb_packages(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The system packages whose libraries Qt's xcb plugin cannot load (empty: all there)."""
    missing: list[str] = []
    for library, package in XCB_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


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
                "No display found, so the window cannot open. The command line works "
                "without one: privacy-audit report --demo -o report.html writes the demo "
                "report."
            ),
            file=sys.stderr,
        )
        return 2
    missing = missing_xcb_packages() if uses_xcb() else []
    if missing:  # else Qt aborts with a long message about its platform plugin
        print(
            "privacy-audit: "
            + tr.gettext(
                "The window cannot open: Qt needs system libraries that are missing. "
                "Install them, e.g. sudo apt install {packages}"
            ).format(packages=" ".join(missing)),
            file=sys.stderr,
        )
        return 2
    allow_report_view_as_root()
    from privacy_audit.gui.app import run_app

    return run_app(args, tr)


def allow_report_view_as_root(euid: int | None = None) -> bool:
    """As root (a container, a live system), let the report view run without Chromium's
    sandbox, which refuses root and ends the whole app when the Report tab first opens.
    The command line's PDF printer does the same; the view never runs scripts or loads
    anything remote either way. True when the sandbox was turned off."""
    if euid is None:
        euid = os.geteuid() if hasattr(os, "geteuid") else -1
    if euid != 0:
        return False
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return True
