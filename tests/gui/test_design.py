"""One design shared with the report: tokens, light and dark, severity marks, zoom, F11."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from privacy_audit.gui import theme as themes
from privacy_audit.gui.charts import themed_svg
from privacy_audit.gui.marks import SEVERITY_SHAPES, severity_pixmap
from privacy_audit.gui.styles import style_sheet
from privacy_audit.settings import SettingsStore


def _activate(window, qtbot) -> None:
    """Keyboard shortcuts reach the active window only, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def _open_demo(window, qtbot) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)


def test_tokens_are_the_report_css_colours() -> None:
    css = themes.report_css()
    light, dark = themes.themes()["light"], themes.themes()["dark"]
    assert f"--high: {light['high']}" in css and f"--high: {dark['high']}" in css
    assert light["bg"] != dark["bg"] and light["ink"] != dark["ink"]
    # a change in the report's palette reaches the app
    changed = css.replace("--accent: #4f46e5", "--accent: #123456", 1)
    assert themes.parse_tokens(changed)[0]["accent"] == "#123456"


def test_style_sheet_text_is_never_under_12_px() -> None:
    sizes = [int(px) for px in re.findall(r"font-size: (\d+)px", style_sheet(1.0))]
    assert sizes and min(sizes) >= themes.MIN_TEXT_PX
    # scaled for the projector
    big = [int(px) for px in re.findall(r"font-size: (\d+)px", style_sheet(1.6))]
    assert min(big) > min(sizes)


def test_severity_marks_differ_by_shape_not_only_colour(qapp) -> None:
    light = themes.themes()["light"]
    mono = themes.Theme(False, {**light.colors, **dict.fromkeys(SEVERITY_SHAPES, "#000000")})
    images = {s: severity_pixmap(s, mono, 24).toImage() for s in SEVERITY_SHAPES}
    names = list(images)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert images[a] != images[b], f"{a} and {b} look the same in one colour"


def test_dark_appearance_from_the_view_menu(make_window, qtbot) -> None:
    window = make_window()
    _open_demo(window, qtbot)
    dark = themes.themes()["dark"]
    window.show_tab(1)
    window.findings_page.list.setCurrentRow(1)
    with qtbot.waitSignal(window.theme_changed, timeout=3000):
        window.action_set.appearances["dark"].trigger()
    assert window.findings_page.list.currentRow() == 1  # what the user was reading stays
    assert window.action_set.appearances["dark"].isChecked()
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == dark["bg"]
    assert palette.color(QPalette.ColorRole.WindowText).name() == dark["ink"]
    assert dark["paper"] in window.styleSheet()
    # charts and gauge: the report's dark-on-light ink swapped for the theme's
    assert window.dashboard.charts
    for chart in [*window.dashboard.charts]:
        svg = themed_svg(chart.view.svg, dark.colors)
        assert '"#1f2937"' not in svg
    assert SettingsStore(window.ctx.paths).load().appearance == "dark"
    with qtbot.waitSignal(window.theme_changed, timeout=3000):
        window.action_set.appearances["light"].trigger()
    assert (
        QApplication.palette().color(QPalette.ColorRole.Window).name()
        == (themes.themes()["light"]["bg"])
    )


def test_system_appearance_follows_the_colour_scheme(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    window.set_appearance("system")
    monkeypatch.setattr(themes, "system_is_dark", lambda: True)
    with qtbot.waitSignal(window.theme_changed, timeout=3000):
        window._system_scheme_changed(Qt.ColorScheme.Dark)
    assert window.theme.dark
    monkeypatch.setattr(themes, "system_is_dark", lambda: False)
    with qtbot.waitSignal(window.theme_changed, timeout=3000):
        window._system_scheme_changed(Qt.ColorScheme.Light)
    assert not window.theme.dark


def _base_px(window) -> int:
    return int(window.styleSheet().split("font-size: ")[1].split("px")[0])


def test_zoom_steps_and_is_remembered_outside_workshop(make_window, qtbot) -> None:
    window = make_window()
    _activate(window, qtbot)
    before = _base_px(window)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert _base_px(window) > before
    assert SettingsStore(window.ctx.paths).load().zoom > 1.0
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _base_px(window) == before
    assert SettingsStore(window.ctx.paths).load().zoom == 1.0


def test_zoom_in_workshop_is_not_remembered(make_window, qtbot) -> None:
    window = make_window(workshop=True)
    before = _base_px(window)
    window.action_set["zoom_in"].trigger()
    assert _base_px(window) > before
    assert SettingsStore(window.ctx.paths).load().zoom == 1.0


def test_f11_toggles_full_screen(make_window, qtbot) -> None:
    window = make_window()
    _activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert window.action_set["fullscreen"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)


@pytest.mark.slow
def test_dashboard_chart_text_is_at_least_12_px(make_window, qtbot) -> None:
    """The report's charts of the real demo persona, at 100 % in a 1280 px window."""
    from privacy_audit.gui.charts import smallest_text
    from privacy_audit.gui.core import Core

    window = make_window(core=Core())
    window.resize(1280, 820)
    with qtbot.waitSignal(window.import_finished, timeout=120_000):
        window.open_demo()
    charts = window.dashboard.charts
    assert charts
    for chart in charts:
        view = chart.view
        qtbot.waitUntil(lambda v=view: v.width() > 200, timeout=3000)
        scale = view.width() / view.natural_size().width()
        assert smallest_text(view.svg) * scale >= themes.MIN_TEXT_PX - 0.5, chart.title.text()
