"""``SourceSink.add_columns`` (the importers' fast path) equals the same rows added one by one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.model import SCHEMAS, TABLES, EvidenceBuilder, SourceInfo
from privacy_audit.model_frames import _times, conform, text_column


def _sink(builder: EvidenceBuilder, service: str = "facebook") -> Any:
    return builder.source(SourceInfo("x.zip", service, "dyi", "json", "facebook-2024"))


ROWS: list[dict[str, Any]] = [
    {"origin": "address_book", "name": " Caffe\u0300 ", "phone_raw": "+39 333", "created_at": 5},
    {"origin": "address_book", "name": "Ann", "email": " ANN@Example.ORG ", "created_at": None},
    {"origin": "address_book", "name": "", "email": "", "created_at": 0},
    {"origin": "address_book", "name": None, "phone_raw": 12, "created_at": 1.7e9},
    {"origin": "address_book", "name": "東京 ", "created_at": datetime(2024, 1, 2, tzinfo=UTC)},
]


def _as_columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    keys = dict.fromkeys(k for row in rows for k in row)
    return {k: [row.get(k) for row in rows] for k in keys}


def test_columns_equal_rows_one_by_one() -> None:
    one, many = EvidenceBuilder(), EvidenceBuilder()
    sink_one, sink_many = _sink(one), _sink(many)
    for row in ROWS:
        sink_one.add("contacts", source_file="a.json", **row)
    sink_many.add_columns("contacts", len(ROWS), source_file="a.json", **_as_columns(ROWS))
    a, b = one.build(), many.build()
    for table in TABLES:
        pd.testing.assert_frame_equal(a.tables[table], b.tables[table], check_exact=True)
    assert sink_one.info.tables == sink_many.info.tables == {"contacts": len(ROWS)}
    contacts = b.contacts
    assert contacts["name"].tolist()[:2] == ["Caffè", "Ann"]  # NFC, stripped
    assert contacts["email"].tolist()[1] == "ann@example.org"
    assert contacts["service"].eq("facebook").all()


def test_rows_and_column_blocks_keep_their_order() -> None:
    one, many = EvidenceBuilder(), EvidenceBuilder()
    sink_one, sink_many = _sink(one), _sink(many)
    events = [(f"App {i}", "PURCHASE", 1_600_000_000 + i) for i in range(6)]
    for app, event, ts in events:
        sink_one.add("off_platform", app=app, event=event, timestamp=ts)
    sink_many.add("off_platform", app=events[0][0], event=events[0][1], timestamp=events[0][2])
    sink_many.add_columns(
        "off_platform",
        3,
        app=[e[0] for e in events[1:4]],
        event="PURCHASE",  # one value for every row
        timestamp=[e[2] for e in events[1:4]],
    )
    for app, event, ts in events[4:]:
        sink_many.add("off_platform", app=app, event=event, timestamp=ts)
    sink_many.add_columns("off_platform", 0, app=[])  # nothing
    a, b = one.build(), many.build()
    pd.testing.assert_frame_equal(a.off_platform, b.off_platform, check_exact=True)
    assert b.off_platform["app"].tolist() == [e[0] for e in events]


def test_column_of_wrong_length_and_unknown_table_are_refused() -> None:
    sink = _sink(EvidenceBuilder())
    with pytest.raises(ValueError):
        sink.add_columns("contacts", 2, name=["only one"])
    with pytest.raises(KeyError):
        sink.add_columns("nope", 1, name=["x"])


@pytest.mark.parametrize(
    "values",
    [
        [1_600_000_000, None, 0, -5, 1.5e9, 1_700_000_000.25],
        [None, None],
        [],
        [datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), None],
        [datetime(2024, 1, 2, 3, 4, 5), 1_600_000_000, None],  # naive = UTC, mixed
    ],
)
def test_times_as_the_per_value_conversion(values: list[Any]) -> None:
    expected = pd.to_datetime(
        [
            pd.NaT
            if v is None or v == 0 or (isinstance(v, (int, float)) and v <= 0)
            else (
                pd.Timestamp(v, unit="s", tz="UTC")
                if isinstance(v, (int, float))
                else pd.Timestamp(v).tz_localize("UTC")
                if v.tzinfo is None
                else pd.Timestamp(v)
            )
            for v in values
        ],
        utc=True,
    )
    got = _times(values)
    assert list(got.astype("int64", copy=False)) == list(expected.astype("int64", copy=False))
    assert got.isna().tolist() == expected.isna().tolist()


@pytest.mark.parametrize(
    "values",
    [
        ["Anna", None, "", "Bruno"],
        [None, "Anna"],
        [None, None],  # no string at all: comes out as object of None
        [],
    ],
)
def test_conform_keeps_string_columns_as_the_object_path_makes_them(values: list[Any]) -> None:
    """A text column that is already pandas' string array (the messages fast path)
    conforms to exactly what the same column as plain objects conforms to."""
    schema = SCHEMAS["messages"]
    n = len(values)
    columns = {"sender": values, "chat": ["c"] * n, "is_group": [True] * n}
    as_objects = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})
    as_strings = as_objects.astype({"sender": "str", "chat": "str"})
    expected = conform(schema, as_objects)
    got = conform(schema, as_strings)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(got.dtypes) == list(expected.dtypes)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=3), st.integers()), min_size=1, max_size=6),
    st.data(),
)
def test_text_column_is_what_pandas_infers_from_the_rows(distinct: list[Any], data: Any) -> None:
    """A column built from distinct values and codes equals the frame pandas builds from
    the full object column (dtype included: string array, or object without strings)."""
    values = np.empty(len(distinct), dtype=object)
    values[:] = distinct
    codes = np.array(
        data.draw(st.lists(st.integers(0, len(distinct) - 1), max_size=12)), dtype=np.intp
    )
    expected = pd.DataFrame({"a": values[codes]})
    got = pd.DataFrame({"a": text_column(values, codes)})
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got["a"].dtype == expected["a"].dtype
