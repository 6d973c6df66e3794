"""The chat parser's column shortcuts give exactly what the plain per-message code gives.

Each shortcut (date order from counts, dict factorisation, texts decoded in one piece,
system lines read once per distinct line) is compared with a straightforward reference
written here the slow way, on generated and hypothesis-made input.
"""

from __future__ import annotations

import gc
import itertools
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.phones import phones_in_text
from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat import vector as vec
from privacy_audit.sources.whatsapp.chat.parse import parse_chat
from tests.sources.whatsapp_builders import make_chat

_FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reference_order(triples: list[pat.Triple], twelve: bool, padded: bool) -> pat.DateOrder:
    """decide_order as one pass over the dates in order (the rules of its docstring)."""
    if not triples:
        return pat.DateOrder("dmy", True)
    if sum(1 for t in triples if t[3] or t[0] > 31) * 2 > len(triples):
        return pat.DateOrder("ymd", False)
    firsts = sum(1 for t in triples if 12 < t[0] <= 31)
    seconds = sum(1 for t in triples if 12 < t[1] <= 31)
    if firsts or seconds:
        return pat.DateOrder("dmy" if firsts >= seconds else "mdy", False)
    first_changes = second_changes = 0
    for prev, cur in itertools.pairwise(triples):
        if prev[2] != cur[2]:
            continue
        if prev[0] != cur[0] and prev[1] == cur[1]:
            first_changes += 1
        elif prev[1] != cur[1] and prev[0] == cur[0]:
            second_changes += 1
    if first_changes >= 2 * second_changes + 3:
        return pat.DateOrder("dmy", False)
    if second_changes >= 2 * first_changes + 3:
        return pat.DateOrder("mdy", False)
    keys = {
        "dmy": [(t[2], t[1], t[0]) for t in triples],
        "mdy": [(t[2], t[0], t[1]) for t in triples],
    }
    back = {o: sum(1 for p, c in itertools.pairwise(k) if c < p) for o, k in keys.items()}
    if back["dmy"] != back["mdy"]:
        return pat.DateOrder(min(back, key=back.__getitem__), False)
    default = "mdy" if twelve and triples[0][4] == "/" and not padded else "dmy"
    return pat.DateOrder(default, True)


_triple = st.builds(
    lambda a, b, c, sep: (a, b, c, a >= 1000, sep),
    st.integers(0, 40) | st.integers(1990, 2030),
    st.integers(0, 14),
    st.integers(0, 40),
    st.sampled_from(["/", ".", "-"]),
)


@_FAST
@given(st.lists(_triple, max_size=60), st.booleans(), st.booleans())
def test_date_order_from_counts_is_the_one_pass_order(
    triples: list[pat.Triple], twelve: bool, padded: bool
) -> None:
    assert pat.decide_order(triples, twelve, padded) == _reference_order(triples, twelve, padded)


def test_date_order_from_counts_control() -> None:
    """Control: the reference is not trivially equal (orders do differ between inputs)."""
    days = [(d, 3, 24, False, "/") for d in range(1, 13)]
    months = [(3, m, 24, False, "/") for m in range(1, 13)]
    assert pat.decide_order(days, False).order == _reference_order(days, False, False).order
    assert pat.decide_order(days, False).order == "dmy"
    assert pat.decide_order(months, False).order == "mdy"


@_FAST
@given(st.lists(st.sampled_from([b"a", b"b", b"", None, b"\xff", b"a\x00"]), max_size=50))
def test_factorize_is_pandas_factorize(values: list[bytes | None]) -> None:
    codes, uniques = vec.factorize(values)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    expected_codes, expected = pd.factorize(array, sort=False, use_na_sentinel=False)
    assert codes.tolist() == expected_codes.tolist()
    assert uniques == [u if isinstance(u, bytes) else None for u in expected]


@_FAST
@given(st.lists(st.integers(0, 5), max_size=40))
def test_sequence_counts(sequence: list[int]) -> None:
    singles, pairs = vec.sequence_counts(np.array(sequence, dtype=np.intp))
    assert singles == {k: sequence.count(k) for k in set(sequence)}
    expected: dict[tuple[int, int], int] = {}
    for pair in itertools.pairwise(sequence):
        expected[pair] = expected.get(pair, 0) + 1
    assert pairs == expected


def _reference_texts(text: bytes) -> list[str]:
    """Every message's text, one regex match at a time (body start to the next header)."""
    raw = b"\n" + text.replace(b"\r\n", b"\n")
    regex = pat.SHAPES[pat.pick_shape(raw) or "android"]
    heads = [m.start(4) for m in regex.finditer(raw)]
    starts = [*[m.start() for m in regex.finditer(raw)][1:], len(raw)]
    return [
        raw[body:end].rstrip(b"\n").decode("utf-8", "replace")
        for body, end in zip(heads, starts, strict=True)
    ]


_body = st.sampled_from(
    [b"ciao", b"", b".", b"a\x00b", b"caf\xc3", b"\xe2\x80\x8eimage omitted", b"\xf0\x9f\x98\x80"]
)
_rest = st.sampled_from([b"", b"\nsecond line", b"\n\n", b"\nx\xff\n\n", b"\n  ", b"\n\x00"])


@_FAST
@given(st.lists(st.tuples(st.sampled_from([b"Anna: ", b"Bo: ", b""]), _body, _rest), min_size=1))
def test_texts_are_each_message_decoded_alone(messages: list[tuple[bytes, bytes, bytes]]) -> None:
    lines = [
        b"01/02/2024, 10:%02d - " % (i % 60) + author + body + rest
        for i, (author, body, rest) in enumerate(messages)
    ]
    data = b"\n".join(lines) + b"\n"
    frame = parse_chat(data, with_text=True).frame
    assert frame["text"].tolist() == _reference_texts(data)


def test_texts_control_sees_a_different_text() -> None:
    """Control: the reference keeps continuation lines (a wrong split would differ)."""
    data = b"01/02/2024, 10:00 - Anna: one\ntwo\n01/02/2024, 10:01 - Bo: three\n"
    assert _reference_texts(data) == ["one\ntwo", "three"]
    assert parse_chat(data, with_text=True).frame["text"].tolist() == ["one\ntwo", "three"]


def test_group_numbers_in_order_of_first_appearance_with_repeated_lines() -> None:
    """System lines read once per distinct line give the numbers of reading every line."""
    chat = make_chat(3000, lang="it", seed=11)
    lines = chat.text.splitlines()
    added = [f"01/01/23, 08:00 - Giulia Rossi ha aggiunto +39 333 000 {k:04d}" for k in range(7)]
    # the same additions over and over, interleaved with new ones
    mixed = lines[:10] + [added[k % 7] for k in range(40)] + lines[10:]
    mixed.insert(len(mixed) // 2, "05/06/23, 09:00 - Giulia Rossi ha aggiunto +39 333 000 9999")
    text = "\n".join(mixed) + "\n"
    parsed = parse_chat(text)
    expected: list[str] = []
    for line in text.splitlines():
        match = re.match(r"\d\d/\d\d/\d\d, \d\d:\d\d - ([^:]*)$", line)
        if match and "+" in match.group(1):
            expected.extend(n for n in phones_in_text(match.group(1)) if n.startswith("+"))
    assert parsed.is_group
    assert parsed.group_numbers == list(dict.fromkeys(n.strip() for n in expected))
    assert "+39 333 000 9999" in parsed.group_numbers


def test_collector_paused_while_parsing_and_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_chat pauses the cyclic collector and restores it as it was."""
    seen: list[bool] = []
    decode = pat.decode_dates
    monkeypatch.setattr(
        pat, "decode_dates", lambda *a: (seen.append(gc.isenabled()), decode(*a))[1]
    )
    text = "01/02/2024, 10:00 - Anna: ciao\n"
    assert gc.isenabled()
    parse_chat(text)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        parse_chat(text)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
