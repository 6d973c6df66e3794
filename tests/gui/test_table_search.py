"""The Data tab's compact search finds the rows the per-row search text found."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from privacy_audit.gui.table_model import CHUNK, DataFrameModel
from privacy_audit.gui.table_search import SEPARATOR, column_search, table_search


def _rows_before(columns: list[np.ndarray], needle: str) -> list[int]:
    """The search as it was: one lower-case string per row, its cells joined by
    SEPARATOR, matched with ``in``."""
    rows = len(columns[0]) if columns else 0
    text = [SEPARATOR.join(str(c[r]) for c in columns).lower() for r in range(rows)]
    return [r for r in range(rows) if needle.lower() in text[r]]


def _strings(values: list[str]) -> np.ndarray:
    return np.array(values, dtype=object)


#: cells with case, accents, letters whose lower case is longer, repeats and empties
_NAMES = ["Élodie Dürr", "ELODIE", "İstanbul", "Straße", "ΟΔΥΣΣΕΥΣ", "a.b*c(d)", "", "Zoë"]
_PLACES = ["Milano", "milano", "", "Roma", "ROMA", "São Paulo", "x\\y", "Città"]


def _table(rows: int) -> list[np.ndarray]:
    names = _strings([f"{_NAMES[i % len(_NAMES)]} {i % 5}" for i in range(rows)])
    places = _strings([_PLACES[(i * 3) % len(_PLACES)] for i in range(rows)])
    files = _strings(["facebook/a.json" if i % 2 else "instagram/b.json" for i in range(rows)])
    return [names, places, files]


@pytest.mark.parametrize(
    "needle",
    ["élodie", "ELODIE", "elodie", "dürr", "DURR", "i̇stanbul", "istanbul", "STRASSE", "straße",
     "ΟΔΥΣΣΕΥΣ", "οδυσσευσ", "οδυσσευς", "a.b*c(d)", ".", "*", "(", "x\\y", "\\", "città",
     "citta", "são", "ROMA 3", "milano", "json", "a.json", "4", "0 m", "zoë 2", "b.jsonx",
     "no such thing"],
)  # fmt: skip
def test_the_same_rows_match_as_with_one_text_per_row(needle: str) -> None:
    columns = _table(CHUNK + 37)
    search = table_search(columns, CHUNK + 37)
    assert search.matching_rows(needle).tolist() == _rows_before(columns, needle)


def test_every_row_matches_nothing_and_an_empty_table() -> None:
    columns = _table(50)
    assert table_search(columns, 50).matching_rows("").tolist() == list(range(50))
    assert table_search([], 0).matching_rows("x").tolist() == []
    assert table_search([_strings([])], 0).matching_rows("x").tolist() == []
    assert table_search([], 3).matching_rows("x").tolist() == []  # a table without columns


def test_a_search_never_matches_across_two_cells() -> None:
    # "roma" ends a cell and "milano" starts the next one; "a m" would need both
    columns = [_strings(["Roma", "Roma", "x"]), _strings(["Milano", "y", "Milano"])]
    search = table_search(columns, 3)
    for needle in ("a m", f"a{SEPARATOR}m", f"roma{SEPARATOR}milano", "amil"):
        assert search.matching_rows(needle).tolist() == []
    # control: the row's cells joined hold the text that spans them, so a search over
    # the joined text (or the search as it was, for the separator) would find row 0
    assert f"roma{SEPARATOR}milano" in SEPARATOR.join(["Roma", "Milano"]).lower()
    assert _rows_before(columns, f"a{SEPARATOR}m") == [0]


def test_nor_across_two_distinct_strings_of_one_column() -> None:
    # the column's distinct strings are joined too: "ab" + "cd" side by side
    column = column_search(_strings(["ab", "cd", "ab", "cd"]))
    assert column.text == f"ab{SEPARATOR}cd"
    assert column.values_with("bc").tolist() == []
    assert column.values_with(f"b{SEPARATOR}c").tolist() == []
    assert column.values_with("b").tolist() == [0]


def test_a_cell_holding_the_separator_is_still_found() -> None:
    odd = f"left{SEPARATOR}right"
    columns = [_strings(["a", odd, "b", odd]), _strings(["x", "y", "z", "w"])]
    search = table_search(columns, 4)
    for needle in (odd, f"t{SEPARATOR}r", "right", "left"):
        assert search.matching_rows(needle).tolist() == [1, 3] == _rows_before(columns, needle)
    assert search.matching_rows(f"a{SEPARATOR}x").tolist() == []


def test_each_distinct_string_is_held_once_with_a_small_code_per_row() -> None:
    rows = 3 * CHUNK
    files = _strings([f"export/folder/{i % 3}/file.json" for i in range(rows)])
    names = _strings([f"Name {i}" for i in range(rows)])
    by_file, by_name = column_search(files), column_search(names)
    assert by_file.distinct == 3 and by_file.codes is not None
    assert by_file.codes.dtype == np.uint8 and len(by_file.codes) == rows
    assert len(by_file.text) == sum(len(f"export/folder/{k}/file.json") + 1 for k in range(3)) - 1
    assert by_name.codes is None and by_name.distinct == rows  # every row its own string
    assert [by_name.value(k) for k in (0, rows - 1)] == ["name 0", f"name {rows - 1}"]


def test_the_model_filters_with_the_prepared_search_or_its_own() -> None:
    frame = pd.DataFrame({"name": ["Anna", "Bruno", "anna b"], "city": ["Roma", "ANNAPOLIS", ""]})
    own = DataFrameModel(frame)
    own.set_filter("ANNA")
    assert own.visible_frame().index.tolist() == [0, 1, 2]
    own.set_filter("anna b")
    assert own.visible_frame()["name"].tolist() == ["anna b"]
    # a prepared search is used as given (here: one that finds row 1 for anything)
    prepared = table_search([_strings(["", "x", ""]), _strings(["", "", ""])], 3)
    given = DataFrameModel()
    given.set_frame(frame, None, prepared)
    given.set_filter("x")
    assert given.visible_frame()["name"].tolist() == ["Bruno"]
    given.sort(0, Qt.SortOrder.DescendingOrder)
    given.set_filter("")
    assert given.visible_frame()["name"].tolist() == ["anna b", "Bruno", "Anna"]


def test_dates_held_as_ascii_bytes_are_searched_as_their_text() -> None:
    from privacy_audit.gui.table_text import compact_strings

    dates = _strings(["2020-01-01 10:00", "", "2021-05-05 11:11", "2020-01-01 10:00"])
    compact = compact_strings(dates)
    assert compact.dtype.kind == "S"
    as_bytes, as_text = column_search(compact), column_search(dates)
    assert (
        as_bytes.text == as_text.text == f"2020-01-01 10:00{SEPARATOR}{SEPARATOR}2021-05-05 11:11"
    )
    assert as_bytes.starts.tolist() == as_text.starts.tolist()
    assert as_bytes.codes is not None and as_text.codes is not None
    assert as_bytes.codes.tolist() == as_text.codes.tolist() == [0, 1, 2, 0]
    assert table_search([compact], 4).matching_rows("2020-01").tolist() == [0, 3]
