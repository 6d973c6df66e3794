"""Install the app icon into a freedesktop ``hicolor`` icon tree.

    python packaging/install_icons.py DEST/share/icons/hicolor

Writes ``scalable/apps/<APP_ID>.svg`` and ``<N>x<N>/apps/<APP_ID>.png`` for the usual
sizes. The icon comes from ``privacy_audit/resources/icons/`` (falling back to
``packaging/icons/``); a PNG size that is not shipped is rendered from the SVG with
Qt's SVG renderer.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.privacyaudit.PrivacyAudit"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_DIRS = (ROOT / "privacy_audit" / "resources" / "icons", ROOT / "packaging" / "icons")
ICON_STEMS = ("privacy-audit", APP_ID, "app")


def find_svg() -> Path:
    """The app icon as SVG (first found in :data:`ICON_DIRS`)."""
    for folder in ICON_DIRS:
        for stem in ICON_STEMS:
            candidate = folder / f"{stem}.svg"
            if candidate.is_file():
                return candidate
    raise SystemExit(f"install_icons: no app icon SVG in {', '.join(map(str, ICON_DIRS))}")


def find_png(svg: Path, size: int) -> Path | None:
    """A shipped PNG of ``size`` next to ``svg``, in any of the usual naming schemes."""
    folder, stem = svg.parent, svg.stem
    for candidate in (
        folder / f"{stem}-{size}.png",
        folder / f"{stem}_{size}.png",
        folder / f"{stem}-{size}x{size}.png",
        folder / f"{size}x{size}" / f"{stem}.png",
        folder / "png" / f"{stem}-{size}.png",
    ):
        if candidate.is_file():
            return candidate
    return None


def render_png(svg: Path, size: int, out: Path) -> None:
    """Render ``svg`` to a ``size`` x ``size`` PNG with a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"install_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"install_icons: cannot write {out}")


def install(dest: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Install the icon under ``dest`` (a hicolor theme folder); return the files."""
    svg = find_svg()
    written: list[Path] = []
    scalable = dest / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / f"{APP_ID}.svg")
    written.append(scalable / f"{APP_ID}.svg")
    for size in sizes:
        folder = dest / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{APP_ID}.png"
        shipped = find_png(svg, size)
        if shipped is not None:
            shutil.copyfile(shipped, out)
        else:
            render_png(svg, size, out)
        written.append(out)
    return written


def main(argv: list[str]) -> int:
    """Command line: ``install_icons.py DEST``."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for path in install(Path(argv[0])):
        print(f"   {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
