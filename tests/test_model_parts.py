"""Tables built from columns in parts (:func:`.model_frames.frame_of_parts`, what the
builder does) equal the tables built from the same values joined into one list per
column (:func:`.model_frames.frame_of_columns`, the reading it replaces)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.model import (
    SCHEMAS,
    EvidenceBuilder,
    SourceInfo,
    _clean_email,
    _clean_emails,
    _clean_texts,
    clean_text,
)
from privacy_audit.model_frames import _joined, frame_of_columns, frame_of_parts

CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "a", "Ã¨", "東京", "x"]),
    st.text(max_size=4),
    st.integers(min_value=-3, max_value=2_000_000_000),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1, max_value=3e9),
    st.just(datetime(2024, 1, 2, tzinfo=UTC)),
)


@st.composite
def _parts(draw: Any) -> list[tuple[int, Any]]:
    """One column in parts: lists of cells and uniform values, some of zero rows."""
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        if draw(st.booleans()):
            values = draw(st.lists(CELLS, max_size=5))
            parts.append((len(values), values))
        else:
            parts.append((draw(st.integers(min_value=1, max_value=4)), draw(CELLS)))
    return parts


def _same_frames(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Same columns, dtypes, values and Python types of the values."""
    assert list(a.columns) == list(b.columns)
    assert list(a.dtypes) == list(b.dtypes)
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    for column in a.columns:
        x, y = a[column].tolist(), b[column].tolist()
        assert [type(v) for v in x] == [type(v) for v in y], column


TEXT_SCHEMA = {"t": "str", "u": "str"}


@settings(max_examples=300, deadline=None)
@given(_parts(), st.data())
def test_text_columns_in_parts_equal_the_joined_lists(parts: Any, data: Any) -> None:
    n = sum(count for count, _ in parts)
    other = [(n, data.draw(CELLS))]  # a column with one value for all rows
    columns = {"t": parts, "u": other}
    joined = {name: _joined(p) for name, p in columns.items()}
    joined = {k: v if isinstance(v, list) else [v] * n for k, v in joined.items()}
    _same_frames(frame_of_parts(TEXT_SCHEMA, n, columns), frame_of_columns(TEXT_SCHEMA, n, joined))


SMALL_CELLS = st.one_of(st.none(), st.integers(min_value=0, max_value=2_000_000_000))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_kind_of_column_in_parts(data: Any) -> None:
    schema = SCHEMAS["contacts"]  # text, time and bool columns
    n = data.draw(st.integers(min_value=0, max_value=6))
    columns: dict[str, list[tuple[int, Any]]] = {}
    for name, kind in schema.items():
        cells = SMALL_CELLS if kind == "time" else st.one_of(st.none(), st.booleans(), CELLS)
        cut = data.draw(st.integers(min_value=0, max_value=n))
        head = data.draw(st.lists(cells, min_size=cut, max_size=cut))
        columns[name] = [(cut, head), (n - cut, data.draw(cells))] if n > cut else [(n, head)]
    joined = {}
    for name, parts in columns.items():
        values = _joined(parts)
        joined[name] = values if isinstance(values, list) else [values] * n
    _same_frames(frame_of_parts(schema, n, columns), frame_of_columns(schema, n, joined))


def test_builder_rows_and_blocks_in_order() -> None:
    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("x.zip", "facebook", "dyi", "json", "facebook-2024"))
    sink.add("contacts", name="Row 1", phone_raw="", origin="a")
    sink.add_columns("contacts", 2, name=["B1", None], phone_raw="+39 2", origin="b")
    sink.add("contacts", name="Row 2")
    sink.add_columns("contacts", 1, name=[""], origin=["c"])
    frame = builder.build().contacts
    assert frame["name"].tolist()[:3] == ["Row 1", "B1", None] or pd.isna(frame["name"][2])
    assert frame["origin"].tolist()[:4] == ["a", "b", "b", None] or pd.isna(frame["origin"][3])
    assert frame["phone_raw"].tolist()[1:3] == ["+39 2", "+39 2"]
    assert len(frame) == 5


def test_control_the_comparison_sees_a_column_of_another_dtype() -> None:
    """Objects where pandas infers its string array (pandas 3), or pandas' string array
    where it keeps objects, with the same values: the comparison tells them apart."""
    built = frame_of_parts({"t": "str"}, 2, {"t": [(2, ["a", None])]})
    wrong = built.astype({"t": "string" if built["t"].dtype == object else object})
    with pytest.raises(AssertionError):
        _same_frames(built, wrong)


# -- cleaning of text columns in the sink -------------------------------------------
TEXTS = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", " Anna ", "Caffe\u0300", "東京 ", "a\u00a0", "\u3000x"]),
    st.text(max_size=5),
    st.text(alphabet=st.characters(max_codepoint=127), max_size=5),
    st.integers(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, max_size=8))
def test_text_columns_cleaned_as_each_value(values: list[Any]) -> None:
    got, expected = _clean_texts(values), [clean_text(v) for v in values]
    assert got == expected and [type(v) for v in got] == [type(v) for v in expected]
    emails = _clean_emails(values)
    assert emails == [_clean_email(v) for v in values]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(max_codepoint=127), max_size=5), max_size=8))
def test_ascii_columns_take_the_fast_path_and_match(values: list[str]) -> None:
    assert _clean_texts(values) == [clean_text(v) for v in values]


def test_control_the_fast_path_does_not_take_what_needs_normalizing() -> None:
    """A decomposed accent (not ASCII) is normalized: a column of it is not only stripped."""
    values = [" Caffe\u0300 ", "Anna"]
    assert _clean_texts(values) == ["Caff\u00e8", "Anna"]
    assert _clean_texts(values) != [v.strip() for v in values]
