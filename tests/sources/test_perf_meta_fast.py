"""The column fast path of the Meta importers gives exactly the rows of the per-row path."""

from __future__ import annotations

import contextlib
from types import SimpleNamespace
from typing import Any, cast
from unittest import mock

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.i18n import translator
from privacy_audit.model import EvidenceBuilder, SourceInfo
from privacy_audit.progress import CancelToken
from privacy_audit.sources.base import LoadContext
from privacy_audit.sources.meta.facebook import activity as meta_fb_activity
from privacy_audit.sources.meta.facebook import json_files as meta_fb_json
from privacy_audit.sources.meta.facebook.activity import logins, off_meta, sessions
from privacy_audit.sources.meta.facebook.json_files import address_book, name_list
from privacy_audit.sources.meta.fast import smd_index
from privacy_audit.sources.meta.instagram import json_files as meta_ig_json
from privacy_audit.sources.meta.instagram.json_files import logins as ig_logins
from privacy_audit.sources.meta.instagram.json_files import relations, synced_contacts
from privacy_audit.sources.meta.labels import LABELS
from privacy_audit.sources.meta.reader import MetaReader, smd_entry

SOME_LABELS = ["Nome", "Name", "First Name", "Cognome", "IP Address", "Indirizzo IP", "Time",
               "Ora", "Contact Information", "Recapito", "User Agent", "Dispositivo",
               ""]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(SOME_LABELS),
        st.one_of(st.just({"value": "v"}), st.just({}), st.just("text"), st.none()),
        max_size=6,
    )
)
def test_index_gives_what_smd_entry_gives(mapping: dict[str, Any]) -> None:
    found = smd_index(mapping)
    for key in LABELS:
        assert found.get(key) is smd_entry(mapping, key), key


def _rows_only(r: Any, table: str, m: Any, columns: Any, rows: Any) -> None:
    rows()  # the per-row reference of every fast extractor


def _read(extract: Any, data: Any, one_by_one: bool) -> tuple[dict[str, pd.DataFrame], Any]:
    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("x.zip", "facebook", "dyi", "json", "facebook-2024"))
    ctx = LoadContext(progress=lambda f, label: None, cancel=CancelToken(), tr=translator("en"))
    reader = MetaReader(cast(Any, None), sink, ctx)
    member = SimpleNamespace(path="x/file.json", name="file.json")
    with contextlib.ExitStack() as stack:
        if one_by_one:
            for module in (meta_fb_activity, meta_fb_json, meta_ig_json):  # fast extractors
                stack.enter_context(mock.patch.object(module, "add_fast", _rows_only))
        reader.run(cast(Any, member), lambda m: data, extract)
    return builder.build().tables, (sink.info.warnings, sink.info.tables, reader.newest)


def _smd(**pairs: Any) -> dict[str, Any]:
    return {k: {"value": v, "href": "", "timestamp": t} for k, (v, t) in pairs.items()}


CASES = [
    (logins, {"account_accesses_v2": [
        {"action": "Log in", "timestamp": 1_600_000_000, "ip_address": " 10.0.0.1 "},
        {"action": "Disconnessione", "timestamp": 0, "ip_address": None}, "odd", {}]}),
    (logins, {"account_accesses_v2": [
        {"action": "Log in", "timestamp": 1_600_000_000},
        {"action": ["not", "hashable"], "timestamp": 5}, {"action": "Log out"}]}),
    (sessions, {"active_sessions_v2": [
        {"created_timestamp": 1_600_000_000, "updated_timestamp": 1_600_000_500,
         "ip_address": "1.2.3.4", "user_agent": "UA", "device": "Pixel", "location": "Roma"},
        {"created_timestamp": "1600000000", "device": 7}]}),
    (off_meta, {"off_facebook_activity_v2": [
        {"name": "Caff\u00e8 App ", "events": [{"type": "PURCHASE", "timestamp": 1_600_000_000},
                                             {"type": None}, 3]},
        {"name": "Empty", "events": []}, {"name": "Bad", "events": 5}]}),
    (address_book, {"address_book_v2": {"address_book": [
        {"name": "Anna", "details": [{"contact_point": "+39 333 1234567"},
                                     {"contact_point": "Anna@Example.org"}],
         "created_timestamp": 1_600_000_000},
        {"name": "Bob", "details": []},
        {"name": "Carl", "details": [{"extra_data": {"phone_number": "333 765 4321"}}]},
        {"name": "Dan", "details": [{"contact_point": 12}]}, "broken"]}}),
    (synced_contacts, {"contacts_contact_info": [
        {"string_map_data": _smd(**{"First Name": ("Giulia", 0), "Last Name": ("Rossi", 0),
                                    "Contact Information": ("+39 333 000", 0),
                                    "Imported time": ("", 1_600_000_000)})},
        {"title": "T", "string_map_data": {"Nome": {"value": "N"}, "Recapito": "x"}},
        {"label_values": [{"label": "Contact", "value": "a@b.it"}]}]}),
    (ig_logins("login", "account_history_login_history"), {"account_history_login_history": [
        {"title": "2024-01-02T03:04:05+00:00", "string_map_data": _smd(
            **{"IP Address": ("1.1.1.1", 0), "User Agent": ("IG", 0)})},
        {"string_map_data": _smd(**{"Ora": ("", 1_700_000_000), "Dispositivo": ("P", 0)})},
        {"timestamp": 1_500_000_000, "string_map_data": {"Time": 5}}]}),
]  # fmt: skip


CASES += [
    (name_list("friends", "friends_v2"), {"friends_v2": [
        {"name": " Caff\u00e8 ", "timestamp": 1_600_000_000}, "Plain Name", {"title": "T"},
        7, {"name": None, "timestamp": "x"}]}),
    (name_list("friends", "friends_v2"), {"friends_v2": [{"name": "A"}, {"name": ["x"]}]}),
    (relations("followers", "relationships_followers"), [
        {"string_list_data": [{"value": "anna", "href": "https://x/anna", "timestamp": 5}]},
        {"title": "bob", "string_list_data": []},
        {"string_list_data": [{"href": "https://www.instagram.com/carl/"}, "odd"]},
        {"string_list_data": [{}]}]),
    (relations("following", "relationships_following"), {"relationships_following": [
        {"string_list_data": [{"value": "a"}]}, {"string_list_data": [{"href": 5}]}]}),
]  # fmt: skip


@pytest.mark.parametrize(("extract", "data"), CASES)
def test_columns_equal_rows_one_by_one(extract: Any, data: Any) -> None:
    fast, fast_info = _read(extract, data, one_by_one=False)
    slow, slow_info = _read(extract, data, one_by_one=True)
    assert fast_info == slow_info
    for table, frame in slow.items():
        pd.testing.assert_frame_equal(fast[table], frame, check_exact=True)
    assert sum(len(f) for f in fast.values()) > 0


def test_an_odd_entry_keeps_the_rows_before_it_and_warns() -> None:
    tables, (warnings, counts, _) = _read(*CASES[1], one_by_one=False)
    assert counts == {"activity": 1}
    assert tables["activity"]["kind"].tolist() == ["login"]
    assert len(warnings) == 1
