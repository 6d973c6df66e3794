"""The field-spec engine's extension points: locators and getters defined outside
``spec.py``, rows kept when any of several columns holds something, and identifier
cells holding several values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from privacy_audit.model import SourceSink
from privacy_audit.sources.meta.locate import Found
from privacy_audit.sources.meta.reader import ShapeError
from privacy_audit.sources.meta.spec import (
    ColumnGetter,
    FileSpec,
    Keyed,
    RecordLocator,
    Shape,
    identifiers,
    key,
)

from .test_meta_spec import _run


@dataclass(frozen=True)
class _Pairs(RecordLocator):
    """Records are the ``[name, value]`` pairs of a list under ``pairs``."""

    def find(self, data: Any) -> tuple[Found, int] | None:
        if not isinstance(data, dict) or "pairs" not in data:
            return None
        if not isinstance(data["pairs"], list):
            raise ShapeError("pairs is not a list", where="pairs")
        pairs = [p for p in data["pairs"] if isinstance(p, list) and len(p) == 2]
        return Found("pair", pairs), len(data["pairs"]) - len(pairs)


@dataclass(frozen=True)
class _Part(ColumnGetter):
    index: int

    def column(self, found: Found, read: Any) -> list[Any]:
        return [pair[self.index] or None for pair in found.raw]


@dataclass(frozen=True)
class _Upper(ColumnGetter):
    """Another getter's values, upper-cased (read through ``read``)."""

    inner: Any

    def column(self, found: Found, read: Any) -> list[Any]:
        return [v.upper() if v else None for v in read(self.inner, found)]


PAIRS = FileSpec(
    "settings",
    Shape(_Pairs(), {"key": _Part(0), "value": _Upper(_Part(1))}, require=(("key", "value"),)),
)


def test_a_locator_and_getters_from_outside_the_spec_module() -> None:
    data = {"pairs": [["two_factor", "on"], ["", ""], ["", "off"], "garbage"]}
    tables, warnings = _run(PAIRS, data)
    frame = tables["settings"]
    assert frame["key"].fillna("-").tolist() == ["two_factor", "-"]  # the empty pair is not kept
    assert frame["value"].tolist() == ["ON", "OFF"]
    assert warnings == ["1 record of file.json is not of the expected type and was skipped."]


def test_an_outside_locator_reports_an_unexpected_structure_with_its_key() -> None:
    _tables, warnings = _run(PAIRS, {"pairs": {"a": 1}})
    assert warnings == ["file.json has an unexpected structure at 'pairs'; part of it was skipped."]


def test_control_a_bug_in_an_outside_getter_raises() -> None:
    @dataclass(frozen=True)
    class Broken(ColumnGetter):
        def column(self, found: Found, read: Any) -> list[Any]:
            raise KeyError("a bug")

    spec = FileSpec("settings", Shape(_Pairs(), {"key": Broken()}))
    with pytest.raises(KeyError):
        _run(spec, {"pairs": [["a", "b"]]})


def test_identifier_cells_holding_several_values_give_one_row_each_in_order() -> None:
    spec = identifiers(
        Shape(Keyed("accounts"), {"email": key("mails", conv=list), "username": key("user")})
    )
    data = {"accounts": [{"mails": ["A@x.org", "b@x.org", "a@x.org"], "user": "anna"}]}
    frame = _run(spec, data)[0]["identifiers"]
    assert list(zip(frame["kind"], frame["value"], strict=True)) == [
        ("email", "a@x.org"),
        ("email", "b@x.org"),
        ("username", "anna"),
    ]


def test_columns_named_with_an_underscore_decide_which_rows_are_kept_but_are_not_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored: list[str] = []
    add_columns = SourceSink.add_columns

    def spy(self: SourceSink, table: str, n: int, **columns: Any) -> None:
        stored.extend(columns)
        add_columns(self, table, n, **columns)

    monkeypatch.setattr(SourceSink, "add_columns", spy)
    spec = FileSpec(
        "settings",
        Shape(_Pairs(), {"_set": _Part(0), "value": _Part(1)}, require=("_set",)),
    )
    frame = _run(spec, {"pairs": [["", "dropped"], ["x", "kept"]]})[0]["settings"]
    assert frame["value"].tolist() == ["kept"]
    assert "value" in stored and "_set" not in stored
