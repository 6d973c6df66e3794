"""Checks on a report's output path, made before anything is read or written.

An output never overwrites an input: a path that is one of the exports (by any name: a
symlink, a hard link, ``..``), lies inside an export folder, or is a folder holding an
export is refused. An output that exists and is not a regular file (a FIFO, a device,
a socket) is refused too: the atomic write would replace it with a regular file. The
command line and the GUI's save dialog both call :func:`check_output`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_

_HINT = N_("Choose a name outside the exports' folders.")


def _identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of ``path`` after symlinks, or None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _chain(path: Path) -> list[Path]:
    """``path`` made absolute with symlinks resolved, then each of its parents."""
    real = Path(os.path.realpath(path.expanduser()))
    return [real, *real.parents]


def refuse_inputs(output: Path, inputs: Iterable[str | Path]) -> None:
    """:class:`InputError` when ``output`` is, is inside, or contains one of ``inputs``."""
    given = [Path(p).expanduser() for p in inputs]
    identities = {ident: path for path in given if (ident := _identity(path)) is not None}
    for depth, node in enumerate(_chain(output)):
        ident = _identity(node)
        found = identities.get(ident) if ident is not None else None
        if found is None:
            continue
        if depth == 0:
            raise InputError(
                N_("{file} is one of the exports being read: the report would replace it."),
                output,
                hint=_HINT,
            )
        raise InputError(
            N_("{file} is inside the export folder {folder}: the exports are never changed."),
            output,
            hint=_HINT,
            folder=found.name,
        )
    target = _identity(output.expanduser())
    if target is None:
        return
    for path in given:
        if any(_identity(parent) == target for parent in _chain(path)[1:]):
            raise InputError(
                N_("{file} holds the export {export}: the report would replace it."),
                output,
                hint=_HINT,
                export=path.name,
            )


def refuse_special(output: Path, fmt: str) -> None:
    """:class:`InputError` when ``output`` exists and is not a regular file (a folder
    is allowed for a CSV folder report, whose writer checks it further)."""
    try:
        mode = os.stat(output.expanduser()).st_mode
    except FileNotFoundError:
        return
    except OSError:
        raise InputError(
            N_("The report could not be written to {file}."),
            output,
            hint=N_("Check that the folder exists and that you can write there."),
        ) from None
    if stat.S_ISREG(mode) or (fmt == "csv" and stat.S_ISDIR(mode)):
        return
    if stat.S_ISDIR(mode):
        raise InputError(
            N_("{file} is a folder."), output, hint=N_("Give the name of the file to write.")
        )
    raise InputError(
        N_("{file} exists and is not a regular file (a device, pipe or socket)."),
        output,
        hint=N_("Give the name of a new file or of an earlier report."),
    )


def check_output(output: str | Path, fmt: str, inputs: Iterable[str | Path]) -> None:
    """Refuse ``output`` when writing it could destroy an input or a special file."""
    path = Path(output)
    refuse_special(path, fmt)
    refuse_inputs(path, inputs)
