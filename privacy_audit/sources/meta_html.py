"""Structural reading of Meta HTML exports (records, tables, dates) — being completed."""

from __future__ import annotations

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta_common import MetaReader


def thread_html(r: MetaReader, member: Member) -> None:
    """Read one HTML message thread (not yet supported: the file is left unrecognised)."""
    return None
