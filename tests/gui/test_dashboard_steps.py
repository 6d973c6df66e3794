"""The result tabs are built and filled in short steps: one page styled per step, one new
card or chart shown per step, and no scan of the messages table on the GUI thread."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from privacy_audit.gui import prepared
from privacy_audit.gui.dashboard import Dashboard
from privacy_audit.gui.dashboard_widgets import ServiceCard, SvgChart
from privacy_audit.i18n import translator
from privacy_audit.model import EvidenceBuilder, SourceInfo

from .fakes import SVG, FakeCore, fake_result


def _three_service_evidence() -> Any:
    """Facebook and Instagram exports and a WhatsApp chat with no export date."""
    builder = EvidenceBuilder()
    fb = builder.source(SourceInfo("facebook.zip", "facebook", "dyi", "json", "facebook-1"))
    ig = builder.source(SourceInfo("instagram.zip", "instagram", "dyi", "json", "instagram-1"))
    chat = builder.source(SourceInfo("chat.txt", "whatsapp", "chat", "txt", "chat"))
    chat.info.chat = {"messages": 2}
    fb.add("contacts", origin="address_book", name="Anna Alpha", phone_raw="+393330000999")
    ig.add("contacts", origin="synced", name="Bea Beta", phone_raw="+393330000998")
    chat.add("messages", chat="Sam", timestamp=1_700_000_000, kind="text")
    chat.add("messages", chat="Sam", timestamp=1_763_000_000, kind="text")  # Nov 2025
    return builder.build()


def _shown(widgets: list[QWidget], kind: type) -> set[int]:
    return {id(w) for w in widgets if isinstance(w, kind) and w.isVisible()}


def test_each_step_shows_at_most_one_new_card_or_chart(qtbot) -> None:
    """Showing a card lays out its wrapped text (2-3 ms each on a slow machine): the
    step that showed every card at once stopped the window for 10 ms."""
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.resize(1200, 900)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    dashboard.retranslate(translator("en"))
    result = fake_result(_three_service_evidence())
    charts = [(f"Chart {i}", SVG) for i in range(3)]
    pending = list(dashboard.show_result_steps(result, charts, None))
    seen_cards: set[int] = set()
    seen_charts: set[int] = set()
    steps = 0
    while pending:
        more = pending.pop(0)()
        if isinstance(more, list):
            pending[:0] = more
        steps += 1
        children = dashboard.findChildren(QWidget)
        cards, shown_charts = _shown(children, ServiceCard), _shown(children, SvgChart)
        assert len(cards - seen_cards) + len(shown_charts - seen_charts) <= 1, steps
        seen_cards, seen_charts = cards, shown_charts
    assert [c.title.text() for c in dashboard.service_cards] == [
        "Facebook",
        "Instagram",
        "WhatsApp",
    ]
    assert len(seen_cards) == 3 and len(dashboard.charts) == len(seen_charts) == 3
    assert steps > 6


def test_a_new_result_replaces_the_cards_and_charts(qtbot) -> None:
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.retranslate(translator("en"))
    first = fake_result(_three_service_evidence())
    dashboard.show_result(first, [("A", SVG), ("B", SVG)], None)
    old = [*dashboard.service_cards, *dashboard.charts]
    assert len(old) == 5
    builder = EvidenceBuilder()
    builder.source(SourceInfo("facebook.zip", "facebook", "dyi", "json", "facebook-2"))
    second = replace(first, evidence=builder.build())
    dashboard.show_result(second, [], None)
    assert [c.title.text() for c in dashboard.service_cards] == ["Facebook"]
    assert dashboard.charts == [] and dashboard.no_charts.isVisibleTo(dashboard)
    visible = dashboard.findChildren(QWidget)
    assert not any(w.isVisible() for w in visible if any(w is o for o in old))


@pytest.fixture
def message_scans(monkeypatch) -> list[str]:
    """The threads on which the newest message per service is worked out."""
    threads: list[str] = []
    real = prepared._newest_per_service

    def recorded(messages: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(messages)

    monkeypatch.setattr(prepared, "_newest_per_service", recorded)
    prepared.forget_latest_messages()
    return threads


def _window_with_three_services(make_window, qtbot, tmp_path) -> Any:
    """A window over the fake core that has imported :func:`_three_service_evidence`."""
    core = FakeCore(tmp_path)
    core.load_evidence = lambda *a, **k: _three_service_evidence()  # type: ignore[method-assign]
    window = make_window(core=core)
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.open_paths([tmp_path / "chat.txt"])
    return window


def test_the_whatsapp_cards_latest_message_is_worked_out_on_the_worker(
    make_window, qtbot, tmp_path, message_scans
) -> None:
    window = _window_with_three_services(make_window, qtbot, tmp_path)
    card = next(c for c in window.dashboard.service_cards if c.title.text() == "WhatsApp")
    texts = [label.text() for label in card.findChildren(type(window.dashboard.score_text))]
    assert "Latest message: Nov 13, 2025" in texts
    assert message_scans, "the newest message was worked out"
    assert threading.main_thread().name not in message_scans


def test_the_message_times_are_forgotten_with_the_export(
    make_window, qtbot, tmp_path, message_scans
) -> None:
    window = _window_with_three_services(make_window, qtbot, tmp_path)
    assert prepared._latest
    window.reset()
    assert not prepared._latest


class _StyleEvents(QObject):
    """Records the widgets that get styled (Polish, StyleChange events)."""

    def __init__(self) -> None:
        super().__init__()
        self.styled: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            if isinstance(watched, QWidget):
                self.styled.append(watched)
        return False


def _page_of(widget: QWidget, pages: tuple[QWidget, ...]) -> int | None:
    while widget is not None:
        for index, page in enumerate(pages):
            if widget is page:
                return index
        widget = widget.parentWidget()
    return None


def test_building_the_tabs_styles_one_page_per_step(make_window, qapp) -> None:
    """Styling a page under the window's sheet takes a few milliseconds; the step that
    added the finished view styled all four pages again at once (5-7 ms)."""
    window = make_window()
    watcher = _StyleEvents()
    qapp.installEventFilter(watcher)
    per_step: list[list[QWidget]] = []
    try:
        while window._tabs_build.step():
            per_step.append(watcher.styled)
            watcher.styled = []
        per_step.append(watcher.styled)
    finally:
        qapp.removeEventFilter(watcher)
    pages = window.tabs.pages
    touched = [{_page_of(w, pages) for w in styled} - {None} for styled in per_step]
    assert all(len(step) <= 1 for step in touched), touched
    assert set().union(*touched) == {0, 1, 2, 3}  # every page was styled, in its own step
