"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_


def input_paths(args: argparse.Namespace) -> list[Path]:
    """The export paths of a command: the given PATHs, or the bundled demo persona."""
    paths = [Path(p) for p in getattr(args, "paths", []) or []]
    persona = getattr(args, "demo", None)
    if persona:
        from privacy_audit.demo import bundled_persona_paths

        paths.extend(bundled_persona_paths(persona))
    if not paths:
        raise InputError(
            N_("No export was given."),
            hint=N_("Give the path of your export zip(s) or folder(s), or --demo."),
        )
    return paths
