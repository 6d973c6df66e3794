"""The import in a child process: same evidence, errors, Cancel and limits across it."""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import time
import zipfile
from functools import partial
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from privacy_audit.demo import bundled_persona_paths
from privacy_audit.errors import Cancelled, InputError
from privacy_audit.gui.child_transport import CHUNK_ROWS, ResultParts, send_result
from privacy_audit.gui.core import Core
from privacy_audit.gui.import_process import ChildLimits, ChildStopped, load_in_child
from privacy_audit.gui.worker import ThreadExecutor
from privacy_audit.model import Evidence
from privacy_audit.pipeline import load_evidence
from privacy_audit.progress import CancelToken

from . import child_loaders

pytestmark = pytest.mark.slow

#: address space the child may add once loaded, for the hostile export tests
SMALL_MEMORY = ChildLimits(memory_mb=128, seconds=120)


def loader(name: str) -> str:
    return f"{child_loaders.__name__}:{name}"


def hostile_export(folder: Path) -> Path:
    """A 1.8 MB Facebook zip whose one thread inflates to 34 MB of 700,000 messages:
    parsing it takes far more than 128 MB (and grows without bound with the file)."""
    people = [{"name": "Anna"}, {"name": "Bruno"}]
    messages = [
        {"sender_name": "Anna", "timestamp_ms": 1_600_000_000_000 + i} for i in range(700_000)
    ]
    document = orjson.dumps({"participants": people, "title": "Anna", "messages": messages})
    path = folder / "facebook-someone-2024-01-01.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("your_facebook_activity/messages/inbox/anna_1/message_1.json", document)
    return path


def no_child_left() -> bool:
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not multiprocessing.active_children()


def test_the_child_reads_the_same_evidence_as_the_app() -> None:
    paths = list(bundled_persona_paths("giulia"))
    seen: list[tuple[float, str]] = []
    ours = load_in_child(paths, lang="en", progress=lambda f, label: seen.append((f, label)))
    direct = load_evidence(paths, lang="en")
    assert ours.tables.keys() == direct.tables.keys()
    for name, table in direct.tables.items():
        pd.testing.assert_frame_equal(ours.tables[name], table)
    assert ours.sources == direct.sources and ours.region == direct.region
    assert seen and seen[-1][0] == 1.0, "progress crosses the process boundary"
    assert no_child_left()


def test_tables_cross_in_chunks_with_their_dtypes() -> None:
    n = CHUNK_ROWS * 2 + 17
    frame = pd.DataFrame(
        {
            "name": [f"p{i}" if i % 7 else None for i in range(n)],
            "when": pd.date_range("2020-01-01", periods=n, freq="min", tz="UTC"),
            "flag": [i % 2 == 0 for i in range(n)],
            "count": pd.array([i if i % 5 else None for i in range(n)], dtype="Int64"),
            "kind": pd.Categorical(["a", "b", "c"] * (n // 3) + ["a"] * (n % 3)),
            "text": pd.array([str(i) for i in range(n)], dtype="string"),
        }
    )
    evidence = Evidence(
        {"big": frame, "empty": frame.iloc[:0], "none": pd.DataFrame()}, [], region="IT"
    )
    sent: list[tuple[Any, ...]] = []
    send_result(lambda message: sent.append(pickle.loads(pickle.dumps(message))), evidence)
    assert sum(m[0] == "chunk" for m in sent) == 6 * 3 + 6 + 0
    parts = ResultParts()
    for message in sent[:-1]:
        parts.receive(message)
    assert sent[-1][0] == "result"
    again = parts.result(sent[-1][1])
    assert again.region == "IT" and again.tables.keys() == evidence.tables.keys()
    for name, table in evidence.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], table)


def test_bad_input_gives_the_readers_own_message(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list", encoding="utf-8")
    with pytest.raises(InputError) as direct:
        load_evidence([notes], lang="en")
    with pytest.raises(InputError) as crossed:
        load_in_child([notes], lang="en")
    assert not isinstance(crossed.value, ChildStopped)
    assert crossed.value.render() == direct.value.render()
    assert crossed.value.what == direct.value.what  # still translatable


def test_cancel_ends_the_child_quickly(tmp_path: Path) -> None:
    token = CancelToken()
    labels: list[str] = []

    def progress(fraction: float, label: str) -> None:
        labels.append(label)
        if len(labels) == 3:
            token.cancel()

    start = time.monotonic()
    with pytest.raises(Cancelled):
        load_in_child([tmp_path], lang="en", progress=progress, cancel=token, loader=loader("slow"))
    assert time.monotonic() - start < 30
    steps = [int(label.split()[1]) for label in labels]
    assert len(steps) >= 3 and steps == sorted(steps), "the child's own progress, in order"
    assert no_child_left()


def test_a_child_past_its_time_limit_is_ended(tmp_path: Path) -> None:
    limits = ChildLimits(memory_mb=None, seconds=2)
    with pytest.raises(ChildStopped, match="took longer than the 1 minutes"):
        load_in_child([tmp_path], lang="en", limits=limits, loader=loader("silent"))
    assert no_child_left()


@pytest.mark.parametrize("name", ["crash", "bug"])
def test_a_crashing_reader_ends_the_child_not_the_app(tmp_path: Path, name: str) -> None:
    with pytest.raises(ChildStopped, match="stopped unexpectedly"):
        load_in_child([tmp_path], lang="en", loader=loader(name))
    assert no_child_left()


def test_the_childs_log_records_reach_the_apps_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG), pytest.raises(ChildStopped):
        load_in_child([tmp_path], lang="en", loader=loader("bug"))
    records = [r for r in caplog.records if r.name == "privacy_audit.gui.import_process"]
    assert any("reading the export failed" in r.getMessage() for r in records)
    assert any(r.processName == "privacy-audit-import" for r in records)


def test_a_hostile_export_ends_the_child_at_its_memory_limit(tmp_path: Path) -> None:
    export = hostile_export(tmp_path)
    with pytest.raises(ChildStopped, match="more than the 128 MB of memory"):
        load_in_child([export], lang="en", limits=SMALL_MEMORY)
    assert no_child_left()


def test_control_the_hostile_export_reads_without_the_limit(tmp_path: Path) -> None:
    # the export itself is valid: only the limit ends the child above
    export = hostile_export(tmp_path)
    evidence = load_in_child([export], lang="en", limits=ChildLimits(memory_mb=None))
    assert len(evidence.messages) == 700_000


def test_the_window_survives_a_hostile_export(make_window, qtbot, tmp_path: Path) -> None:
    core = Core(load_evidence=partial(load_in_child, limits=SMALL_MEMORY))
    window = make_window(core=core, executor=ThreadExecutor())
    with qtbot.waitSignal(window.import_failed, timeout=120_000) as failed:
        window.open_paths([hostile_export(tmp_path)])
    assert "more than the 128 MB of memory" in failed.args[0]
    box = window.error_box
    assert box.isVisible() and "128 MB" in box.text()
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    assert no_child_left()
    # the app stays usable: the demo opens through the same child process path
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as finished:
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].findings


def test_the_window_shows_the_childs_progress_and_cancels_it(
    make_window, qtbot, tmp_path: Path
) -> None:
    core = Core(load_evidence=partial(load_in_child, loader=loader("slow")))
    window = make_window(core=core, executor=ThreadExecutor())
    window.open_paths([tmp_path])
    # the child's own progress reaches the import page
    qtbot.waitUntil(lambda: window.import_page.bar.value() > 0, timeout=60_000)
    assert multiprocessing.active_children(), "the import runs in a child process"
    with qtbot.waitSignal(window.import_cancelled, timeout=30_000):
        qtbot.mouseClick(window.import_page.cancel_button, Qt.MouseButton.LeftButton)
    assert no_child_left()
    assert window.stack.currentWidget() is window.start_page


@pytest.mark.parametrize("redact", [False, True])
def test_the_whole_import_in_the_child_gives_what_the_app_would(redact: bool) -> None:
    """Reading, audit, redaction, charts and display strings, run in the child, equal the
    same steps run here with the same core functions."""
    from privacy_audit.gui.prepared import prepare_here, prepare_in_child
    from privacy_audit.i18n import translator

    paths = list(bundled_persona_paths("giulia"))
    tr = translator("it")
    seen: list[float] = []
    ours = prepare_in_child(paths, tr, redact=redact, progress=lambda f, _l: seen.append(f))
    here = prepare_here(Core(load_evidence=load_evidence), paths, tr, redact=redact, progress=print)
    assert (ours.shown is ours.result) is not redact, "one object when nothing is redacted"
    for mine, theirs in ((ours.result, here.result), (ours.shown, here.shown)):
        assert mine.score == theirs.score and mine.lang == "it"
        assert [(f.id, f.title, f.summary, f.evidence) for f in mine.findings] == [
            (f.id, f.title, f.summary, f.evidence) for f in theirs.findings
        ]
        for f, g in zip(mine.findings, theirs.findings, strict=True):
            pd.testing.assert_frame_equal(f.all_rows(), g.all_rows())
        for name, table in theirs.evidence.tables.items():
            pd.testing.assert_frame_equal(mine.evidence.tables[name], table)
    assert ours.charts == here.charts and ours.charts
    assert ours.display.keys() == here.display.keys()
    for name, (columns, search) in here.display.items():
        assert [list(c) for c in ours.display[name][0]] == [list(c) for c in columns]
        mine = ours.display[name][1]
        assert mine.rows == search.rows and len(mine.columns) == len(search.columns)
        for a, b in zip(mine.columns, search.columns, strict=True):
            assert a.text == b.text and list(a.starts) == list(b.starts)
            assert (a.codes is None) == (b.codes is None)
            assert a.codes is None or list(a.codes) == list(b.codes)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    assert no_child_left()


def _own_strings(frame: pd.DataFrame, column: str, strings: Any) -> int:
    """How many display strings of ``column`` are the very str objects of the table."""
    values = frame[column].to_numpy(dtype=object)
    return sum(shown is value for shown, value in zip(strings, values, strict=True))


def test_text_columns_shown_share_the_received_strings() -> None:
    """The Data tab's strings of a text column are the received table's own str objects
    (built again in this process), not a second copy sent by the child; dates are sent."""
    from privacy_audit.gui.prepared import prepare_in_child, shares_strings
    from privacy_audit.gui.table_text import CodedStrings
    from privacy_audit.i18n import translator

    paths = list(bundled_persona_paths("giulia"))
    ours = prepare_in_child(paths, translator("en"), redact=False, progress=lambda f, _l: None)
    frame = ours.shown.evidence.tables["contacts"]
    columns, _search = ours.display["contacts"]
    name = list(frame.columns).index("name")
    assert shares_strings(frame["name"]) and not shares_strings(frame["created_at"])
    assert columns[list(frame.columns).index("created_at")].dtype.kind == "S"  # dates: sent
    files = columns[list(frame.columns).index("source_file")]  # a few files: a byte a row
    assert isinstance(files, CodedStrings) and len(files) == len(frame)
    assert _own_strings(frame, "source_file", files) == len(frame)
    named = int(frame["name"].notna().sum())
    assert named > 100  # every name shown is the table's own object ("" for no name)
    assert _own_strings(frame, "name", columns[name]) == named
    # control: the same strings sent across the pipe arrive as copies of their own
    sent: list[tuple[Any, ...]] = []
    send_result(lambda m: sent.append(pickle.loads(pickle.dumps(m))), (frame, columns[name]))
    parts = ResultParts()
    for message in sent[:-1]:
        parts.receive(message)
    back, copied = parts.result(sent[-1][1])
    assert list(copied) == list(columns[name])
    assert _own_strings(back, "name", copied) == 0


def test_series_arrays_and_shared_frames_cross_in_chunks() -> None:
    import numpy as np

    n = CHUNK_ROWS + 5
    frame = pd.DataFrame({"a": np.arange(n)}, index=pd.RangeIndex(10, 10 + n))
    series = pd.Series([f"s{i}" for i in range(n)], dtype=object, name="who")
    long_array = np.array([str(i) for i in range(n)], dtype=object)
    short_array = np.arange(3)
    sent: list[tuple[Any, ...]] = []
    thing = {
        "one": frame,
        "again": frame,
        "series": series,
        "long": long_array,
        "short": short_array,
    }
    send_result(lambda message: sent.append(pickle.loads(pickle.dumps(message))), thing)
    assert [m[0] for m in sent if m[0] != "chunk"] == ["frame", "series", "array", "result"]
    parts = ResultParts()
    for message in sent[:-1]:
        parts.receive(message)
    back = parts.result(sent[-1][1])
    assert back["one"] is back["again"]
    pd.testing.assert_frame_equal(back["one"], frame)
    pd.testing.assert_series_equal(back["series"], series)
    assert back["long"].dtype == object and list(back["long"]) == list(long_array)
    assert list(back["short"]) == [0, 1, 2]


def test_the_import_child_loads_no_html_parser_nor_report_templates() -> None:
    """JSON exports and the charts need neither lxml nor jinja2 (memory of the child)."""
    from privacy_audit.gui.import_process import run_in_child

    paths = list(bundled_persona_paths("giulia"))
    assert run_in_child(loader("heavy_modules_after_import"), paths, lang="en") == []


def test_control_an_html_page_loads_lxml_in_the_child(tmp_path: Path) -> None:
    from privacy_audit.gui.import_process import run_in_child

    report = next(p for p in bundled_persona_paths("giulia") if "account-report" in p.name)
    html_only = tmp_path / report.name
    with zipfile.ZipFile(report) as source, zipfile.ZipFile(html_only, "w") as target:
        for member in source.infolist():
            if member.filename.endswith(".html"):
                target.writestr(member, source.read(member))
    modules = run_in_child(loader("heavy_modules_after_import"), [html_only], lang="en")
    assert modules == ["lxml"]


def test_the_import_child_never_loads_qt() -> None:
    from privacy_audit.gui.import_process import run_in_child

    paths = list(bundled_persona_paths("giulia"))
    assert run_in_child(loader("qt_modules_after_import"), paths, lang="en") == []


_FREED = """
import sys
from privacy_audit.gui.import_process import give_back_freed_memory

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024

blocks = [bytes(1000) + bytes([i % 256]) for i in range(60_000)]  # ~60 MB of malloc
later = bytes(2000)  # allocated after them: freeing them cannot shrink the heap's top
high = rss_mb()
del blocks
freed = rss_mb()
if sys.argv[1] == "trim":
    give_back_freed_memory()
print(high, freed, rss_mb())
"""


def _glibc() -> bool:
    import ctypes

    try:
        return Path("/proc/self/status").exists() and hasattr(ctypes.CDLL(None), "malloc_trim")
    except OSError:
        return False


@pytest.mark.skipif(not _glibc(), reason="reads /proc; glibc's malloc_trim")
@pytest.mark.parametrize("trim", [True, False])
def test_the_child_gives_freed_memory_back_before_sending(trim: bool) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _FREED, "trim" if trim else "keep"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    high, freed, after = map(int, done.stdout.split())
    assert freed > high - 20  # freed, but still resident
    if trim:
        assert after < freed - 40
    else:  # control: without it the freed memory stays resident
        assert after > freed - 20
