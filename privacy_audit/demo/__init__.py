"""Deterministic demo personas: synthetic exports in the real formats and layouts.

``write_persona("giulia", folder)`` writes what an Italian user would download from
Facebook, Instagram and WhatsApp (zips named as Meta names them, chat exports as
WhatsApp names them); ``bundled_persona_paths("giulia")`` gives the copy shipped with
the app. The same persona and scale always give the same bytes.

Together the personas raise every finding of the audit (see :mod:`.personas`).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from privacy_audit.demo._base import days, random_token, to_datetime, zip_bytes
from privacy_audit.demo.chats import chat_exports
from privacy_audit.demo.facebook import facebook_members
from privacy_audit.demo.instagram import instagram_members
from privacy_audit.demo.messenger import messenger_export
from privacy_audit.demo.personas import ALL, Persona
from privacy_audit.demo.whatsapp import report_members, report_name
from privacy_audit.demo.world import build_world
from privacy_audit.errors import InputError
from privacy_audit.fsutil import part_prefix, sweep_stale_parts
from privacy_audit.i18n import N_

__all__ = [
    "MAX_SCALE",
    "PERSONAS",
    "Persona",
    "bundled_persona_paths",
    "persona_files",
    "write_persona",
]

#: persona key -> persona (``.description`` is an English message id, marked with N_)
PERSONAS: dict[str, Persona] = dict(ALL)

#: a scale of 1000 already means a quarter of a million contacts
MAX_SCALE = 1000


def get_persona(persona: str) -> Persona:
    """The persona called ``persona``, or an InputError naming the available ones."""
    found = PERSONAS.get(str(persona).strip().lower())
    if found is None:
        raise InputError(
            N_("There is no demo persona called '{persona}'."),
            hint=N_("Available personas: {available}."),
            persona=persona,
            available=", ".join(sorted(PERSONAS)),
        )
    return found


def _meta_zip_name(service: str, username: str, when: int, rng: random.Random) -> str:
    return f"{service}-{username}-{to_datetime(when):%Y-%m-%d}-{random_token(rng, 8)}.zip"


def persona_files(persona: str, scale: int = 1) -> dict[str, bytes]:
    """File name -> bytes of every export of ``persona`` at ``scale`` (nothing written)."""
    p = get_persona(persona)
    if not isinstance(scale, int) or isinstance(scale, bool) or not 1 <= scale <= MAX_SCALE:
        raise InputError(
            N_("The scale must be a whole number from 1 to {maximum}."), maximum=MAX_SCALE
        )
    world = build_world(p, scale)
    rng = random.Random(f"{p.seed}:names")
    exported = to_datetime(p.export_time)
    files: dict[str, bytes] = {}
    fb_name = _meta_zip_name("facebook", p.fb_username, p.export_time, rng)
    files[fb_name] = zip_bytes(facebook_members(world), exported)
    ig_time = p.export_time - days(1)
    ig_name = _meta_zip_name("instagram", p.ig_username, ig_time, rng)
    files[ig_name] = zip_bytes(instagram_members(world), to_datetime(ig_time))
    chats, group_sizes = chat_exports(world)
    files[report_name(world)] = zip_bytes(
        report_members(world, group_sizes), to_datetime(p.export_time - days(1))
    )
    files.update(chats)
    files.update(messenger_export(world, rng))
    return files


def write_persona(persona: str, out_dir: str | Path, scale: int = 1) -> list[Path]:
    """Write the exports of ``persona`` into ``out_dir``; the paths to give load_evidence.

    Files are written into a temporary folder next to ``out_dir`` first; then the
    folder is renamed (or, when ``out_dir`` exists, each file is moved in with an atomic
    rename), so nothing is ever left half-written.
    """
    files = persona_files(persona, scale)
    target = Path(out_dir)
    if target.exists() and not target.is_dir():
        raise InputError(
            N_("The output is a file, not a folder."),
            target,
            hint=N_("Give a folder for the demo exports."),
        )
    try:
        _write_all(files, target)
    except OSError as exc:
        raise InputError(
            N_("The demo exports could not be written there ({reason})."),
            target,
            hint=N_("Choose a folder you can write to, with some free space."),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    return [target / name for name in sorted(files)]


def _write_all(files: dict[str, bytes], target: Path) -> None:
    """Write ``files`` into ``target`` through a staging folder (see write_persona)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(target)
    staging = Path(tempfile.mkdtemp(prefix=part_prefix(target), suffix=".part", dir=target.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        moved = False
        if not target.exists():
            with contextlib.suppress(OSError):
                os.replace(staging, target)
                target.chmod(0o755)
                moved = True
        if not moved:
            for name in files:
                os.replace(staging / name, target / name)
            staging.rmdir()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def bundled_persona_paths(persona: str) -> list[Path]:
    """The small exports of ``persona`` shipped with the app (scale 1), sorted by name."""
    p = get_persona(persona)
    folder = resources.files("privacy_audit") / "resources" / "demo" / p.key
    paths: list[Path] = []
    if folder.is_dir():
        paths = sorted(Path(str(entry)) for entry in folder.iterdir() if entry.is_file())
    if not paths:
        raise InputError(
            N_("The demo persona '{persona}' is missing from this installation."),
            hint=N_(
                "Reinstall Privacy Audit, or write it with: privacy-audit demo {persona} -o DIR"
            ),
            persona=p.key,
        )
    return paths
