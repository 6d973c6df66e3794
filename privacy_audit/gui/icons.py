"""Render the app icon's PNG sizes from its SVG (``python -m privacy_audit.gui.icons``).

The PNGs are committed next to the SVG so the app, the packagers and the desktop entry
find crisp bitmaps at every size without rendering at start-up.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from privacy_audit.gui.widgets import ICON_SIZES

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render_png(svg: bytes, size: int) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image."""
    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write ``privacy-audit-<N>.png`` for every size in ICON_SIZES."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = (ICONS / "privacy-audit.svg").read_bytes()
    for size in ICON_SIZES:
        target = ICONS / f"privacy-audit-{size}.png"
        if not render_png(svg, size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
