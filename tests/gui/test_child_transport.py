"""The result's transport keeps one object for equal strings, and every value as it was."""

from __future__ import annotations

import math
import pickle
from typing import Any

import numpy as np
import pandas as pd
import pytest

from privacy_audit.gui import child_transport
from privacy_audit.gui.child_transport import CHUNK_ROWS, ResultParts, send_result


def _across(thing: Any) -> Any:
    """``thing`` sent and received as the import child's pipe would carry it."""
    sent: list[tuple[Any, ...]] = []
    send_result(lambda message: sent.append(pickle.loads(pickle.dumps(message))), thing)
    parts = ResultParts()
    for message in sent[:-1]:
        parts.receive(message)
    return parts.result(sent[-1][1])


def _result() -> dict[str, Any]:
    n = 2 * CHUNK_ROWS + 11
    names = [f"Contact {i}" for i in range(n)]
    contacts = pd.DataFrame(
        {
            "name": pd.array(names, dtype="str"),
            "ip": pd.array([f"10.0.0.{i % 7}" if i % 5 else None for i in range(n)], dtype="str"),
            "note": np.array([None if i % 3 else f"note {i % 4}" for i in range(n)], dtype=object),
        }
    )
    # a finding's rows: the same names, in another order, in a frame of its own
    rows = pd.DataFrame({"who": pd.array(names[::-1], dtype="str")})
    return {"contacts": contacts, "rows": rows}


def test_equal_strings_arrive_as_one_object() -> None:
    back = _across(_result())
    contacts, rows = back["contacts"], back["rows"]
    pd.testing.assert_frame_equal(contacts, _result()["contacts"])
    pd.testing.assert_frame_equal(rows, _result()["rows"])
    n = len(contacts)
    names = contacts["name"].to_numpy(dtype=object)
    who = rows["who"].to_numpy(dtype=object)
    assert all(who[n - 1 - i] is names[i] for i in range(n))  # across frames and chunks
    ips = [v for v in contacts["ip"].to_numpy(dtype=object) if isinstance(v, str)]
    assert len({id(v) for v in ips}) == len(set(ips)) == 7
    notes = [v for v in contacts["note"].to_numpy(dtype=object) if isinstance(v, str)]
    assert len({id(v) for v in notes}) == len(set(notes)) == 4


def test_control_without_the_shared_strings_each_chunk_has_its_copies(monkeypatch) -> None:
    monkeypatch.setattr(child_transport, "_share_equal_strings", lambda values, seen: values)
    back = _across(_result())
    names = back["contacts"]["name"].to_numpy(dtype=object)
    who = back["rows"]["who"].to_numpy(dtype=object)
    assert not any(who[len(names) - 1 - i] is names[i] for i in range(len(names)))
    ips = [v for v in back["contacts"]["ip"].to_numpy(dtype=object) if isinstance(v, str)]
    assert len({id(v) for v in ips}) > 7


def test_other_objects_keep_their_type_and_value() -> None:
    n = CHUNK_ROWS + 3
    mixed = [1, 1.0, True, "1", None, math.nan, (1, 2), "1", "True", b"1", ["a"]]
    column = np.array([mixed[i % len(mixed)] for i in range(n)], dtype=object)
    back = _across({"mixed": column, "frame": pd.DataFrame({"m": column})})
    for values in (back["mixed"], back["frame"]["m"].to_numpy()):
        assert values.dtype == object and len(values) == n
        for got, sent in zip(values, column, strict=True):
            assert type(got) is type(sent)
            assert got == sent or (got != got and sent != sent)  # NaN is NaN


@pytest.mark.parametrize("dtype", ["str", "string", object])
def test_string_columns_keep_their_dtype_and_missing_values(dtype: Any) -> None:
    values = ["a", None, "b", "a"] * (CHUNK_ROWS // 2)
    frame = pd.DataFrame({"s": pd.Series(values, dtype=dtype)})
    back = _across({"f": frame})["f"]
    pd.testing.assert_frame_equal(back, frame)
    assert back["s"].dtype == frame["s"].dtype
