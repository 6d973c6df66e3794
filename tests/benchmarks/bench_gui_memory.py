"""Peak memory of the desktop app importing a media-heavy export, the import child included.

The export is bench_import's Facebook + Instagram pair (30,000 + 20,000 contacts, logins,
off-Meta activity) with ``BENCH_GUI_MEDIA_GB`` GB (default 5) of stored (not deflated)
video members, written to a temporary folder and removed afterwards.

A fresh interpreter builds the app and the main window and opens the export the way the
File menu does (``MainWindow.open_paths``): the import runs in the spawned child, the
result comes back in chunks and the window fills its pages. Measured:

- the window's process: its VmHWM (peak resident memory) once the result is shown, and
  its resident memory just before the import (what the window alone uses);
- the import child: its own VmHWM, read by the child itself as the very last thing it
  does before its last message (the result's skeleton; every frame was sent by then),
  through a wrapper around the child's end of the pipe.

A last row measures the same on a 2-message chat: the floor, what the window and the
child use with (almost) no data.

The main row gives the sum of both peaks: an upper bound of the memory the import
holds at any one moment (the two peaks need not fall at the same time). A second row
gives the highest sum at one moment: a thread of the measuring process reads VmRSS of
the window's process and of every process it started (the import child, and the
resource tracker that multiprocessing's spawn starts) every 5 ms and keeps the largest
total. Both count pages of shared libraries once per process. The Report tab's web
engine processes are not counted: they are not started by an import.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row

MEDIA_GB = float(os.environ.get("BENCH_GUI_MEDIA_GB", "5"))
TARGET_MB = 250.0
_PEAK_FILE = "PRIVACY_AUDIT_BENCH_CHILD_PEAK"

_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from privacy_audit.gui import import_process
from tests.benchmarks import bench_gui_memory
import_process.child_main = bench_gui_memory.measured_child_main
from privacy_audit.gui.app import make_application
from privacy_audit.gui.context import build_context
from privacy_audit.gui.main_window import MainWindow
app = make_application()
window = MainWindow(build_context(lang="en"))
window.show()
app.processEvents()
before = bench_gui_memory.status_kb("VmRSS")
loop = QEventLoop()
outcome = []
window.import_finished.connect(lambda r: (outcome.append("ok"), loop.quit()))
window.import_failed.connect(lambda m: (outcome.append(m), loop.quit()))
window.open_paths([Path(p) for p in sys.argv[1:]])
QTimer.singleShot(1_800_000, loop.quit)
loop.exec()
print(outcome[0] if outcome else "timeout", before, bench_gui_memory.status_kb("VmHWM"))
"""


def status_kb(field: str) -> int:
    """``field`` (VmHWM, VmRSS...) of this process's /proc status, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


class _MeasuredPipe:
    """The child's end of the pipe; writes the child's peak memory to the file named by
    the environment just before the child's last message (the window stops the child as
    soon as that message is in, so the child cannot measure after it)."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe

    def send(self, message: tuple[Any, ...]) -> None:
        if message[0] not in ("log", "progress", "frame", "series", "array", "chunk"):
            Path(os.environ[_PEAK_FILE]).write_text(str(status_kb("VmHWM")))
        self.pipe.send(message)

    def close(self) -> None:
        self.pipe.close()


def measured_child_main(send: Any, *args: Any, **kwargs: Any) -> None:
    """The import child's entry point with :class:`_MeasuredPipe` (runs in the child)."""
    from privacy_audit.gui.import_process import child_main

    child_main(_MeasuredPipe(send), *args, **kwargs)


def _rss_kb(pid: int) -> int:
    """VmRSS of process ``pid`` in KiB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux: /proc/<pid>/task/*/children), leaving out
    one forked but not yet running its own program: until its exec it shows ``pid``'s
    command line and ``pid``'s resident pages (shared, copy on write), which would count
    the window twice for a moment."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except (OSError, ValueError):
        pass
    own = _cmdline(pid)
    return [child for child in found if _cmdline(child) != own]


def _cmdline(pid: int) -> bytes:
    """The command line of process ``pid`` (empty once it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


class _SumSampler(threading.Thread):
    """Every 5 ms, VmRSS of a process and of every process it started, summed; keeps the
    largest sum and its parts (the process itself, each other process)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.done = threading.Event()
        self.peak_kb = 0
        self.parts: dict[int, int] = {}

    def run(self) -> None:
        while not self.done.is_set():
            rss = {self.pid: _rss_kb(self.pid)}
            todo = _children(self.pid)
            while todo:
                pid = todo.pop()
                rss[pid] = _rss_kb(pid)
                todo += _children(pid)
            if sum(rss.values()) > self.peak_kb:
                self.peak_kb, self.parts = sum(rss.values()), rss
            self.done.wait(0.005)


def measure(paths: list[Path], tmp: Path) -> dict[str, float]:
    """The figures in MB: window (its peak), before (the window before the import),
    child (the import child's peak), sum (the highest sum over time), and the parts of
    that sum: sum_window, sum_child (the largest other process), sum_others."""
    peak_file = tmp / "child-peak"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PRIVACY_AUDIT_HOME=str(tmp / "home"))
    env[_PEAK_FILE] = str(peak_file)
    window = subprocess.Popen(
        [sys.executable, "-c", _WINDOW, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    sampler = _SumSampler(window.pid)
    sampler.start()
    try:
        out, err = window.communicate(timeout=1_900)
    finally:
        sampler.done.set()
        sampler.join()
        if window.poll() is None:
            window.kill()
    last = out.strip().splitlines()[-1:] or [""]
    words = last[0].split()
    if window.returncode != 0 or len(words) != 3 or words[0] != "ok":
        raise RuntimeError(f"the import failed: {last[0]!r}\n{err[-2000:]}")
    others = sorted((kb for pid, kb in sampler.parts.items() if pid != window.pid), reverse=True)
    return {
        "window": int(words[2]) / 1024,
        "before": int(words[1]) / 1024,
        "child": int(peak_file.read_text()) / 1024,
        "sum": sampler.peak_kb / 1024,
        "sum_window": sampler.parts.get(window.pid, 0) / 1024,
        "sum_child": (others[0] if others else 0) / 1024,
        "sum_others": sum(others[1:]) / 1024,
    }


def run() -> list[Row]:
    """Write the export, measure, remove it."""
    from tests.benchmarks.bench_import import MB, write_exports

    media = int(MEDIA_GB * 1024 * MB)
    with tempfile.TemporaryDirectory(prefix="pa-bench-gui-memory-") as folder:
        tmp = Path(folder)
        free = shutil.disk_usage(tmp).free
        if free < media + 2 * 1024 * MB:
            raise RuntimeError(f"{free / 1024**3:.1f} GB free in {tmp}: too little")
        paths = write_exports(tmp / "export", media=media)
        size = sum(p.stat().st_size for p in paths) / 1024**3
        got = measure(paths, tmp)
        floor = measure([_two_message_chat(tmp)], tmp)
    window, before, child = got["window"], got["before"], got["child"]
    total = window + child
    what = f"{size:.1f} GB FB+IG export, {MEDIA_GB:g} GB of it stored media"
    return [
        Row(
            f"peak memory, desktop import of a {what}, window + import child",
            total,
            "MB",
            target=f"< {TARGET_MB:.0f} MB",
            met=total < TARGET_MB,
            timed=(
                f"VmHWM of the window's process ({window:.0f} MB, of which {before:.0f} MB "
                f"resident before the import) + VmHWM of the spawned import child "
                f"({child:.0f} MB, read by the child before its last message); a fresh "
                "process opens the export with MainWindow.open_paths and waits until the "
                "result is shown"
            ),
        ),
        Row(
            f"  the import child alone ({what})",
            child,
            "MB",
            timed="VmHWM of the spawned child: read, audit, charts, display strings, sending",
        ),
        Row(
            f"  highest sum at one moment, window + the processes it started ({what})",
            got["sum"],
            "MB",
            timed=(
                "not the main row's sum of two peaks: the largest sum of VmRSS of the "
                "window's process and of every process it started, read together every "
                "5 ms from /proc by a thread of the measuring process (at that moment: "
                f"window {got['sum_window']:.0f} MB, import child {got['sum_child']:.0f} MB, "
                f"others {got['sum_others']:.0f} MB: multiprocessing's resource tracker); "
                "shared library pages count in each process"
            ),
        ),
        Row(
            "  floor: the same, importing a 2-message WhatsApp chat",
            floor["window"] + floor["child"],
            "MB",
            timed=(
                "as the main row, on an export with (almost) no data: window "
                f"{floor['window']:.0f} MB (Qt and the app before the import "
                f"{floor['before']:.0f}, then pandas and the result pages), import child "
                f"{floor['child']:.0f} MB (Python, pandas, the readers); highest sum at one "
                f"moment {floor['sum']:.0f} MB (resource tracker {floor['sum_others']:.0f}). "
                "What the two processes use before any data"
            ),
        ),
    ]


def _two_message_chat(folder: Path) -> Path:
    """A WhatsApp chat export of two messages, written in ``folder``."""
    chat = folder / "WhatsApp Chat with Sam.txt"
    chat.write_text(
        "12/03/2024, 09:15 - Sam: hello\n12/03/2024, 09:16 - Me: hi\n", encoding="utf-8"
    )
    return chat


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
