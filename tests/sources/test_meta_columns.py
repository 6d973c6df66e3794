"""Column-wise reading of the field-spec engine against the cell-by-cell reading it
replaces: :func:`.columns.convert` against ``[conv(v) for v in values]`` and
:func:`.records.label_columns` against one :func:`.records.smd_index` per record, on
tricky and generated inputs (missing keys, None, wrong types, mojibake, empty lists,
several labels meaning the same field)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.sources.meta import columns as col
from privacy_audit.sources.meta import records
from privacy_audit.sources.meta.getters import LOGIN_KIND, RAW, TEXT, TIME
from privacy_audit.sources.meta.reader import seconds, text
from privacy_audit.sources.meta.records import label_columns, record_map, smd_index

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, 1_600_000_000, 4_102_444_799, 4_102_444_800, -5]),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.sampled_from(["", " ", " a ", "\u00a0x\u3000", "Ã¨ Ã ", "1600000000", " 17 ", "²"]),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=2),
    st.dictionaries(st.text(max_size=2), SCALARS, max_size=2),
)


def _same(got: list[Any], expected: list[Any]) -> None:
    """Equal cell by cell, and of the same types (1 and 1.0 and True differ here)."""
    assert len(got) == len(expected)
    for a, b in zip(got, expected, strict=True):
        assert type(a) is type(b)
        assert a == b or (a != a and b != b)  # NaN is itself


@settings(max_examples=300, deadline=None)
@given(st.lists(VALUES, max_size=12), st.sampled_from([TEXT, TIME, RAW, LOGIN_KIND]))
def test_convert_is_the_converter_cell_by_cell(values: list[Any], conv: Any) -> None:
    _same(col.convert(conv, values), [conv(v) for v in values])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=12))
def test_a_column_of_strings_takes_the_fast_path_and_matches(values: list[str]) -> None:
    _same(col.texts(values), [text(v) for v in values])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=-10, max_value=2**40), max_size=12))
def test_a_column_of_ints_takes_the_fast_path_and_matches(values: list[int]) -> None:
    _same(col.times(values), [seconds(v) for v in values])


@pytest.mark.parametrize(
    "values",
    [[], [""], ["  "], [None, " x "], [True, 1], [1, 1.5], [0, 5], ["12", 12], [[], {}]],
)
def test_tricky_columns(values: list[Any]) -> None:
    _same(col.texts(values), [text(v) for v in values])
    _same(col.times(values), [seconds(v) for v in values])


def test_convert_makes_a_new_list() -> None:
    values = [1_600_000_000]
    assert col.convert(TIME, values) is not values
    assert col.convert(RAW, values) is not values


# -- string_map_data labels --------------------------------------------------------
def _by_record(recs: list[dict[str, Any]], wanted: list[tuple[str, bool]]) -> list[list[Any]]:
    """The reading per record that :func:`label_columns` replaces."""
    out: list[list[Any]] = [[] for _ in wanted]
    for rec in recs:
        smd = rec.get("string_map_data")
        entries = smd_index(smd if type(smd) is dict else record_map(rec))
        for column, (name, time) in zip(out, wanted, strict=True):
            e = entries.get(name)
            if e is None:
                column.append(None)
            elif time:
                column.append(seconds(e.get("timestamp")))
            else:
                column.append(text(e.get("value")) or text(e.get("href")))
    return out


# "Nome" means name and first_name; "Name"/"Nome"/"Full Name" all mean name
LABELS = ["Nome", "Name", "Full Name", "First Name", "Time", "Ora", "IP Address", "Contact", ""]
WANTED = [
    ("name", False),
    ("first_name", False),
    ("time", True),
    ("ip", False),
    ("contact_info", False),
    ("time", False),
    ("name", True),
    ("username", False),
]
ENTRIES = st.one_of(
    st.fixed_dictionaries({}, optional={"value": SCALARS, "href": SCALARS, "timestamp": SCALARS}),
    SCALARS,
)
LABEL_VALUES = st.lists(
    st.fixed_dictionaries({"label": st.sampled_from(LABELS)}, optional={"value": SCALARS}),
    max_size=3,
)
RECORDS = st.one_of(
    st.fixed_dictionaries(
        {"string_map_data": st.dictionaries(st.sampled_from(LABELS), ENTRIES, max_size=5)}
    ),
    st.fixed_dictionaries({}, optional={"string_map_data": SCALARS, "label_values": LABEL_VALUES}),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(RECORDS, max_size=10))
def test_label_columns_read_what_each_record_index_reads(recs: list[dict[str, Any]]) -> None:
    got = label_columns(recs, WANTED)
    for column, expected in zip(got, _by_record(recs, WANTED), strict=True):
        _same(column, expected)


@settings(max_examples=100, deadline=None)
@given(st.lists(RECORDS, max_size=4), st.integers(min_value=1, max_value=50))
def test_many_records_alike_read_column_wise_as_each_alone(
    recs: list[dict[str, Any]], times: int
) -> None:
    many = recs * times
    got = label_columns(many, WANTED)
    for column, expected in zip(got, _by_record(many, WANTED), strict=True):
        _same(column, expected)


TRICKY = [
    {"string_map_data": {"Name": "not an entry", "Full Name": {"value": " Anna "}}},
    {"string_map_data": {"Full Name": {"value": " "}, "Name": {"value": "Bruno"}}},
    {"string_map_data": {"Nome": {"value": 12}, "Time": {"timestamp": "1600000000"}}},
    {"string_map_data": {"Time": {"timestamp": True}, "Ora": {"timestamp": 1_600_000_000}}},
    {"string_map_data": {}},
    {"string_map_data": None, "label_values": [{"label": "Name", "value": "Bruno"}]},
    {"label_values": [{"label": "IP Address", "value": "10.0.0.1"}]},
    {"string_map_data": {"IP Address": {"value": "Ã¨"}, "": {"value": "x"}}},
]


def test_tricky_records() -> None:
    got = label_columns(TRICKY, WANTED)
    assert got == _by_record(TRICKY, WANTED)
    # the first entry (a dict) of a label meaning the field, per record
    assert got[0][:3] == ["Anna", None, "12"]


def test_control_a_reading_that_ignores_other_labels_meaning_the_same_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The differential test would catch column-wise reading that takes the first label
    meaning a field for every record (instead of each record's own first entry)."""
    real = records._meanings

    def only_one(maps: list[dict[str, Any]]) -> dict[str, list[str]]:
        return {key: labels[:1] for key, labels in real(maps).items()}

    monkeypatch.setattr(records, "_meanings", only_one)
    assert label_columns(TRICKY, WANTED) != _by_record(TRICKY, WANTED)
