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

from privacy_audit.phones import is_email_address
from privacy_audit.sources.meta import columns as col
from privacy_audit.sources.meta import items, locate, records
from privacy_audit.sources.meta.extract import _split_points
from privacy_audit.sources.meta.getters import (
    EMAIL,
    LOGIN_KIND,
    META_SERVICE,
    ON_OFF,
    PHONE,
    RAW,
    SERVICE,
    TEXT,
    TIME,
    key,
)
from privacy_audit.sources.meta.locate import Found, expand
from privacy_audit.sources.meta.reader import seconds, text
from privacy_audit.sources.meta.records import label_columns, record_map, smd_index
from privacy_audit.sources.meta.spec import Each

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


# -- the dict items of lists inside records (Each over a key) ----------------------
ITEM_VALUES = st.one_of(SCALARS, st.just(" +39 333 "), st.just({"phone_number": "+1 555"}))
ITEMS = st.one_of(
    st.fixed_dictionaries(
        {}, optional={"contact_point": ITEM_VALUES, "extra_data": ITEM_VALUES, "type": SCALARS}
    ),
    SCALARS,
)
LIST_RECORDS = st.fixed_dictionaries(
    {}, optional={"details": st.one_of(st.lists(ITEMS, max_size=3), SCALARS), "name": SCALARS}
)
WHERE = key("contact_point", "extra_data.phone_number")
EACHES = [
    Each(key="details"),
    Each(key="details", where=WHERE),
    Each(key="details", where=WHERE, scalar="contact_point"),
    Each(key="details", scalar="contact_point", numbers=True),
    Each(key="info.details", where=key("type", conv=TIME)),
]


def _all_values(value: Any) -> list[Any]:
    """Every value inside ``value`` (lists and dicts walked)."""
    inner = value if type(value) is list else list(value.values()) if type(value) is dict else []
    return [value] + [x for v in inner for x in _all_values(v)]


def _expanded(recs: list[dict[str, Any]], each: Each) -> tuple[Any, ...]:
    found, bad = expand(Found("dict", recs), each)
    return found.raw, found.parents, found.filtered, dict(found.columns), bad


@settings(max_examples=400, deadline=None)
@given(st.lists(LIST_RECORDS, max_size=8), st.sampled_from(EACHES), st.booleans())
def test_items_taken_column_wise_are_the_items_taken_one_by_one(
    recs: list[dict[str, Any]], each: Each, nested: bool
) -> None:
    if each.key == "info.details":
        recs = [{"info": r} if nested else r for r in recs]
    fast = _expanded(recs, each)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(locate, "dict_items", lambda *args: None)  # the item-by-item reading
        slow = _expanded(recs, each)
    assert fast == slow
    given_items = {id(x) for x in _all_values(recs) if type(x) is dict}
    for a, b in zip(fast[0], slow[0], strict=True):
        assert (a is b) if id(b) in given_items else (a is not b)  # the records' own dicts


def test_items_of_an_address_book() -> None:
    recs = [
        {"name": "A", "details": [{"contact_point": " +39 1 "}, {"contact_point": ""}]},
        {"name": "B", "details": [{"extra_data": {"phone_number": "+39 2"}}]},
        {"name": "C", "details": []},
    ]
    taken = items.dict_items(recs, ("details",), WHERE)
    assert taken is not None
    assert taken[1:] == ([0, 1], ["+39 1", "+39 2"])
    assert items.dict_items([*recs, {"details": None}], ("details",), WHERE) is None


def test_control_a_where_that_ignores_its_other_paths_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recs = [{"details": [{"extra_data": {"phone_number": "+39 2"}}]}]
    each = Each(key="details", where=WHERE)
    fast = _expanded(recs, each)
    real = items._where
    monkeypatch.setattr(items, "_where", lambda found, where: real(found, key("contact_point")))
    assert _expanded(recs, each) != fast


# -- contact points split into phone_raw and email --------------------------------
POINTS = st.one_of(
    st.none(),
    st.sampled_from(["", "+39 333 1", "anna@example.org", "a@b", "@", "x@y.it ", "tel: 12"]),
    st.text(max_size=6),
    st.integers(),
)


def _split_one_by_one(points: list[Any]) -> tuple[list[Any], list[Any]]:
    emails = [type(p) is str and "@" in p and is_email_address(p) for p in points]
    return (
        [None if e else p for p, e in zip(points, emails, strict=True)],
        [p if e else None for p, e in zip(points, emails, strict=True)],
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(POINTS, max_size=8))
def test_contact_points_split_as_one_by_one(points: list[Any]) -> None:
    assert _split_points(points) == _split_one_by_one(points)


def test_control_an_address_among_numbers_is_split_out() -> None:
    points = ["+39 333 1", None, "anna@example.org"]
    assert _split_points(points) == (["+39 333 1", None, None], [None, None, "anna@example.org"])


REPEATED = st.lists(
    st.sampled_from(["Log in", "Log out", "Accesso", "WhatsApp", "on", " Off ", "", None]),
    min_size=60,
    max_size=200,
)


@settings(max_examples=100, deadline=None)
@given(REPEATED, st.sampled_from([LOGIN_KIND, SERVICE, ON_OFF, META_SERVICE, EMAIL, PHONE]))
def test_repeated_strings_converted_once_each_as_cell_by_cell(values: list[Any], conv: Any) -> None:
    _same(col.convert(conv, values), [conv(v) for v in values])


def test_control_a_converter_of_mutable_results_is_applied_cell_by_cell() -> None:
    """Rows never share a mutable result: such a column is converted cell by cell."""
    values = ["a", "b"] * 40
    assert col._by_distinct(lambda v: [v], values) is None
    converted = col.convert(lambda v: [v], values)
    assert converted[0] == converted[2] and converted[0] is not converted[2]
    assert col._by_distinct(str.upper, values) == [v.upper() for v in values]
