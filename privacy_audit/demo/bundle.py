"""Regenerate the demo exports shipped in ``privacy_audit/resources/demo/<persona>/``.

Run from a source checkout after changing the demo data::

    python -m privacy_audit.demo.bundle

A test checks that the shipped files equal what :func:`persona_files` produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

from privacy_audit.demo import PERSONAS, persona_files
from privacy_audit.fsutil import atomic_write_bytes

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "demo"


def write_bundled(root: Path = RESOURCES) -> list[Path]:
    """Write every persona at scale 1 under ``root``; remove files no longer produced."""
    written = []
    for key in sorted(PERSONAS):
        folder = root / key
        files = persona_files(key, 1)
        for name, data in sorted(files.items()):
            atomic_write_bytes(folder / name, data)
            written.append(folder / name)
        for stale in folder.iterdir():
            if stale.is_file() and stale.name not in files:
                stale.unlink()
    return written


def main() -> int:
    """Command-line entry: print what was written."""
    for path in write_bundled():
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
