"""The values a redacted report must not hold: every personal value of the input.

Collected from the loaded Evidence, never from a chosen list: every value of every
column that holds a name, a phone number, an e-mail, an IP address or an account, every
own identifier (name, username, e-mail, phone, as normalised and as written), usernames
also without their ``.`` and ``_``, the user part of every export file name and
wrapper folder (``facebook-<user>-<date>-…``) and the name in every Messenger thread
folder (``inbox/<name>_<id>/``) of a source file. Companies (advertisers, off-Meta apps)
and service names are not personal and are left out.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from privacy_audit.model import SERVICES
from privacy_audit.report.masks import field_kind

#: columns holding people's names or accounts (besides what field_kind recognises)
NAME_COLUMNS = {"name", "sender", "chat", "account", "linked_to", "owner", "member"}
PERSONAL_KINDS = {"phone", "email", "ip", "name", "account", "chat"}
#: the user part of a Meta export or wrapper-folder name (a path component's start)
EXPORT_USER = re.compile(
    r"(?:^|[/\\])(?:facebook|instagram|messenger|threads|meta|secure_storage)[-_]"
    r"([^/\\]+?)[-_](?:\d{4}-\d{2}-\d{2}|\d{8})(?!\d)",
    re.IGNORECASE,
)
#: a Messenger thread folder: the other person's name, then the thread id
THREAD_FOLDER = re.compile(
    r"(?:inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)/"
    r"([^/]+?)(?:_\d+)?/"
)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _column_values(frame: pd.DataFrame, column: str) -> Iterable[str]:
    return (str(v) for v in frame[column].dropna().unique() if str(v).strip())


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON-like value (file names of the files not read...)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def personal_values(evidence: Any, companies: Iterable[str] = ()) -> set[str]:
    """Every personal value of ``evidence`` (see module doc), as written."""
    values: set[str] = set()
    for table, frame in evidence.tables.items():
        if table in ("advertisers", "off_platform", "settings") or not len(frame):
            continue
        for column in frame.columns:
            name = str(column)
            if table == "identifiers" and name in ("value", "raw"):
                own = frame[frame["kind"].isin(["name", "username", "email", "phone", "ip"])]
                values.update(_column_values(own, name))
            elif name in NAME_COLUMNS or field_kind(name) in PERSONAL_KINDS:
                if frame[column].dtype.kind in "biufcmM":
                    continue
                values.update(_column_values(frame, name))
    ids = evidence.tables["identifiers"]
    for username in _column_values(ids[ids["kind"] == "username"], "value"):
        values.add(re.sub(r"[._]", "", username))
    for frame in evidence.tables.values():
        if "source_file" in frame and len(frame):
            for path in _column_values(frame, "source_file"):
                values.update(THREAD_FOLDER.findall(path))
    for source in evidence.sources:
        for path in [source.path, *source.parts, *source.files_recognized, *_strings(source.extra)]:
            values.update(THREAD_FOLDER.findall(path + "/"))
            for match in EXPORT_USER.finditer(unicodedata.normalize("NFC", path)):
                values.add(match.group(1))
    skip = {_norm(c) for c in companies} | set(SERVICES) | {"meta", "unknown", "you"}
    return {v for v in values if _norm(v) not in skip and len(_norm(v)) >= 3}


def output_texts(paths: dict[str, Path]) -> dict[str, str]:
    """Format -> text of each written report (CSV zips: one text per file; PDF: pypdf)."""
    texts: dict[str, str] = {}
    for fmt, path in paths.items():
        if fmt == "csv":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    texts[f"csv/{name}"] = archive.read(name).decode("utf-8-sig")
        elif fmt == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(path.read_bytes()))
            texts["pdf"] = " ".join(page.extract_text() or "" for page in reader.pages)
        else:
            texts[fmt] = path.read_text("utf-8")
    return texts


def leaks(texts: dict[str, str], values: Iterable[str]) -> dict[str, list[str]]:
    """Format -> the values found in it (case-insensitive, NFC, HTML entities decoded,
    whitespace collapsed, JSON escapes of the text read back)."""
    wanted = {value: _norm(value) for value in values}
    found: dict[str, list[str]] = {}
    for fmt, text in texts.items():
        plain = _norm(html.unescape(text))
        hits = sorted(v for v, n in wanted.items() if n and n in plain)
        if hits:
            found[fmt] = hits
    return found
