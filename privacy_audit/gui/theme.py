"""Design tokens shared with the HTML report, and the light or dark theme the window uses.

The colours are read from the report's own style sheet (``report.css``: the ``:root``
variables and their ``prefers-color-scheme: dark`` overrides), so the app and the report
can never drift apart. The type scale and the radii follow the report too. Which scheme
is used: the user's choice under View › Appearance (System / Light / Dark); *System*
follows ``QStyleHints.colorScheme``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from privacy_audit.i18n import N_

#: View › Appearance choices (stored in the settings) and their menu texts
APPEARANCES: dict[str, str] = {
    "system": N_("Follow the system"),
    "light": N_("Light"),
    "dark": N_("Dark"),
}

#: the report's type scale (rem of its body text), used for the window's headings
TYPE_SCALE: dict[str, float] = {
    "heading1": 2.1 * 0.8,  # the report's h1, a little tighter for a window
    "heading2": 1.3,
    "heading3": 1.15,
    "small": 0.88,
    "scoreValue": 3.2,
    "dropLabel": 1.3,
}
#: body text of the window in pixels at 100 % (the report's is 17 px in a browser)
BASE_PX = 15
#: the smallest text anywhere in the window at 100 %
MIN_TEXT_PX = 12
#: corner radii of cards and controls (px, like the report's 16 px cards and 12 px boxes)
RADIUS = {"card": 14, "box": 10, "control": 8}

_ROOT = re.compile(r":root\s*\{(?P<body>[^}]*)\}")
_VAR = re.compile(r"--(?P<name>[a-z-]+)\s*:\s*(?P<value>#[0-9a-fA-F]{3,8})")


def report_css() -> str:
    """The report's style sheet (package data)."""
    path = resources.files("privacy_audit") / "resources" / "templates" / "report.css"
    return path.read_text(encoding="utf-8")


def parse_tokens(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """``(light, dark)`` colour tokens from the ``:root`` blocks of ``css``.

    The first ``:root`` block is the light scheme; the one inside
    ``@media (prefers-color-scheme: dark)`` overrides it for the dark scheme.
    """
    light: dict[str, str] = {}
    dark: dict[str, str] = {}
    dark_at = css.find("prefers-color-scheme: dark")
    for match in _ROOT.finditer(css):
        values = {m["name"]: m["value"].lower() for m in _VAR.finditer(match["body"])}
        if dark_at >= 0 and match.start() > dark_at and not dark:
            dark = values
        elif not light:
            light = values
    if not light:
        raise ValueError("the report style sheet has no colour tokens")
    return light, {**light, **dark}


@dataclass(frozen=True)
class Theme:
    """One colour scheme: the report's tokens (``bg``, ``paper``, ``ink``, ``high``...)."""

    dark: bool
    colors: dict[str, str]

    def __getitem__(self, token: str) -> str:
        return self.colors[token]

    def color(self, token: str) -> QColor:
        """A token as a QColor."""
        return QColor(self.colors[token])

    @property
    def name(self) -> str:
        """``"dark"`` or ``"light"``."""
        return "dark" if self.dark else "light"


@cache
def themes() -> dict[str, Theme]:
    """The light and dark themes, from the report's style sheet."""
    light, dark = parse_tokens(report_css())
    return {"light": Theme(False, light), "dark": Theme(True, dark)}


def system_is_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(appearance: str) -> Theme:
    """The theme for a View › Appearance choice (``system`` follows the desktop)."""
    if appearance not in APPEARANCES:
        appearance = "system"
    if appearance == "system":
        appearance = "dark" if system_is_dark() else "light"
    return themes()[appearance]


def palette(theme: Theme) -> QPalette:
    """A QPalette from the theme's tokens (every standard widget follows it)."""
    pal = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    pairs = {
        role.Window: "bg",
        role.WindowText: "ink",
        role.Base: "paper",
        role.AlternateBase: "soft",
        role.Text: "ink",
        role.Button: "paper",
        role.ButtonText: "ink",
        role.ToolTipBase: "paper",
        role.ToolTipText: "ink",
        role.PlaceholderText: "muted",
        role.Highlight: "accent",
        role.Link: "accent",
        role.LinkVisited: "accent",
        role.BrightText: "high",
        role.Light: "paper",
        role.Midlight: "soft",
        role.Mid: "line",
        role.Dark: "muted",
        role.Shadow: "line",
    }
    for item, token in pairs.items():
        pal.setColor(item, theme.color(token))
    pal.setColor(role.HighlightedText, QColor(theme["paper"] if theme.dark else "#ffffff"))
    for item in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, item, theme.color("muted"))
    return pal


def apply(theme: Theme) -> None:
    """Use ``theme`` for the whole application (palette; the window sets its style sheet)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        QGuiApplication.setPalette(palette(theme))
