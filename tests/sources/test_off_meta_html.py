"""Off-Meta activity in HTML: index page plus one page per business (issue 12 §2)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from privacy_audit.pipeline import load_evidence

from . import meta_builders as mb

FOLDER = "apps_and_websites_off_of_facebook"
INDEX = f"{FOLDER}/your_activity_off_meta_technologies.html"
PAGES = f"{FOLDER}/your_activity_off_meta_technologies"


def _page(body: str) -> str:
    return f'<html><head><meta charset="utf-8"></head><body><main>{body}</main></body></html>'


def _events_table(*events: tuple[str, str, str]) -> str:
    """One table with the rows of every event, as the 2025-26 business pages have it."""
    rows = "".join(
        f'<tr><td class="_a6_q">ID</td><td class="_a6_r">{i}</td></tr>'
        f'<tr><td class="_a6_q">Event</td><td class="_a6_r">{e}</td></tr>'
        f'<tr><td class="_a6_q">Received on</td><td class="_a6_r">{d}</td></tr>'
        for i, e, d in events
    )
    return f"<table>{rows}</table>"


def _load(tmp_path: Path, files: dict[str, str]) -> pd.DataFrame:
    # the persona's own off-Meta pages are replaced by ``files``
    base = mb.html.facebook_html_tree(mb.facebook_tree("2024"), "2024")
    tree = {k: v for k, v in base.items() if not k.startswith(f"{FOLDER}/your_activity_off")}
    tree.update(files)
    path = mb.write_export(tmp_path, f"facebook-zoe-{mb.EXPORT_DATE}", tree)
    ev = load_evidence([path])
    assert ev.sources[0].warnings == []
    return ev.off_platform


def test_root_relative_links_pages_without_sections_and_many_events(tmp_path: Path) -> None:
    index = _page(
        f'<section class="_a6-g"><a href="{PAGES}/shop_alpha_11.html">Shop Alpha</a></section>'
        '<section class="_a6-g"><h2>Café Lumière</h2>'
        '<a href="your_activity_off_meta_technologies/cafe_12.html">Café Lumière</a></section>'
    )
    alpha = _page(
        "<h2>Shop Alpha</h2>"
        + _events_table(
            ("1", "PAGE_VIEW", "Nov 14, 2023 10:13:20 pm"),
            ("2", "PURCHASE", "Nov 20, 2023 9:00:00 am"),
        )
    )
    cafe = _page(
        "<h2>Café Lumière</h2>" + _events_table(("3", "ADD_TO_CART", "Jan 2, 2024 8:00:00 am"))
    )
    off = _load(
        tmp_path,
        {INDEX: index, f"{PAGES}/shop_alpha_11.html": alpha, f"{PAGES}/cafe_12.html": cafe},
    )
    got = sorted(zip(off.app, off.event, off.timestamp.dt.strftime("%Y-%m-%d %H:%M"), strict=True))
    assert got == [
        ("Café Lumière", "ADD_TO_CART", "2024-01-02 08:00"),
        ("Shop Alpha", "PAGE_VIEW", "2023-11-14 22:13"),
        ("Shop Alpha", "PURCHASE", "2023-11-20 09:00"),
    ]


def test_a_link_without_a_page_is_not_an_event_and_numbered_pages_are_skipped(
    tmp_path: Path,
) -> None:
    index = _page(
        f'<section class="_a6-g"><h2>Gone Shop</h2><a href="{PAGES}/gone_1.html">x</a></section>'
        f'<section class="_a6-g"><h2>Shop Alpha</h2><a href="{PAGES}/alpha_2.html">x</a></section>'
    )
    alpha = _page(_events_table(("1", "PAGE_VIEW", "Nov 14, 2023 10:13:20 pm")))
    dup = _page(_events_table(("9", "SEARCH", "Nov 14, 2023 10:13:20 pm")))
    off = _load(tmp_path, {INDEX: index, f"{PAGES}/alpha_2.html": alpha, f"{PAGES}/0.html": dup})
    assert list(zip(off.app, off.event, strict=True)) == [("Shop Alpha", "PAGE_VIEW")]


def test_a_business_page_no_index_entry_links_to_is_read(tmp_path: Path) -> None:
    index = _page('<section class="_a6-g"><h2>Shop Alpha</h2></section>')
    orphan = _page("<h2>Orphan Ltd</h2>" + _events_table(("4", "LEAD", "Feb 1, 2024 1:00:00 pm")))
    off = _load(tmp_path, {INDEX: index, f"{PAGES}/orphan_7.html": orphan})
    rows = set(zip(off.app, off.event.fillna("-"), strict=True))
    # the orphan page's event; the old-style entry: the business, no event name
    assert rows == {("Orphan Ltd", "LEAD"), ("Shop Alpha", "-")}
