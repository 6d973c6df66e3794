"""Fuzzing: any chat text or report content gives a result or our clean error, nothing else."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from privacy_audit.errors import InputError
from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.whatsapp.chat.parse import KINDS, NotAChat, parse_chat

_FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_num = st.integers(min_value=0, max_value=3000).map(str)
_sep = st.sampled_from(["/", ".", "-", "/ ", ""])
_marks = st.sampled_from(["", "\u200e", "\ufeff", "\u202a", "\u200e\u200e", "\u202f"])
_ampm = st.sampled_from(["", " AM", " pm", "\u202fPM", " p.\u00a0m.", " a. m.", "AM"])
_header = st.builds(
    lambda m, a, s1, b, s2, c, h, mi, ap, br, name, body: (
        f"{m}{'[' if br else ''}{a}{s1}{b}{s2}{c}, {h}:{mi}{ap}{'] ' if br else ' - '}"
        f"{name}{body}"
    ),
    _marks, _num, _sep, _num, _sep, _num,
    st.integers(0, 30).map(str), st.integers(0, 70).map(lambda v: f"{v:02d}"), _ampm,
    st.booleans(), st.sampled_from(["", "Anna: ", "+39 333 123 4567: ", "Bo:", "a: b: "]),
    st.text(max_size=30),
)  # fmt: skip
_lines = st.lists(st.one_of(_header, st.text(max_size=40)), max_size=30)


@_FAST
@given(_lines)
def test_chat_parser_never_fails_unexpectedly(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        parsed = parse_chat(text)
    except NotAChat:
        return
    frame = parsed.frame
    assert len(frame) == parsed.messages <= len(lines)
    assert set(frame["kind"]) <= set(KINDS)
    assert parsed.date_order in ("dmy", "mdy", "ymd")
    assert frame["timestamp"].notna().all()
    stats = parsed.stats()
    assert sum(stats["by_kind"].values()) == stats["messages"]


@_FAST
@given(st.binary(max_size=400))
def test_chat_parser_on_raw_bytes(data: bytes) -> None:
    try:
        parse_chat(b"01/02/2024, 10:00 - A: x\n" + data)
    except NotAChat:  # pragma: no cover - the first line is always a header
        raise AssertionError("a valid first header was not found") from None


def _load(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in files.items():
                zf.writestr(name, data)
        try:
            evidence = load_evidence([path])
        except InputError:
            return
        assert evidence.sources


@_FAST
@given(_lines)
def test_chat_import_gives_evidence_or_input_error(lines: list[str]) -> None:
    _load({"WhatsApp Chat with X.txt": "\n".join(lines).encode("utf-8", "surrogatepass")})


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["+39 333 123 4567", "203.0.113.9", "My contacts", "Everyone"]),
    lambda kids: st.lists(kids, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            ["label", "value", "timestamp_value", "vec", "dict", "label_values", "wa_contacts",
             "wa_groups", "device_model", "app_version", "device_id", "subject", "participants",
             "last_seen", "blocked_contacts", "Phone number", "registration_timestamp", "x"]
        ),
        kids,
        max_size=5,
    ),
    max_leaves=25,
)  # fmt: skip
_STEMS = [
    "whatsapp_account_information/user_information",
    "whatsapp_account_information/registration_information",
    "whatsapp_connections/contacts",
    "whatsapp_connections/groups",
    "whatsapp_settings/account_settings",
]


@_FAST
@given(st.dictionaries(st.sampled_from(_STEMS), _json, min_size=1))
@example(  # a registration time in milliseconds past the year 9999
    docs={
        "whatsapp_account_information/user_information": {
            "label": None,
            "value": None,
            "registration_timestamp": 253402300800000.0,
        }
    }
)
def test_report_reader_on_any_json(docs: dict[str, Any]) -> None:
    _load({f"{stem}.json": orjson.dumps(doc) for stem, doc in docs.items()})


@_FAST
@given(
    st.sampled_from([*_STEMS, "access", "portability"]),
    st.sampled_from([".json", ".html"]),
    st.binary(max_size=300) | st.text(max_size=300).map(lambda t: f"<table><tr><td>{t}".encode()),
)
def test_report_reader_on_any_bytes(stem: str, suffix: str, data: bytes) -> None:
    _load({f"{stem}{suffix}": data})
