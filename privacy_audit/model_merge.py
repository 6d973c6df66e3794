"""Several exports of one person, merged without counting anything twice.

An old and a new download of the same account, a JSON and an HTML copy of one
download, or the same zip opened twice hold many of the same rows. Exports of the same
service and kind belong together unless their own identifiers (phone, e-mail, user
name) show two different accounts. Within such a group:

- a row is kept once per stable key (the columns that say what it is, not the file it
  came from): an event with the same app, event name and time is one event; when one
  export lists a key several times, the group keeps it as many times as the export that
  lists it most (so real repeats inside one export stay);
- for settings and group sizes, and for the user's own name and user name, the newest
  export wins: older exports add history, not a second current value;
- two chat exports are one chat exported twice only when most messages of the smaller
  one are also in the other;
- every source of the group learns which other exports it overlapped with and how many
  of its rows were already in a newer one (``SourceInfo.extra["overlap"]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # the model calls this module: no import back at run time
    from privacy_audit.model import SourceInfo

#: per table, the columns that say what a row is (``source_file`` is never one)
KEYS: dict[str, tuple[str, ...]] = {
    "identifiers": ("service", "kind", "value"),
    "contacts": ("service", "origin", "name", "phone_raw", "email"),
    "activity": ("service", "kind", "timestamp", "ip"),
    "off_platform": ("service", "app", "event", "timestamp"),
    "advertisers": ("service", "name", "relation"),
    "linked_accounts": ("service", "account", "linked_to", "via"),
    "suggestions": ("service", "origin", "name", "phone_raw", "suggested_at"),
    "messages": ("service", "chat", "sender", "timestamp", "kind"),
}
#: tables (and identifier kinds) where the newest export's values replace older ones
NEWEST_WINS: dict[str, tuple[str, ...]] = {
    "settings": ("service", "key"),
    "groups": ("service", "name"),
}
NEWEST_IDENTIFIERS = ("name", "username")
_ACCOUNT_KINDS = ("phone", "email", "username")
_OLDEST = datetime(1970, 1, 1, tzinfo=UTC)


def _key_of(frame: pd.DataFrame, columns: Sequence[str], minutes: bool = False) -> pd.Series:
    """One comparable string per row from ``columns`` (missing values included); with
    ``minutes``, times to the minute (HTML pages show no milliseconds, Instagram's not
    even seconds)."""
    parts = []
    for c in columns:
        column = frame[c]
        if minutes and isinstance(column.dtype, pd.DatetimeTZDtype):
            column = column.dt.floor("min")
        parts.append(column.astype("string").fillna("").str.strip().str.casefold())
    key = parts[0]
    for part in parts[1:]:
        key = key + "\x1f" + part
    return key.astype(object)


def _keys_by_owner(
    frame: pd.DataFrame, owners: np.ndarray, columns: Sequence[str]
) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for owner, value in zip(owners, _key_of(frame, columns).to_numpy(), strict=True):
        found.setdefault(int(owner), set()).add(value)
    return found


def groups_of(
    sources: Sequence[SourceInfo], tables: dict[str, pd.DataFrame], owners: dict[str, np.ndarray]
) -> list[list[int]]:
    """Groups (two or more source indices) of exports of the same service, kind and person.

    Account exports belong together unless their own identifiers show two accounts; two
    chat exports are one chat exported twice when most messages of the smaller one are
    also in the other (two chats that share a name stay apart).
    """
    ids = tables["identifiers"]
    mine = ids["kind"].isin(_ACCOUNT_KINDS).to_numpy()
    accounts = _keys_by_owner(ids[mine], owners["identifiers"][mine], ("kind", "value"))
    chats = _chats_sharing_a_name(sources, tables["messages"], owners["messages"])
    messages: dict[int, set[str]] = {}
    if chats:
        of_chats = np.isin(owners["messages"], chats)
        messages = _keys_by_owner(
            tables["messages"][of_chats], owners["messages"][of_chats], KEYS["messages"]
        )
    by_kind: dict[tuple[str, str], list[int]] = {}
    for index, info in enumerate(sources):
        by_kind.setdefault((info.service, info.kind), []).append(index)
    groups: list[list[int]] = []
    for (_service, kind), members in by_kind.items():
        same, keys = (_same_chat, messages) if kind == "chat" else (_same_person, accounts)
        pending = list(members)
        while pending:
            group = [pending.pop(0)]
            for other in list(pending):
                if any(same(keys, other, g) for g in group):
                    group.append(other)
                    pending.remove(other)
            if len(group) > 1:
                groups.append(group)
    return groups


def _chats_sharing_a_name(
    sources: Sequence[SourceInfo], messages: pd.DataFrame, owners: np.ndarray
) -> list[int]:
    """Chat exports whose chat name another chat export has too (only they can be one
    chat exported twice; their messages are compared, nobody else's)."""
    chats = [i for i, info in enumerate(sources) if info.kind == "chat"]
    if len(chats) < 2:
        return []
    of_chats = np.isin(owners, chats)
    pairs = pd.DataFrame({"owner": owners[of_chats], "chat": messages["chat"].to_numpy()[of_chats]})
    pairs = pairs.dropna().drop_duplicates()
    shared = pairs[pairs.duplicated("chat", keep=False)]
    return sorted(int(o) for o in shared["owner"].unique())


def _same_chat(messages: dict[int, set[str]], a: int, b: int) -> bool:
    """Two chat exports are one chat when half the smaller one's messages are in both."""
    mine, theirs = messages.get(a, set()), messages.get(b, set())
    smaller = min(len(mine), len(theirs))
    return smaller > 0 and len(mine & theirs) * 2 >= smaller


def _same_person(accounts: dict[int, set[str]], a: int, b: int) -> bool:
    """Two exports are of one person unless both name accounts and none is shared."""
    mine, theirs = accounts.get(a), accounts.get(b)
    return not mine or not theirs or bool(mine & theirs)


def _newest_first(sources: Sequence[SourceInfo], group: list[int]) -> dict[int, int]:
    """Source index -> rank in ``group`` (0 = newest export; later given wins a tie)."""
    ordered = sorted(group, key=lambda i: (sources[i].export_date or _OLDEST, i), reverse=True)
    return {index: rank for rank, index in enumerate(ordered)}


def _drop_repeats(frame: pd.DataFrame, key: pd.Series, rank: np.ndarray) -> np.ndarray:
    """Rows to drop: a key seen in a newer export as many times as here."""
    order = np.argsort(rank, kind="stable")
    key_sorted = key.to_numpy()[order]
    rank_sorted = rank[order]
    table = pd.DataFrame({"key": key_sorted, "rank": rank_sorted})
    table["nth"] = table.groupby(["rank", "key"], sort=False).cumcount()
    repeated = table.duplicated(["key", "nth"]).to_numpy()
    drop = np.zeros(len(frame), dtype=bool)
    drop[order[repeated]] = True
    return drop


def _drop_older(key: pd.Series, rank: np.ndarray) -> np.ndarray:
    """Rows to drop: a key a newer export of the group also has (the newest wins)."""
    best = pd.Series(rank).groupby(key.to_numpy()).transform("min").to_numpy()
    return rank > best


def merge_exports(
    tables: dict[str, pd.DataFrame], sources: Sequence[SourceInfo], owners: dict[str, np.ndarray]
) -> dict[str, pd.DataFrame]:
    """``tables`` with the rows that overlapping exports share kept once (module docstring);
    ``owners`` gives the source index of every row of every table. ``shared_rows`` of a
    group is how many rows were given by more than one of its exports (kept once)."""
    groups = groups_of(sources, tables, owners)
    if not groups:
        return tables
    shared = [0] * len(groups)
    ranks = []
    for group in groups:
        lookup = np.full(len(sources), -1, dtype=np.int64)
        for index, rank in _newest_first(sources, group).items():
            lookup[index] = rank
        ranks.append(lookup)
    out = dict(tables)
    for table, frame in tables.items():
        if frame.empty:
            continue
        drop = np.zeros(len(frame), dtype=bool)
        for number, group in enumerate(groups):
            inside = np.isin(owners[table], group)
            if inside.sum() < 2:
                continue
            formats = {sources[i].format for i in group}
            minutes = "html" in formats and len(formats) > 1  # a JSON and an HTML copy
            rank = ranks[number][owners[table][inside]]
            dropped = _drop_in(table, frame[inside], rank, minutes)
            drop[np.flatnonzero(inside)[dropped]] = True
            shared[number] += int(dropped.sum())
        if drop.any():
            out[table] = frame[~drop].reset_index(drop=True)
    for number, group in enumerate(groups):
        for index in group:
            others = [sources[i].path for i in group if i != index]
            sources[index].extra["overlap"] = {"with": others, "shared_rows": shared[number]}
    return out


def _drop_in(table: str, sub: pd.DataFrame, rank: np.ndarray, minutes: bool = False) -> np.ndarray:
    """The rows of one group's part of ``table`` that another export already gives
    (``minutes``: times compared to the minute)."""
    if table in NEWEST_WINS:
        return _drop_older(_key_of(sub, NEWEST_WINS[table]), rank)
    drop = _drop_repeats(sub, _key_of(sub, KEYS[table], minutes), rank)
    if table == "identifiers":
        current = sub["kind"].isin(NEWEST_IDENTIFIERS).to_numpy()
        if current.any():
            older = _drop_older(_key_of(sub, ("service", "kind")), rank)
            drop |= current & older
    return drop
