"""Tasks: results, errors and cancellation come back as signals on the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QRunnable, QThreadPool

from privacy_audit.errors import Cancelled, InputError
from privacy_audit.gui.worker import SyncExecutor, Task, ThreadExecutor
from privacy_audit.i18n import translator


def test_sync_executor_runs_inline_and_reports_progress(qtbot) -> None:
    seen: list[tuple[float, str]] = []
    task = Task(lambda progress, cancel: (progress(1.0, "done.json"), 42)[1], translator("en"))
    task.signals.progress.connect(lambda f, label: seen.append((f, label)))
    with qtbot.waitSignal(task.signals.finished, timeout=1000) as blocker:
        SyncExecutor().start(task)
    assert blocker.args == [42]
    assert seen == [(1.0, "done.json")]


def test_thread_executor_delivers_on_the_gui_thread(qtbot) -> None:
    gui = threading.get_ident()
    where: dict[str, int] = {}

    def job(progress, cancel):
        where["job"] = threading.get_ident()
        return "ok"

    task = Task(job, translator("en"))
    task.signals.finished.connect(lambda _r: where.setdefault("slot", threading.get_ident()))
    executor = ThreadExecutor()
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        executor.start(task)
    assert executor.wait(2000)
    assert where["job"] != gui
    assert where["slot"] == gui


@pytest.mark.parametrize(
    ("error", "signal", "expected"),
    [
        (
            InputError("Bad zip.", "x.zip", hint="Download it again."),
            "failed",
            ["x.zip: Zip danneggiato. Download it again."],
        ),
        (Cancelled(), "cancelled", []),
    ],
)
def test_errors_become_signals(qtbot, error, signal, expected, monkeypatch) -> None:
    tr = translator("it")
    monkeypatch.setitem(tr._messages, "Bad zip.", "Zip danneggiato.")

    def job(progress, cancel):
        raise error

    task = Task(job, tr)
    with qtbot.waitSignal(getattr(task.signals, signal), timeout=1000) as blocker:
        SyncExecutor().start(task)
    assert blocker.args == expected


def test_unexpected_error_gives_a_message_not_a_crash(qtbot) -> None:
    task = Task(lambda p, c: 1 / 0, translator("en"))
    with qtbot.waitSignal(task.signals.failed, timeout=1000) as blocker:
        SyncExecutor().start(task)
    assert "Something went wrong" in blocker.args[0]
    assert "ZeroDivision" not in blocker.args[0]


def test_cancel_stops_at_the_next_progress_report(qtbot) -> None:
    calls = []

    def job(progress, cancel):
        for i in range(1000):
            calls.append(i)
            if i == 3:
                task.cancel()
            progress(i / 1000, "f")  # raises Cancelled once cancelled
        return "finished"

    task = Task(job, translator("en"))
    with qtbot.waitSignal(task.signals.cancelled, timeout=1000):
        with qtbot.assertNotEmitted(task.signals.finished):
            SyncExecutor().start(task)
    assert calls == [0, 1, 2, 3]


@pytest.mark.parametrize("outcome", ["finished", "failed", "cancelled"])
def test_no_garbage_collection_on_a_pool_thread(qtbot, outcome: str) -> None:
    """While a task runs the cyclic GC is off (so it never runs on the pool thread and
    never finalises a GUI object there); it is on again, on the GUI thread, after the
    task's last signal, whichever way the task ended."""
    import gc

    assert gc.isenabled()
    during: dict[str, object] = {}

    def job(progress, cancel):
        during["gc"] = gc.isenabled()
        during["thread"] = threading.get_ident()
        if outcome == "failed":
            raise InputError("broken")
        if outcome == "cancelled":
            raise Cancelled()
        return "ok"

    task = Task(job, translator("en"))
    released_on: list[int] = []
    executor = ThreadExecutor()
    getattr(task.signals, outcome).connect(lambda *_a: released_on.append(threading.get_ident()))
    with qtbot.waitSignal(getattr(task.signals, outcome), timeout=5000):
        executor.start(task)
    assert executor.wait(2000)
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    assert during["gc"] is False
    assert during["thread"] != threading.get_ident()
    assert released_on == [threading.get_ident()]


def test_control_gc_stays_on_without_the_hold(qtbot, monkeypatch) -> None:
    """Control: without the hold, the job sees the collector on (what the test above
    would catch if the executor stopped holding it)."""
    import gc

    from privacy_audit.gui import worker

    monkeypatch.setattr(worker.GuiThreadCollection, "hold", lambda self: None)
    seen: dict[str, bool] = {}

    def job(progress, cancel):
        seen["gc"] = gc.isenabled()
        return "ok"

    task = Task(job, translator("en"))
    executor = ThreadExecutor()
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        executor.start(task)
    assert executor.wait(2000)
    assert seen["gc"] is True
    assert gc.isenabled()


def test_gc_back_on_after_a_task_started_before_it_was_turned_on(qtbot) -> None:
    """The collector goes back on in an event-loop turn of its own after a task; a task
    started before that turn keeps it off, and it is on again after that task too."""
    import gc

    from privacy_audit.gui.worker import GuiThreadCollection

    assert gc.isenabled()
    collection = GuiThreadCollection()
    collection.hold()
    collection.release()
    assert not gc.isenabled() and collection.holding  # not yet: the next turn
    collection.hold()  # a new task before that turn
    qtbot.wait(20)
    assert not gc.isenabled()
    collection.release()
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    assert not collection.holding


def test_control_gc_stays_off_without_the_release(qtbot) -> None:
    """Control: a hold without its release leaves the collector off (what the test
    above would catch if a second hold lost the first one's state)."""
    import gc

    from privacy_audit.gui.worker import GuiThreadCollection

    collection = GuiThreadCollection()
    collection.hold()
    try:
        qtbot.wait(20)
        assert not gc.isenabled()
    finally:
        collection.release()
    qtbot.waitUntil(gc.isenabled, timeout=2000)


class _Payload:
    """Stands for what a job's closure holds: a whole audit result."""


def _run_on_pool(qtbot, start) -> tuple[weakref.ref, weakref.ref]:
    """Weak references to a finished task and to what its job held."""
    payload = _Payload()
    task = Task(lambda progress, cancel: (payload, "ok")[1], translator("en"))
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        start(task)
    return weakref.ref(task), weakref.ref(payload)


def test_the_pool_lets_go_of_a_finished_task(qtbot) -> None:
    executor = ThreadExecutor()
    task, payload = _run_on_pool(qtbot, executor.start)
    assert executor.wait(2000)
    executor._running.clear()  # as its next start does with finished tasks
    gc.collect()
    assert task() is None
    assert payload() is None


def test_control_a_qrunnable_given_to_the_pool_is_never_freed(qtbot) -> None:
    """How tasks were started before (a QRunnable, auto-delete off): the same check sees
    the task kept for good, and with it everything its job held."""

    class Runnable(QRunnable):
        def __init__(self, task: Task) -> None:
            super().__init__()
            self.setAutoDelete(False)
            self.task = task

        def run(self) -> None:
            self.task.run()

    pool = QThreadPool()
    task, _payload = _run_on_pool(qtbot, lambda task: pool.start(Runnable(task)))
    assert pool.waitForDone(2000)
    gc.collect()
    assert task() is not None


def test_a_task_kept_after_it_ran_lets_go_of_its_job(qtbot) -> None:
    """The window keeps its last task; not the result its job's closure held."""

    def ran() -> tuple[Task, weakref.ref]:
        payload = _Payload()
        task = Task(lambda progress, cancel: (payload, "ok")[1], translator("en"))
        SyncExecutor().start(task)
        return task, weakref.ref(payload)

    task, held = ran()
    gc.collect()
    assert held() is None
    with qtbot.waitSignal(task.signals.failed, timeout=1000):
        task.run()  # a task runs once
