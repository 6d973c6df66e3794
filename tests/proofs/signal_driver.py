"""Child process of the signal proofs: ``privacy-audit`` with one step held until a signal.

``python signal_driver.py MODE FLAG ARGS...`` runs ``privacy_audit.cli.main(ARGS)`` with
one step made to wait (a slow disk, a renderer that never answers). Entering that step
it writes its pid to FLAG, so the parent sends its signal exactly then, never by timing.

MODE: ``write`` (a file's bytes are written, its fsync waits), ``folder`` (a CSV folder's
first file is written, the next waits), ``read`` (the exports are read, the phone numbers'
step waits), ``pdf`` (the report, padded past the 2 MB
``setHtml`` limit with MARKER, is loaded, and printing never answers).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

MARKER = "SIGNAL-PROOF-REPORT-MARKER"


def _arrived(flag: str) -> None:
    Path(flag).write_text(str(os.getpid()))


def _wait_forever() -> None:
    while True:  # Python signal handlers run between the sleeps
        time.sleep(0.05)


def main() -> int:
    mode, flag, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode == "write":

        def slow_fsync(_fd: int) -> None:
            _arrived(flag)
            _wait_forever()

        os.fsync = slow_fsync  # type: ignore[assignment]
    elif mode == "folder":
        real_write = Path.write_bytes
        written: list[Path] = []

        def slow_write(self: Path, data: bytes) -> int:
            if written:
                _arrived(flag)
                _wait_forever()
            written.append(self)
            return real_write(self, data)

        Path.write_bytes = slow_write  # type: ignore[method-assign]
    elif mode == "read":
        from privacy_audit import pipeline

        def slow_normalize(*_args: object, **_kwargs: object) -> None:
            _arrived(flag)
            _wait_forever()

        # the built tables' step, and the summary's (inspect of one export)
        pipeline.normalize_evidence = slow_normalize  # type: ignore[assignment]
        pipeline.normalize_many = slow_normalize  # type: ignore[assignment]
    elif mode == "pdf":
        from privacy_audit.gui import webengine
        from privacy_audit.report import writers

        real_render = writers.render_prepared

        def padded(*args: object, **kwargs: object) -> str:
            html = real_render(*args, **kwargs)  # type: ignore[arg-type]
            pad = "<!--" + (MARKER + " ") * (3 * 1024 * 1024 // len(MARKER)) + "-->"
            return html.replace("</body>", pad + "</body>")

        writers.render_prepared = padded  # type: ignore[assignment]

        def never_prints(_page: object, *_args: object, **_kwargs: object) -> None:
            _arrived(flag)

        webengine.ReportWebPage.printToPdf = never_prints  # type: ignore[method-assign,assignment]
    from privacy_audit.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
