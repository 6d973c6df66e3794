"""The installed Qt binding keeps None's reference count.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method that
returns nothing (``QLabel.setText``, ``QWidget.update``, ``QTimer.start``,
``QCoreApplication.processEvents``...). Before Python 3.12 None is not immortal, so a
session that makes a few tens of thousands of such calls ends in "Fatal Python error:
none_dealloc: deallocating None" (seen here: the window left idle under a loop of
``processEvents`` aborts within two seconds, and one benchmark process died that way).
pyproject.toml keeps those releases out on Python 3.11; this test proves that the binding
installed does not leak, and its control plants the same leak and shows it is caught.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

CALLS = 300


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]


def none_references_lost(call: Callable[[], object], times: int = CALLS) -> int:
    """How many references to None ``times`` calls of ``call`` lose (negative: gained).

    What was lost is given back, so that a leaking binding cannot abort the test run.
    """
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    lost = before - sys.getrefcount(None)
    for _ in range(lost):
        _incref(None)
    return lost


def leaks_none(call: Callable[[], object], times: int = CALLS) -> bool:
    """True when ``call`` loses a reference to None on most of ``times`` calls."""
    return none_references_lost(call, times) > times // 2


class _Emitter(QObject):
    changed = Signal(int)


def _void_calls(qtbot) -> dict[str, Callable[[], object]]:
    label = QLabel()
    widget = QWidget()
    bar = QProgressBar()
    timer = QTimer()
    emitter = _Emitter()
    received: list[int] = []
    emitter.changed.connect(received.append)
    for owned in (label, widget, bar):
        qtbot.addWidget(owned)
    return {
        "QLabel.setText": lambda: label.setText("x"),
        "QWidget.update": widget.update,
        "QProgressBar.setValue": lambda: bar.setValue(3),
        "QTimer.start/stop": lambda: (timer.start(1000), timer.stop()),
        "QCoreApplication.processEvents": QCoreApplication.processEvents,
        "Signal.emit": lambda: emitter.changed.emit(1),
    }


IMMORTAL_NONE = sys.version_info >= (3, 12)


@pytest.mark.skipif(IMMORTAL_NONE, reason="None is immortal from Python 3.12: nothing is lost")
def test_methods_returning_nothing_keep_nones_reference_count(qtbot) -> None:
    leaking = [name for name, call in _void_calls(qtbot).items() if leaks_none(call)]
    assert leaking == [], f"the Qt binding loses a reference to None in {leaking}"


@pytest.mark.skipif(IMMORTAL_NONE, reason="None is immortal from Python 3.12: nothing to plant")
def test_control_a_planted_lost_reference_is_caught() -> None:
    decref = ctypes.pythonapi.Py_DecRef
    decref.argtypes = [ctypes.py_object]
    before = sys.getrefcount(None)
    assert leaks_none(lambda: decref(None))
    assert abs(sys.getrefcount(None) - before) < 10  # what the planted leak took was given back
    assert not leaks_none(lambda: None)
