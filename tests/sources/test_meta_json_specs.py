"""The Meta JSON files read by field specs since the hand-written readers went (issue 11):
what each shape gives, one warning naming file and key for a file of another shape, and
a bug in our code raising instead of becoming a warning (with its control)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from privacy_audit.model import Evidence
from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.meta import extract, identifiers, locate

from . import meta_builders as mb

T0 = 1_600_000_000


def _facebook(tmp_path: Path, name: str, doc: Any) -> Evidence:
    path = mb.build_facebook_export(tmp_path, "2024", extra_files={f"extra/{name}": doc})
    return load_evidence([path])


def _instagram(tmp_path: Path, name: str, doc: Any) -> Evidence:
    path = mb.build_instagram_export(tmp_path, "2023", extra_files={f"extra/{name}": doc})
    return load_evidence([path])


def _of(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    return frame[frame.source_file.str.endswith(f"extra/{name}")]


def _pairs(frame: pd.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    """The rows' values of ``columns`` (a missing value as None)."""
    part = frame[list(columns)].astype(object)
    return list(part.where(part.notna(), None).itertuples(index=False, name=None))


def _warnings(ev: Evidence) -> list[str]:
    return [w for s in ev.sources for w in s.warnings]


def test_activity_history_gives_a_day_per_app(tmp_path: Path) -> None:
    doc = {"last_activity_v2": {"last_activity_time": {
        "Website": {"activity_by_day": [T0, T0 + 86400]},
        "Facebook app": {"activity_by_day": [str(T0)]},
        "Lite": {},
    }}}  # fmt: skip
    ev = _facebook(tmp_path, "your_facebook_activity_history.json", doc)
    days = _of(ev.activity, "your_facebook_activity_history.json")
    assert set(days.kind) == {"active_day"}
    assert _pairs(days, "user_agent") == [("Website",), ("Website",), ("Facebook app",)]
    assert days.timestamp.iloc[1] == pd.Timestamp(T0 + 86400, unit="s", tz="UTC")
    assert _warnings(ev) == []


def test_off_meta_settings_keep_values_times_and_headings(tmp_path: Path) -> None:
    doc = {"label_values": [
        {"label": "Status der Kontozuordnung"},
        {"label": "Future activity", "value": "On"},
        {"label": "Cleared", "timestamp_value": T0},
        {"label": "Group", "vec": [{"value": "x"}]},
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "your_activity_off_meta_technologies_settings.json", doc)
    settings = _of(ev.settings, "your_activity_off_meta_technologies_settings.json")
    assert _pairs(settings, "key", "value") == [
        ("off_meta.Future activity", "On"),
        ("off_meta.Cleared", str(T0)),
        ("off_meta.Group", "x"),
        ("off_meta.Status der Kontozuordnung", None),
    ]


def test_contact_upload_settings_and_their_two_factor_field(tmp_path: Path) -> None:
    doc = {"label_values": [
        {"label": "Continuous contact upload", "value": "Attivo"},
        {"label": "Note", "value": "free text"},
        {"label": "Two-factor authentication", "value": "Off"},
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "contacts_sync_settings.json", doc)
    settings = _of(ev.settings, "contacts_sync_settings.json")
    assert _pairs(settings, "key", "value") == [
        ("contact_upload", "on"),
        ("contacts.Note", "free text"),
        ("contact_upload", "off"),
        ("two_factor", "off"),
    ]


def test_record_details_give_account_changes_and_the_new_identifiers(tmp_path: Path) -> None:
    doc = {"admin_records_v2": [
        {"session": {"created_timestamp": T0, "ip_address": "1.2.3.4", "user_agent": "UA"},
         "extra_info": {"new_number": "+39 333 999 8888"}},
        {"extra_info": {"new_email": "New@Example.org", "new_number": "not a number"}},
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "record_details.json", doc)
    changes = _of(ev.activity, "record_details.json")
    assert _pairs(changes, "kind", "ip", "user_agent") == [
        ("account_change", "1.2.3.4", "UA"),
        ("account_change", None, None),
    ]
    ids = _of(ev.identifiers, "record_details.json")
    assert _pairs(ids, "kind", "raw") == [
        ("phone", "+39 333 999 8888"),
        ("email", "New@Example.org"),
    ]
    assert ids.value.iloc[1] == "new@example.org"


def test_verified_contacts_are_told_apart_by_how_they_are_written(tmp_path: Path) -> None:
    doc = {"contact_verifications_v2": [
        {"contact": "a@example.org"}, {"contact": "+39 333 222 3333"}, {"contact": "nope"},
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "email_address_verifications.json", doc)
    ids = _of(ev.identifiers, "email_address_verifications.json")
    assert _pairs(ids, "kind", "raw") == [("email", "a@example.org"), ("phone", "+39 333 222 3333")]


def test_profile_label_values_one_kind_per_field(tmp_path: Path) -> None:
    doc = {"label_values": [
        {"label": "Name", "value": "Zoe F"},
        {"label": "Phone numbers", "vec": [{"value": "+39 333 1112223"}]},
        {"label": "Nome utente", "value": "zoe@example.org"},
        {"label": "Username", "value": "+39 333 4445556"},
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "profile_information.json", doc)
    ids = _of(ev.identifiers, "profile_information.json")
    assert _pairs(ids, "kind", "raw") == [
        ("name", "Zoe F"),
        ("phone", "+39 333 1112223"),
        ("email", "zoe@example.org"),  # an e-mail wherever it is
        ("username", "+39 333 4445556"),  # a number under a label that is not a phone's
    ]


def test_instagram_account_information_gives_settings_and_activity(tmp_path: Path) -> None:
    doc = {"profile_account_insights": [{"string_map_data": {
        "Contact Syncing": {"value": "Enabled"},
        "Two-Factor Authentication": {"value": "Something else"},
        "Last Login": {"timestamp": T0},
        "Last Logout": {"timestamp": 0},
    }}]}  # fmt: skip
    ev = _instagram(tmp_path, "account_information.json", doc)
    settings = _of(ev.settings, "account_information.json")
    assert _pairs(settings, "key", "value") == [
        ("contact_syncing", "on"),
        ("two_factor", "Something else"),
    ]
    assert _pairs(_of(ev.activity, "account_information.json"), "kind") == [("last_login",)]


def test_instagram_signup_gives_registration_and_identifiers(tmp_path: Path) -> None:
    doc = {"account_history_registration_info": [{"title": "", "string_map_data": {
        "Email": {"value": "Z@example.org"}, "Phone Number": {"value": "+39 333 5556667"},
        "Username": {"value": "zz"}, "IP Address": {"value": "1.1.1.1"},
        "Time": {"timestamp": T0}, "Device": {"value": "iPhone"},
    }}]}  # fmt: skip
    ev = _instagram(tmp_path, "signup_information.json", doc)
    signup = _of(ev.activity, "signup_information.json")
    assert _pairs(signup, "kind", "ip", "device") == [("registration", "1.1.1.1", "iPhone")]
    ids = _of(ev.identifiers, "signup_information.json")
    assert _pairs(ids, "kind", "raw") == [
        ("email", "Z@example.org"),
        ("phone", "+39 333 5556667"),
        ("username", "zz"),
    ]


def test_an_advertiser_gives_a_row_per_relation_in_record_order(tmp_path: Path) -> None:
    doc = {"custom_audiences_all_types_v2": [
        {"advertiser_name": "Both", "has_data_file_custom_audience": True,
         "has_remarketing_custom_audience": True},
        {"advertiser_name": "List", "has_data_file_custom_audience": True},
        {"name": "Store", "has_data_file_custom_audience": False,
         "has_in_person_store_visit": True},
        7,
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "advertisers_using_your_activity_or_information.json", doc)
    rows = _of(ev.advertisers, "advertisers_using_your_activity_or_information.json")
    assert _pairs(rows, "name", "relation") == [
        ("Both", "uploaded_list"),
        ("Both", "used_activity"),
        ("List", "uploaded_list"),
        ("Store", "used_activity"),
    ]
    assert _warnings(ev) == [  # read by two shapes, counted once
        "1 record of advertisers_using_your_activity_or_information.json is not of the "
        "expected type and was skipped."
    ]


def test_listed_advertisers_take_the_relation_of_their_file(tmp_path: Path) -> None:
    name = "advertisers_who_uploaded_a_contact_list_with_your_information.json"
    ev = _facebook(tmp_path / "a", name, {"custom_audiences": ["Shop A", "Shop B"]})
    assert _pairs(_of(ev.advertisers, name), "name", "relation") == [
        ("Shop A", "uploaded_list"),
        ("Shop B", "uploaded_list"),
    ]
    doc = {"custom_audiences_v2": [{"advertiser_name": "U", "has_data_file_custom_audience": 0}]}
    ev = _facebook(tmp_path / "b", name, doc)
    assert _pairs(_of(ev.advertisers, name), "name", "relation") == [
        ("U", "uploaded_list"),
        ("U", "used_activity"),
    ]


def test_advertiser_lists_titled_by_relation(tmp_path: Path) -> None:
    doc = {"label_values": [
        {"label": "Elenco caricato dall'inserzionista", "vec": [{"value": "L1"}]},
        {"title": "Your activity on their app or website", "vec": [{"value": "W1"}]},
        {"vec": [{"value": "Untitled"}, {"href": "https://example.org"}]},
    ]}  # fmt: skip
    ev = _facebook(tmp_path, "advertisers_using_your_activity_or_information.json", doc)
    rows = _of(ev.advertisers, "advertisers_using_your_activity_or_information.json")
    assert _pairs(rows, "name", "relation") == [
        ("L1", "uploaded_list"),
        ("W1", "used_activity"),
        ("Untitled", "used_activity"),
    ]


def test_ads_clicked_are_named_by_title_else_by_what_is_not_the_action(tmp_path: Path) -> None:
    doc = {"history_v2": [
        {"title": "T1", "action": "Clicked ad", "timestamp": T0},
        {"label_values": [{"label": "Azione", "value": "Clic"},
                          {"label": "Titolo", "value": "T2"}]},
        {"label_values": [{"label": "Action", "value": "Clicked"}, {"label": "Ad", "value": "T3"}]},
        {"title": ""},
    ]}  # fmt: skip
    ev = _facebook(tmp_path / "a", "advertisers_you've_interacted_with.json", doc)
    rows = _of(ev.advertisers, "advertisers_you've_interacted_with.json")
    assert _pairs(rows, "name", "relation") == [
        ("T1", "interacted"),
        ("T2", "interacted"),
        ("T3", "interacted"),
    ]
    doc = {
        "label_values": [{"label": "Action", "value": "Clicked"}, {"label": "Ad", "value": "A1"}]
    }
    ev = _facebook(tmp_path / "b", "advertisers_you've_interacted_with.json", doc)
    rows = _of(ev.advertisers, "advertisers_you've_interacted_with.json")
    assert _pairs(rows, "name") == [("A1",)]


@pytest.mark.parametrize(
    ("name", "doc", "where"),
    [
        ("profile_information.json", {"profile_v2": [1, 2]}, "profile_v2"),
        (
            "autofill_information.json",
            {"autofill_information_v2": ["x"]},
            "autofill_information_v2",
        ),
        (
            "your_facebook_activity_history.json",
            {"last_activity_v2": {"last_activity_time": [T0]}},
            "last_activity_v2.last_activity_time",
        ),
        ("record_details.json", {"admin_records_v2": "x"}, "admin_records_v2"),
        ("call_logs.json", {"call_logs": ["x"]}, "call_logs"),
    ],
)
def test_a_file_of_another_shape_is_one_warning_naming_file_and_key(
    tmp_path: Path, name: str, doc: Any, where: str
) -> None:
    ev = _facebook(tmp_path, name, doc)
    assert _warnings(ev) == [
        f"{name} has an unexpected structure at '{where}'; part of it was skipped."
    ]


def test_a_file_without_any_known_root_is_one_warning(tmp_path: Path) -> None:
    ev = _facebook(tmp_path, "contacts_sync_settings.json", {"something": 1})
    assert _warnings(ev) == [
        "contacts_sync_settings.json has an unexpected structure; part of it was skipped."
    ]


_VERIFIED = {"contact_verifications_v2": [{"contact": "a@example.org"}]}
_CALLS = {"call_logs": {"+39 333 1112223": [{"contact_name": "A", "start_timestamp": T0}]}}
_TWO_FACTOR = {"label_values": [{"label": "Two-factor authentication", "value": "Off"}]}


def _plant(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    def bug(*args: Any) -> Any:
        raise KeyError("a bug in our code")

    monkeypatch.setattr(module, name, bug)


def test_control_the_files_read_without_the_planted_bugs(tmp_path: Path) -> None:
    ev = _facebook(tmp_path / "a", "email_address_verifications.json", _VERIFIED)
    assert len(_of(ev.identifiers, "email_address_verifications.json")) == 1
    ev = _facebook(tmp_path / "b", "call_logs.json", _CALLS)
    assert _pairs(_of(ev.contacts, "call_logs.json"), "name", "phone_raw") == [
        ("A", "+39 333 1112223")
    ]
    assert _warnings(ev) == []
    ev = _facebook(tmp_path / "c", "two-factor_authentication.json", _TWO_FACTOR)
    assert _pairs(_of(ev.settings, "two-factor_authentication.json"), "key", "value") == [
        ("two_factor", "off")
    ]


def test_a_bug_in_a_spec_getter_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _plant(monkeypatch, extract, "_key")
    with pytest.raises(KeyError, match="a bug in our code"):
        _facebook(tmp_path, "email_address_verifications.json", _VERIFIED)


def test_a_bug_in_the_identifier_rows_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plant(monkeypatch, identifiers, "contact_kind")
    with pytest.raises(KeyError, match="a bug in our code"):
        _facebook(tmp_path, "email_address_verifications.json", _VERIFIED)


@pytest.mark.parametrize(
    ("planted", "name", "doc"),
    [
        ("_one", "call_logs.json", _CALLS),
        ("label_values_of", "two-factor_authentication.json", _TWO_FACTOR),
    ],
)
def test_a_bug_in_a_spec_locator_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: str, name: str, doc: Any
) -> None:
    _plant(monkeypatch, locate, planted)
    with pytest.raises(KeyError, match="a bug in our code"):
        _facebook(tmp_path, name, doc)


@pytest.mark.parametrize(
    ("doc", "state"),
    [
        # the value labelled two-factor wins over an earlier on/off value
        (
            {
                "label_values": [
                    {"label": "Login alerts", "value": "On"},
                    {"label": "Autenticazione a due fattori", "value": "Disattivata"},
                ]
            },
            "off",
        ),
        # no two-factor label: the first on/off value
        (
            {"label_values": [{"label": "Method", "value": "App"}, {"label": "S", "value": "Off"}]},
            "off",
        ),
        # only the methods listed (Meta lists them when 2FA is on)
        ({"label_values": [{"label": "Method", "value": "Authentication app"}]}, "on"),
        # an older document of another shape that lists anything
        ({"two_factor_authentication_v2": {"methods": ["sms"]}}, "on"),
        # a document that lists nothing: no row
        ({"two_factor_authentication_v2": []}, None),
        ({}, None),
    ],
)
def test_two_factor_state_from_any_document(tmp_path: Path, doc: Any, state: str | None) -> None:
    ev = _facebook(tmp_path, "two-factor_authentication.json", doc)
    rows = _pairs(_of(ev.settings, "two-factor_authentication.json"), "key", "value")
    assert rows == ([("two_factor", state)] if state else [])
    assert _warnings(ev) == []


def test_two_factor_document_that_is_not_a_record_is_one_warning(tmp_path: Path) -> None:
    ev = _facebook(tmp_path, "two-factor_authentication.json", [1, 2])
    assert len(_of(ev.settings, "two-factor_authentication.json")) == 0
    assert _warnings(ev) == [
        "two-factor_authentication.json has an unexpected structure; part of it was skipped."
    ]


def test_call_log_is_one_contact_per_number_first_name_earliest_time(tmp_path: Path) -> None:
    doc = {"call_logs": {
        "+39 333 1112223": [
            {"start_timestamp": T0 + 10},
            {"contact_name": "Anna", "start_timestamp": T0 + 5},
            {"contact_name": "Other", "timestamp": T0},
            "garbage",
        ],
        "+39 333 4445556": "not a list",
    }}  # fmt: skip
    ev = _facebook(tmp_path, "call_logs.json", doc)
    rows = _of(ev.contacts, "call_logs.json")
    assert _pairs(rows, "origin", "phone_raw", "name") == [
        ("call_log", "+39 333 1112223", "Anna"),
        ("call_log", "+39 333 4445556", None),
    ]
    assert rows.created_at.iloc[0] == pd.Timestamp(T0, unit="s", tz="UTC")
    assert pd.isna(rows.created_at.iloc[1])
    assert _warnings(ev) == []


def test_message_log_reads_sms_and_mms_numbers(tmp_path: Path) -> None:
    doc = {"message_logs": {
        "sms_logs": {"+39 333 1112223": [{"contact_name": "Anna", "timestamp": T0}]},
        "mms_logs": {"+39 333 4445556": [{"timestamp": T0 + 1}]},
    }}  # fmt: skip
    ev = _facebook(tmp_path, "message_logs.json", doc)
    assert _pairs(_of(ev.contacts, "message_logs.json"), "origin", "phone_raw", "name") == [
        ("sms_log", "+39 333 1112223", "Anna"),
        ("sms_log", "+39 333 4445556", None),
    ]
    assert _warnings(ev) == []


def test_message_log_of_another_shape_is_one_warning_naming_the_key(tmp_path: Path) -> None:
    ev = _facebook(tmp_path, "message_logs.json", {"message_logs": {"sms_logs": ["x"]}})
    assert len(_of(ev.contacts, "message_logs.json")) == 0
    assert _warnings(ev) == [
        "message_logs.json has an unexpected structure at 'message_logs.sms_logs'; "
        "part of it was skipped."
    ]
