"""The messages table built column by column equals the per-message rules; the row cap;
the counts of a summary (``MessageCounts``) equal the columns' counts and newest time."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.meta import message_counts
from privacy_audit.sources.meta.message_columns import MessageColumns, clean_name
from privacy_audit.sources.meta.message_counts import MessageCounts
from privacy_audit.sources.meta.messages import message_kind
from privacy_audit.sources.meta.reader import millis

INBOX = "your_facebook_activity/messages/inbox"

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**16), 10**16),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)
names = st.one_of(st.sampled_from(["Anna", "Bruno", "  Ãˆ ", "Ã¨lla", ""]), values)
KEYS = [
    "content", "text", "share", "photos", "videos", "audio_files", "files", "gifs", "sticker",
    "media", "type", "call_duration", "is_unsent", "isUnsent", "timestamp", "timestamp_ms",
]  # fmt: skip
type_values = st.sampled_from(["Generic", "Call", "MEDIA", "subscribe", "Share", "system", ""])
messages = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            **{key: values for key in KEYS},
            "type": st.one_of(type_values, values),
            "timestamp_ms": st.one_of(st.integers(0, 5 * 10**15), values),
            "sender_name": names,
            "senderName": names,
        },
    ),
    max_size=25,
)


def reference(threads: list[tuple[str | None, bool, str, list[dict[str, Any]]]]) -> pd.DataFrame:
    """The rows the per-message rules give (the reader's former path)."""
    rows = []
    for chat, group, file, msgs in threads:
        for m in msgs:
            sender = m.get("sender_name") or m.get("senderName")
            rows.append(
                {
                    "chat": chat,
                    "is_group": group,
                    "sender": clean_name(sender) if isinstance(sender, str) else None,
                    "seconds": millis(m.get("timestamp_ms") or m.get("timestamp")),
                    "kind": message_kind(m),
                    "source_file": file,
                }
            )
    return pd.DataFrame(
        rows, columns=["chat", "is_group", "sender", "seconds", "kind", "source_file"]
    )


class Sink:
    """What ``flush`` writes into: the frames made at once, the rows counted."""

    def __init__(self) -> None:
        self.frames: list[pd.DataFrame] = []
        self.counted = 0

    def add_frame_later(self, table: str, n: int, make: Any) -> None:
        self.frames.append(make())
        assert table == "messages" and len(self.frames[-1]) == n

    def count(self, table: str, n: int) -> None:
        assert table == "messages"
        self.counted += n


def built(threads: list[tuple[str | None, bool, str, list[dict[str, Any]]]]) -> pd.DataFrame:
    columns = MessageColumns()
    for chat, group, file, msgs in threads:
        columns.add_json_thread(chat, group, file, msgs)
    sink = Sink()
    columns.flush(sink)
    return sink.frames[0] if sink.frames else pd.DataFrame()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", None]), st.booleans(), messages), max_size=6))
def test_columns_equal_the_per_message_rules(threads: list[Any]) -> None:
    threads = [
        (chat, group, f"t{i}/message_1.json", msgs) for i, (chat, group, msgs) in enumerate(threads)
    ]
    expected = reference(threads)
    frame = built(threads)
    if expected.empty:
        assert frame.empty
        return
    assert frame["kind"].tolist() == expected["kind"].tolist()
    assert frame["sender"].tolist() == expected["sender"].tolist()
    assert frame["chat"].tolist() == expected["chat"].tolist()
    assert frame["is_group"].tolist() == expected["is_group"].tolist()
    assert frame["source_file"].tolist() == expected["source_file"].tolist()
    stamps = pd.to_datetime(
        pd.array([s if s is not None else pd.NA for s in expected["seconds"]], dtype="Float64"),
        unit="s",
        utc=True,
        errors="coerce",
    )
    assert frame["timestamp"].tolist() == list(stamps)


def test_decided_threads_keep_their_kinds_and_times() -> None:
    columns = MessageColumns()
    columns.add_json_thread("A", False, "a.json", [{"sender_name": "Anna", "timestamp_ms": 2000}])
    columns.add_decided_thread(
        "B", True, "b.html", ["Bruno", None], [-5.0, None], ["media", "deleted"]
    )
    sink = Sink()
    newest = columns.flush(sink)
    frame = sink.frames[0]
    assert frame["kind"].tolist() == ["system", "media", "deleted"]
    assert frame["sender"].tolist()[:2] == ["Anna", "Bruno"] and pd.isna(frame["sender"][2])
    assert frame["timestamp"].iloc[1] == pd.Timestamp(-5.0, unit="s", tz="UTC")
    assert pd.isna(frame["timestamp"].iloc[2]) and newest == 2.0


def thread_zip(folder: Path, threads: int, per_thread: int) -> Path:
    path = folder / "facebook-someone-2024-01-01.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for t in range(threads):
            msgs = [
                {"sender_name": f"P{t}", "timestamp_ms": 1_600_000_000_000 + i, "content": "x"}
                for i in range(per_thread)
            ]
            doc = {"participants": [{"name": f"P{t}"}, {"name": "Me"}], "messages": msgs}
            archive.writestr(f"{INBOX}/p_{t}/message_1.json", orjson.dumps(doc))
    return path


def test_many_small_threads_make_one_table(tmp_path: Path) -> None:
    evidence = load_evidence([thread_zip(tmp_path, 3000, 1)])
    messages = evidence.messages
    assert len(messages) == 3000
    assert messages["source_file"].nunique() == 3000
    assert set(messages["sender"]) == {f"P{t}" for t in range(3000)}
    (source,) = evidence.sources
    assert len([f for f in source.files_recognized if f.endswith("message_1.json")]) == 3000
    assert not source.warnings


def test_messages_over_the_cap_are_counted_in_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_counts, "MAX_MESSAGES", 25)
    evidence = load_evidence([thread_zip(tmp_path, 4, 10)])
    assert len(evidence.messages) == 25
    (source,) = evidence.sources
    assert source.tables["messages"] == 25
    assert any(
        "Only the first 25 messages were read; 15 more messages in 2 conversation files" in w
        for w in source.warnings
    ), source.warnings


def test_control_no_warning_under_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(message_counts, "MAX_MESSAGES", 40)
    evidence = load_evidence([thread_zip(tmp_path, 4, 10)])
    assert len(evidence.messages) == 40 and not evidence.sources[0].warnings


seconds = st.lists(
    st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-(10**12), 10**12)), max_size=8
)
#: a thread: JSON messages, or an HTML thread (times in seconds, kinds decided)
threads_st = st.lists(
    st.one_of(
        st.tuples(st.just("json"), messages),
        st.tuples(st.just("html"), seconds),
    ),
    max_size=6,
)


def _fill(target: MessageCounts, threads: list[Any]) -> tuple[int, int, int, float, int]:
    for i, (form, items) in enumerate(threads):
        fits = target.room(len(items))
        if form == "json":
            target.add_json_thread("A", False, f"t{i}.json", items[:fits])
        else:
            kinds = ["text"] * fits
            target.add_decided_thread("B", True, f"t{i}.html", [None] * fits, items[:fits], kinds)
    sink = Sink()
    newest = target.flush(sink)
    rows = sink.counted + sum(len(f) for f in sink.frames)
    return target.total, target.left_out, target.left_out_files, newest, rows


@settings(max_examples=300, deadline=None)
@given(threads_st, st.integers(0, 60))
def test_counts_equal_the_columns(threads: list[Any], cap: int) -> None:
    """A summary counts what the columns hold: rows, the cap, the newest time."""
    counted = _fill(MessageCounts(cap), threads)
    columns = _fill(MessageColumns(cap), threads)
    assert counted == columns
    assert counted[4] == counted[0]  # every row counted is on the sink


def test_control_counts_that_keep_a_time_out_of_range_are_caught() -> None:
    """Planted fault: a count that keeps milliseconds past the year 2100."""

    class Faulty(MessageCounts):
        def add_json_thread(self, chat: Any, group: bool, file: str, messages: Any) -> None:
            self.total += len(messages)
            times = [m.get("timestamp_ms") for m in messages]
            self._note(max(t for t in times if isinstance(t, int)) / 1000.0)

    threads = [("json", [{"timestamp_ms": 5 * 10**12}, {"timestamp_ms": 1_600_000_000_000}])]
    assert _fill(Faulty(), threads) != _fill(MessageColumns(), threads)
    assert _fill(MessageCounts(), threads) == _fill(MessageColumns(), threads)
