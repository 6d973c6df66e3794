"""Synthetic Facebook / Instagram / Messenger exports in every layout and format.

Public API (also used by other parts' tests and benchmarks)::

    build_facebook_export(tmp_path, layout="2024", fmt="json", ...) -> Path
    build_instagram_export(tmp_path, layout="2023", fmt="json", ...) -> Path
    build_messenger_export(tmp_path, fmt="json", secure_storage=False, ...) -> Path

``layout``: Facebook "2018" | "2020" | "2023" | "2024" | "2026"; Instagram "2022" | "2023"
| "2025". ``fmt``: "json" | "html". JSON strings and keys are written as Meta does
(mojibake: UTF-8 bytes escaped as Latin-1) unless ``mojibake=False``. ``zipped=False``
writes an extracted folder; ``parts=N`` splits the export into N zips of the same
name prefix and date (the path returned is then the folder holding them);
``wrapper=True`` puts everything under a folder named like the zip; ``extra_files``
adds or replaces members (path -> bytes/str/JSON-able object). The persona's data are
the constants of ``meta_persona`` (re-exported here) and ``meta_builders_ig``, so
tests can assert on them.
Message texts contain :data:`SECRET_TEXT`, which must never reach any table.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import meta_builders_html as html
from . import meta_builders_ig as ig
from .meta_builders_fb import facebook_tree
from .meta_persona import *  # noqa: F403 - the persona constants are part of this API
from .meta_persona import (
    EXPORT_DATE,
    FB_ADDRESS_BOOK,
    MSG_THREADS,
    OWNER,
    OWNER_PHONE,
    SECRET_TEXT,
    thread_doc,
)

__all__ = [
    "build_facebook_export",
    "build_instagram_export",
    "build_messenger_export",
    "dump",
    "facebook_tree",
    "mojibake",
    "write_export",
]
Tree = dict[str, Any]


# -- writing ---------------------------------------------------------------------
def mojibake(value: Any) -> Any:
    """``value`` with every string and key written as Meta does (UTF-8 bytes as Latin-1)."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list | tuple):
        return [mojibake(v) for v in value]
    if isinstance(value, dict):
        return {mojibake(k): mojibake(v) for k, v in value.items()}
    return value


def dump(value: Any, *, garble: bool = True) -> bytes:
    """JSON bytes as in a Meta export (pure ASCII, mojibake escapes)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(mojibake(value) if garble else value, indent=1).encode("ascii")


def write_export(
    tmp_path: Path,
    stem: str,
    tree: Tree,
    *,
    zipped: bool = True,
    parts: int = 1,
    wrapper: bool = False,
    garble: bool = True,
    extra_files: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``tree`` (member path -> content) as a zip, several zips or a folder."""
    files = {**tree, **(extra_files or {})}
    encoded = {
        (f"{stem}/{path}" if wrapper else path): dump(
            content, garble=garble and path.endswith(".json")
        )
        for path, content in files.items()
        if content is not None
    }
    tmp_path.mkdir(parents=True, exist_ok=True)
    if not zipped:
        root = tmp_path / stem
        for path, data in encoded.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return root
    names = sorted(encoded)
    if parts <= 1:
        target = tmp_path / f"{stem}-a1b2c3d4.zip"
        _zip(target, {n: encoded[n] for n in names})
        return target
    folder = tmp_path / f"{stem}-parts"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(parts):
        chunk = {n: encoded[n] for i, n in enumerate(names) if i % parts == index}
        _zip(folder / f"{stem}-{index:04d}part{index}.zip", chunk)
    return folder


def _zip(target: Path, files: Mapping[str, bytes]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)


def build_facebook_export(
    tmp_path: Path,
    layout: str = "2024",
    fmt: str = "json",
    *,
    zipped: bool = True,
    parts: int = 1,
    wrapper: bool = True,
    mojibake: bool = True,
    extra_files: Mapping[str, Any] | None = None,
    username: str = "zoeferrari",
    export_date: str = EXPORT_DATE,
) -> Path:
    """Write the persona's Facebook export; returns the zip, the parts folder or the folder."""
    tree = facebook_tree(layout)
    if fmt == "html":
        tree = html.facebook_html_tree(tree, layout)
    stem = f"facebook-{username}-{export_date}"
    return write_export(
        tmp_path,
        stem,
        tree,
        zipped=zipped,
        parts=parts,
        wrapper=wrapper,
        garble=mojibake,
        extra_files=extra_files,
    )


def build_instagram_export(
    tmp_path: Path,
    layout: str = "2023",
    fmt: str = "json",
    *,
    zipped: bool = True,
    parts: int = 1,
    wrapper: bool = True,
    mojibake: bool = True,
    extra_files: Mapping[str, Any] | None = None,
    username: str = "zoe_ig",
) -> Path:
    """Write the persona's Instagram export (see :mod:`meta_builders_ig`)."""
    tree = ig.instagram_tree(layout)
    if fmt == "html":
        tree = html.instagram_html_tree(tree, layout)
    stem = f"instagram-{username}-{EXPORT_DATE}"
    return write_export(
        tmp_path,
        stem,
        tree,
        zipped=zipped,
        parts=parts,
        wrapper=wrapper,
        garble=mojibake,
        extra_files=extra_files,
    )


def build_messenger_export(
    tmp_path: Path,
    fmt: str = "json",
    *,
    secure_storage: bool = False,
    zipped: bool = True,
    wrapper: bool = False,
    mojibake: bool = True,
    extra_files: Mapping[str, Any] | None = None,
) -> Path:
    """A Messenger-only export: DYI threads + contacts, or the E2EE secure-storage zip."""
    tree: Tree = {}
    if secure_storage:
        for title, (people, msgs) in MSG_THREADS.items():
            tree[f"{title.split()[0].lower()}_1.json"] = {
                "participants": list(people),
                "threadName": title,
                "messages": [
                    {
                        "senderName": s,
                        "timestamp": ms,
                        "text": SECRET_TEXT,
                        "type": {"deleted": "text", "system": "placeholder"}.get(k, k),
                        "media": [{"uri": "./media/x.jpeg"}] if k == "media" else [],
                        "isUnsent": k == "deleted",
                        "reactions": [],
                    }
                    for s, ms, k in msgs
                ],
            }
        stem = "messenger-secure-storage"
    else:
        base = "your_facebook_activity"
        for index, (title, (people, msgs)) in enumerate(MSG_THREADS.items()):
            tree[f"{base}/messages/inbox/t{index}_{index}/message_1.json"] = thread_doc(
                title, people, msgs
            )
        tree["personal_information/other_personal_information/your_address_books.json"] = {
            "address_book_v2": {
                "address_book": [
                    {
                        "name": n,
                        "details": [{"contact_point": p} for p in pts],
                        "created_timestamp": ts,
                    }
                    for n, pts, ts in FB_ADDRESS_BOOK
                ]
            }
        }
        tree[f"{base}/messages/autofill_information.json"] = {
            "autofill_information_v2": {"PHONE": [OWNER_PHONE], "FULL_NAME": [OWNER]}
        }
        stem = f"messenger-zoe-{EXPORT_DATE}"
        if fmt == "html":
            tree = html.facebook_html_tree(tree, "2024")
    return write_export(
        tmp_path,
        stem,
        tree,
        zipped=zipped,
        wrapper=wrapper,
        garble=mojibake,
        extra_files=extra_files,
    )
