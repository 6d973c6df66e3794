"""The pandas table model: correct for Qt's model tester, sorts and filters in pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from privacy_audit.gui.table_model import CHUNK, DataFrameModel


def _frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "name": [f"Person {i:06d}" for i in rng.permutation(n)],
            "created_at": pd.to_datetime(rng.integers(1.5e9, 1.7e9, n), unit="s", utc=True),
            "members": rng.integers(-1, 300, n),
            "phone_valid": rng.integers(0, 2, n).astype(bool),
            "email": [None if i % 3 else f"p{i}@example.org" for i in range(n)],
        }
    )


def test_model_passes_the_qt_model_tester(qtmodeltester) -> None:
    model = DataFrameModel(_frame(200))
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter("person 00001")
    qtmodeltester.check(model)
    model.set_frame(pd.DataFrame())
    qtmodeltester.check(model)


def test_display_strings() -> None:
    frame = _frame(3)
    frame.loc[0, "members"] = -1
    model = DataFrameModel(frame)
    index = model.index(0, 2)
    assert model.data(index) == ""  # -1 = unknown
    assert model.data(model.index(1, 1)).count(":") == 1  # "YYYY-MM-DD HH:MM"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.EditRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "name"
    assert model.headerData(4, Qt.Orientation.Vertical) == "5"


def test_sort_and_filter_100k_rows() -> None:
    frame = _frame(100_000)
    model = DataFrameModel(frame)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    members = [int(model.data(model.index(r, 2)) or -1) for r in range(0, 100_000, 997)]
    assert members == sorted(members)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    first, last = model.data(model.index(0, 1)), model.data(model.index(99_999, 1))
    assert first == frame["created_at"].max().strftime("%Y-%m-%d %H:%M")
    assert last == frame["created_at"].min().strftime("%Y-%m-%d %H:%M")
    model.set_filter("@EXAMPLE.org")  # case-insensitive, any column
    assert model.rowCount() == frame["email"].notna().sum()
    # still sorted by time, descending, after filtering
    times = model.visible_frame()["created_at"]
    assert times.is_monotonic_decreasing
    model.set_filter("")
    assert model.rowCount() == 100_000


def test_data_page_sorts_by_header_click_and_searches(make_window, qtbot) -> None:
    window = make_window()
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.open_demo()
    window.show_tab(2)
    page = window.data_page
    page.select_table("contacts")
    assert page.current_table == "contacts"
    assert page.model.rowCount() == 31
    assert page.count_label.text() == "31 of 31 rows"
    name_col = list(page.model.frame.columns).index("name")
    header = page.view.horizontalHeader()
    qtbot.waitUntil(header.isVisible, timeout=3000)
    x = header.sectionViewportPosition(name_col) + header.sectionSize(name_col) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.data(page.model.index(0, name_col)) == "Anna Alpha"
    assert page.model.data(page.model.index(30, name_col)) == "Zed Person 029"
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.data(page.model.index(0, name_col)) == "Zed Person 029"
    qtbot.keyClicks(page.search, "person 01")
    with qtbot.waitSignal(page.model.modelReset, timeout=3000):
        pass  # the search waits for a pause in typing
    assert page.model.rowCount() == 10
    assert page.count_label.text() == "10 of 31 rows"
    # still sorted descending
    assert page.model.data(page.model.index(0, name_col)) == "Zed Person 019"
    assert page.no_match.isHidden() and page.view.isVisible()
    # a search that matches nothing says so
    page.search.clear()
    qtbot.keyClicks(page.search, "nobody-like-this")
    with qtbot.waitSignal(page.model.modelReset, timeout=3000):
        pass
    assert page.model.rowCount() == 0
    assert page.no_match.isVisible() and page.no_match.text() == "No rows match"
    assert page.view.isHidden()


def test_display_strings_of_every_kind_and_size() -> None:
    from privacy_audit.gui.table_model import CHUNK, display_strings

    n = CHUNK * 2 + 5
    times = pd.Series(pd.to_datetime(np.arange(n) * 3600 + 1.6e9, unit="s", utc=True))
    times.iloc[3] = pd.NaT
    shown = display_strings(times)
    assert len(shown) == n and shown[3] == ""
    assert shown[n - 1] == times.iloc[n - 1].strftime("%Y-%m-%d %H:%M")
    assert display_strings(pd.Series([], dtype="datetime64[ns, UTC]")).tolist() == []
    assert display_strings(pd.Series(["a", None, 3], dtype=object)).tolist() == ["a", "", "3"]
    assert display_strings(pd.Series([True, False])).tolist() == ["✓", ""]
    assert display_strings(pd.Series([5, -1])).tolist() == ["5", ""]


def test_dates_and_numbers_held_as_ascii_bytes_show_the_same_text() -> None:
    from privacy_audit.gui.table_model import CHUNK, frame_display
    from privacy_audit.gui.table_text import cell_text, compact_strings

    frame = _frame(CHUNK + 5)
    frame.loc[3, "name"] = "Zoë Ünal"
    shown = frame_display(frame)
    compact = [compact_strings(strings) for strings in shown]
    assert [c.dtype.kind for c in compact] == ["O", "S", "S", "O", "S"]  # "ë", "✓": not ASCII
    assert compact[1].dtype.itemsize == 16 and compact[1].nbytes == 16 * len(frame)
    assert compact[0] is shown[0]
    # control: a compact cell is bytes; the model shows it as text, like the str
    assert type(compact[1][0]) is not str and cell_text(compact[1][0]) == shown[1][0]
    plain, small = DataFrameModel(), DataFrameModel()
    plain.set_frame(frame, shown, None)
    small.set_frame(frame, compact, None)
    for model in (plain, small):
        model.sort(1, Qt.SortOrder.DescendingOrder)
        model.set_filter(str(frame["created_at"].iloc[7].year))
    assert small.rowCount() == plain.rowCount() > 0
    for row in range(0, small.rowCount(), 97):
        for column in range(5):
            text = small.data(small.index(row, column))
            assert type(text) is str and text == plain.data(plain.index(row, column))


def test_columns_of_few_strings_are_held_as_a_byte_per_row() -> None:
    from privacy_audit.gui.table_text import CodedStrings, coded_strings

    n = CHUNK + 9
    files = np.array([f"export/{i % 3}/file.json" for i in range(n)], dtype=object)
    coded = coded_strings(files)
    assert isinstance(coded, CodedStrings)
    assert coded.codes.dtype == np.uint8 and coded.codes.nbytes == n and len(coded) == n
    assert coded[n - 1] == files[n - 1] and list(coded[np.array([2, 0])]) == [files[2], files[0]]
    assert list(np.asarray(coded)) == list(files) and list(coded) == list(files)
    assert all(any(d is f for f in files[:3]) for d in coded.distinct)  # the same objects
    # control: 257 distinct strings are not coded, nor are other arrays
    many = np.array([f"name {i % 257}" for i in range(n)], dtype=object)
    assert coded_strings(many) is many
    late = np.array(["same"] * 4096 + [f"name {i}" for i in range(300)], dtype=object)
    assert coded_strings(late) is late  # the first rows repeat one string, the rest do not
    assert coded_strings(np.array([b"x"])).dtype.kind == "S"


def test_the_model_shows_sorts_and_searches_coded_columns_as_plain_ones() -> None:
    from privacy_audit.gui.table_text import CodedStrings, coded_strings, frame_display

    frame = _frame(CHUNK + 5)
    frame["city"] = [("Roma", "Milano", "", "Zürich")[i % 4] for i in range(len(frame))]
    shown = frame_display(frame)
    held = [coded_strings(s) for s in shown]
    assert [type(h) is CodedStrings for h in held] == [False, False, False, True, False, True]
    plain, coded = DataFrameModel(), DataFrameModel()
    plain.set_frame(frame, shown, None)
    coded.set_frame(frame, held, None)
    for model in (plain, coded):
        model.sort(5, Qt.SortOrder.DescendingOrder)
        model.set_filter("zü")
    assert coded.rowCount() == plain.rowCount() == len(frame) // 4  # rows 3, 7, 11...
    for row in range(0, coded.rowCount(), 53):
        for column in range(6):
            assert coded.data(coded.index(row, column)) == plain.data(plain.index(row, column))
    for model in (plain, coded):
        model.set_filter("")
        model.sort(5, Qt.SortOrder.AscendingOrder)
    assert coded.visible_frame().index.tolist() == plain.visible_frame().index.tolist()
