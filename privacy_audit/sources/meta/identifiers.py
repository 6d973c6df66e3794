"""The user's own identifiers read by a field spec (:func:`.spec.identifiers`): rows of
the ``identifiers`` table from columns named by kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.reader import MetaReader, contact_kind, text


def _kind(column: str) -> str:
    """The identifier kind a column is named for (``email.previous`` -> ``email``)."""
    return column.partition(".")[0]


def add_identifiers(
    r: MetaReader,
    m: Member,
    n: int,
    columns: dict[str, list[Any]],
    const: Mapping[str, Any],
    *,
    first_kind: bool = False,
) -> None:
    """Identifier rows from ``n`` rows of columns named by kind (and an optional
    ``service`` column): a row per non-empty value, e-mails lower-cased, each value once
    per file and service (a list in a cell: each of its values, in order). Kind
    ``contact``: an e-mail or a phone number by how it is written (anything else is not
    an identifier). ``first_kind``: only the first non-empty column of each row."""
    owners = columns.pop("service", None) or [const.get("service")] * n
    kinds = [_kind(column) for column in columns]
    rows: dict[str, list[Any]] = {"kind": [], "value": [], "raw": [], "service": []}
    for i in range(n):
        for named, values in zip(kinds, columns.values(), strict=True):
            cell = values[i]
            found = False
            for raw in map(text, cell) if type(cell) is list else (text(cell),):
                if not raw:
                    continue
                kind = named if named != "contact" else contact_kind(raw)
                if not kind:
                    continue
                found = True
                value = raw.lower() if kind == "email" else raw
                seen = (owners[i], kind, value, m.path)
                if seen not in r.seen:
                    r.seen.add(seen)
                    for column, part in zip(rows, (kind, value, raw, owners[i]), strict=True):
                        rows[column].append(part)
            if found and first_kind:
                break
    service = rows.pop("service")
    if not any(service):  # every row is of the service being read
        r.add_columns("identifiers", m, len(service), valid=True, **rows)
        return
    for i, owner in enumerate(service):  # a few rows, some of another service
        extra = {"service": owner} if owner else {}
        row = {column: values[i] for column, values in rows.items()}
        r.add("identifiers", m, valid=True, **row, **extra)
