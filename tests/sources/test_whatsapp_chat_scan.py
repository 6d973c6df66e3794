"""The vectorised header scan gives exactly what the header regex gives, or gives up.

Every chat here is parsed twice, with the scan (``vectorised=True``, the default) and with
the regex alone, and the two results must be equal in every column and field: on every
header variant of the generator, on the real samples, and on hypothesis-made chats built
around one header layout with the variations that could trip a template (digit widths,
AM/PM, bidi marks, author separators, header-like continuation lines, odd bytes).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat import scan as sc
from privacy_audit.sources.whatsapp.chat.parse import NotAChat, _normalise, parse_chat
from tests.sources.test_whatsapp_chat import VARIANTS
from tests.sources.whatsapp_builders import make_chat

_FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "whatsapp"


def _scanned(data: bytes) -> bool:
    """True when the scan reads ``data`` (it did not give up)."""
    raw, end = _normalise(data)
    shape = pat.pick_shape(raw, end)
    return shape is not None and sc.scan(raw, shape, pat.narrowed(raw, shape)[0]) is not None


def _same(data: bytes, chat_name: str | None = None) -> bool:
    """Parse ``data`` both ways, assert the results are equal; True when the scan read it."""
    try:
        fast = parse_chat(data, chat_name=chat_name, with_text=True)
    except NotAChat:
        with pytest.raises(NotAChat):
            parse_chat(data, chat_name=chat_name, with_text=True, vectorised=False)
        return False
    slow = parse_chat(data, chat_name=chat_name, with_text=True, vectorised=False)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    for name in (
        "platform",
        "date_order",
        "clock",
        "ambiguous_order",
        "rejected_headers",
        "is_group",
        "business",
        "group_numbers",
    ):
        assert getattr(fast, name) == getattr(slow, name), name
    return _scanned(data)


@pytest.mark.parametrize("name", sorted(VARIANTS))
@pytest.mark.parametrize("rates", [None, {"multiline": 0.3, "injection": 0.3}])
def test_every_variant_is_scanned_exactly(name: str, rates: dict[str, float] | None) -> None:
    chat = make_chat(600, seed=len(name), rates=rates, **VARIANTS[name])  # type: ignore[arg-type]
    data = chat.text.encode() if isinstance(chat.text, str) else chat.text
    assert _same(data, chat.name), "the scan gave up on a plain export"


def test_real_samples_are_scanned_exactly() -> None:
    paths = sorted(REAL.rglob("*.txt"))
    assert len(paths) > 40
    scanned = sum(_same(path.read_bytes()) for path in paths)
    assert scanned > 40  # legacy and spaced layouts (a few) are read by the regex


_num = st.sampled_from(["1", "01", "12", "2024", "123", "00012", "0"])


@st.composite
def _chats(draw: st.DrawFn) -> bytes:
    """Lines around one header layout, some with another width, mark or separator."""
    bracket = draw(st.booleans())
    sep = draw(st.sampled_from(["/", ".", "-"]))
    comma = draw(st.sampled_from([", ", " ", ","]))
    ampm = draw(st.sampled_from(["", " AM", "\u202fpm", " a.m.", " p. m."]))
    seconds = draw(st.booleans())

    def header(day: str, month: str, year: str, hour: str, marker: str) -> str:
        stamp = f"{day}{sep}{month}{sep}{year}{comma}{hour}:05{':09' if seconds else ''}{marker}"
        return f"[{stamp}] " if bracket else f"{stamp} - "

    base = header("12", "03", "24", "10", ampm)
    lines = [base + "Anna: hello"]
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.integers(0, 5))
        if kind <= 2:  # a header, maybe with other widths, AM/PM, marks
            day, month, year = draw(_num), draw(_num), draw(_num)
            marker = ampm.replace("A", "P").replace("a", "p") if draw(st.booleans()) else ampm
            mark = draw(st.sampled_from(["", "", "\u200e", "\u200e\u200e", "\u202a"]))
            author = draw(
                st.sampled_from(
                    ["Anna: ", "Bo:", "Bo:.", "Bo:\u00a0x", "Bo:x", ": x", "a: b: c", "",
                     "+39 333 123 4567: ", "Anna:: x", "\u200eBo: x"]
                )
            )  # fmt: skip
            body = draw(st.sampled_from(["ciao", "", ".", "<Media omessi>", "x (file allegato)"]))
            lines.append(mark + header(day, month, year, draw(_num), marker) + author + body)
        elif kind == 3:  # a continuation line that starts like a header
            lines.append(draw(st.sampled_from(["12/03 at noon", "[1", "10:05 - x", "2024"])))
        elif kind == 4:
            lines.append(draw(st.text(max_size=20)))
        else:
            lines.append("")
    text = "\n".join(lines).encode()
    return text + draw(st.sampled_from([b"", b"\n", b"\n\n", b"\xff", b"\x00x"]))


@_FAST
@given(_chats())
def test_scan_is_the_regex_on_made_up_chats(data: bytes) -> None:
    _same(data)


def test_made_up_chats_are_mostly_scanned() -> None:
    """The property above exercises the scan itself, not only its giving up."""
    data = "\n".join(
        [f"{d}/3/24, {h}:05 PM - Anna: x" for d in range(1, 29) for h in (1, 11)]
        + ["\u200e[not a header", "12/03 at noon"]
    ).encode()
    assert _same(data)


def test_scan_gives_up_when_the_regex_sees_a_header_the_template_does_not() -> None:
    head = [f"{d:02d}/03/24, 10:{d:02d} - Anna: x" for d in range(1, 28)]
    data = "\n".join([*head, "28/03/24, 10:00:30 - Bea: with seconds"]).encode()
    assert not _scanned(data)
    assert _same(data) is False
    assert parse_chat(data).messages == 28


def test_control_giving_up_is_what_keeps_that_header(monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: without the regex's look at the other lines, the scan loses the header."""
    head = [f"{d:02d}/03/24, 10:{d:02d} - Anna: x" for d in range(1, 28)]
    data = "\n".join([*head, "28/03/24, 10:00:30 - Bea: with seconds"]).encode()
    monkeypatch.setattr(sc, "_regex_finds_more", lambda *args: False)
    assert parse_chat(data).messages == 27


def test_control_a_template_wider_than_the_regex_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Control: a scan that took a line the regex does not (a year of no digits) differs."""
    data = b"12/03/24, 10:05 - Anna: x\n12/03/, 10:05 - Bo: not a header\n"
    assert _same(data)
    monkeypatch.setattr(sc, "_DATE_WIDTHS", ((1, 4), (1, 2), (0, 4)))
    with pytest.raises(AssertionError):
        _same(data)
