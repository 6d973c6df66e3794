"""Memory over a day of workshops: one window, one import after another.

A fresh app process opens the scale-``BENCH_SOAK_SCALE`` (10) giulia persona
``BENCH_SOAK_ROUNDS`` (10) times in one main window, as a trainer opens persona after
persona. After each import it visits every tab (the Report tab renders its preview,
in the real web engine) and switches the language (the audit is relabelled on the
worker). At the end of each round: a full garbage collection and glibc's
``malloc_trim``, then the window process's resident memory (VmRSS), the audit results
still alive and the number of objects the collector tracks.

Before 81949d4 every import's result stayed alive (a QRunnable given to
the thread pool was never freed, nor what its job held): the "results alive" row read
one per import. Before the next commit every import task stayed (the slots on its own
signals held it): about 20 objects per import in the last row.
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.bench_gui_memory import status_kb
from tests.benchmarks.harness import Row

SCALE = int(os.environ.get("BENCH_SOAK_SCALE", "10"))
ROUNDS = int(os.environ.get("BENCH_SOAK_ROUNDS", "10"))


def rounds(paths: list[Path], count: int) -> list[dict[str, float]]:
    """Run ``count`` imports of ``paths`` in one window; the figures after each."""
    import gc

    from PySide6.QtCore import QEventLoop, QTimer

    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.gui.app import make_application
    from privacy_audit.gui.context import build_context
    from privacy_audit.gui.import_process import give_back_freed_memory
    from privacy_audit.gui.main_window import MainWindow

    app = make_application()
    window = MainWindow(build_context(lang="en"))
    window.show()
    app.processEvents()
    loop = QEventLoop()
    clock = QTimer()  # one timer for every wait: the figures count objects
    clock.setSingleShot(True)
    clock.timeout.connect(loop.quit)

    def wait_for(signal: object, timeout_ms: int = 300_000) -> None:
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        clock.start(timeout_ms)
        loop.exec()
        clock.stop()
        signal.disconnect(loop.quit)  # type: ignore[attr-defined]

    def settle(ms: int) -> None:
        clock.start(ms)
        loop.exec()

    figures = []
    for index in range(count):
        window.open_paths(paths)
        wait_for(window.import_finished)
        if window.result is None:
            raise RuntimeError("the import failed")
        for tab in range(window.tabs.count()):
            window.show_tab(tab)
            settle(100)
        window.show_tab(3)
        wait_for(window.report_page.preview_loaded)
        window.set_language("it" if index % 2 == 0 else "en")
        wait_for(window.result_relabelled)
        window.ctx.executor.wait(60_000)
        settle(300)
        give_back_freed_memory()  # gc.collect() and glibc's malloc_trim(0)
        figures.append(
            {
                "rss": status_kb("VmRSS") / 1024,
                "results": sum(isinstance(o, AuditResult) for o in gc.get_objects()),
                "objects": len(gc.get_objects()),
            }
        )
    window.close()
    return figures


def _in_fresh_process(paths: list[Path], home: str) -> list[dict[str, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PRIVACY_AUDIT_HOME=home)
    done = subprocess.run(
        [*(sys.executable, "-X", "faulthandler", "-m", "tests.benchmarks.bench_soak"), str(ROUNDS)]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"soak ended with {done.returncode}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run() -> list[Row]:
    """The soak rows."""
    from privacy_audit import demo

    with tempfile.TemporaryDirectory() as tmp:
        paths = demo.write_persona("giulia", Path(tmp) / "exports", scale=SCALE)
        home = Path(tmp) / "home"
        home.mkdir()
        figures = _in_fresh_process(paths, str(home))
    rss = [f["rss"] for f in figures]
    growth = [b - a for a, b in itertools.pairwise(rss[1:])]
    what = f"{ROUNDS} imports of the scale-{SCALE} giulia persona in one window"
    each = (
        "a fresh app process; each import followed by a visit of every tab, the report "
        "preview rendered and a language switch; then gc.collect() and malloc_trim(0)"
    )
    results = int(figures[-1]["results"])
    return [
        Row(
            f"audit results alive after {what}",
            results,
            "",
            target="1 (the one shown)",
            met=results == 1,
            timed=f"{each}; AuditResult objects the collector sees after the last round "
            f"(each round: {', '.join(str(int(f['results'])) for f in figures)})",
        ),
        Row(
            f"resident memory growth per import, {what}",
            round(statistics.median(growth), 1) if growth else 0.0,
            "MB",
            timed=f"{each}; median of the VmRSS differences between rounds, from the "
            f"second on (VmRSS after each round: {', '.join(f'{r:.0f}' for r in rss)} MB)",
        ),
        Row(
            f"objects the collector tracks, {what}",
            int(figures[-1]["objects"] - figures[1]["objects"]),
            "",
            timed=f"{each}; len(gc.get_objects()) after the last round minus after the "
            f"second (each round: {', '.join(str(int(f['objects'])) for f in figures)})",
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(rounds([Path(p) for p in sys.argv[2:]], int(sys.argv[1]))))
