"""Entry point of the frozen build: the same as the ``privacy-audit`` console script."""

from __future__ import annotations

import multiprocessing
import sys

from privacy_audit.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
