"""The field-spec engine: every locator, getter and row rule, bad records, and bugs."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.i18n import translator
from privacy_audit.model import EvidenceBuilder, SourceInfo
from privacy_audit.progress import CancelToken
from privacy_audit.sources.base import LoadContext
from privacy_audit.sources.meta.labels import LABELS
from privacy_audit.sources.meta.load import Spec
from privacy_audit.sources.meta.reader import MetaReader, ShapeError, smd_entry
from privacy_audit.sources.meta.records import smd_index
from privacy_audit.sources.meta.spec import (
    LOGIN_KIND,
    SERVICE,
    TEXT,
    TIME,
    Each,
    FileSpec,
    HtmlRecords,
    Keyed,
    LabelLeaves,
    LabelRecords,
    MapRecords,
    Shape,
    const,
    first,
    identifiers,
    in_items,
    item,
    item_time,
    join,
    key,
    label,
    label_time,
    parent,
    title,
)
from privacy_audit.sources.text import parse_html

T0 = 1_600_000_000
ODD = "file.json has an unexpected structure; part of it was skipped."


def _run(extract: Any, data: Any, lang: str = "en") -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Run one file's reader the way the importers do; the tables and the warnings."""
    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("x.zip", "facebook", "dyi", "json", "facebook-2024"))
    ctx = LoadContext(progress=lambda f, label: None, cancel=CancelToken(), tr=translator(lang))
    reader = MetaReader(cast(Any, None), sink, ctx)
    member = SimpleNamespace(path="x/file.json", name="file.json")
    reader.run(cast(Any, member), lambda m: data, *Spec((), extract).reader())
    return builder.build().tables, sink.info.warnings


def _utc(ts: int) -> pd.Timestamp:
    return pd.Timestamp(ts, unit="s", tz="UTC")


LOGINS = FileSpec(
    "activity",
    Shape(
        Keyed("account_accesses_v2", "account_accesses"),
        {
            "kind": first(key("action", conv=LOGIN_KIND), const("login")),
            "timestamp": key("timestamp", conv=TIME),
            "ip": key("ip_address"),
            "location": join(key("place.city"), key("place.country")),
        },
    ),
)


def test_keyed_records_become_columns_with_converted_values() -> None:
    data = {"account_accesses_v2": [
        {"action": "Disconnessione", "timestamp": T0, "ip_address": " 10.0.0.1 ",
         "place": {"city": "Roma", "country": "IT"}},
        {"action": ["odd"], "timestamp": "garbage"},
    ]}  # fmt: skip
    tables, warnings = _run(LOGINS, data)
    frame = tables["activity"]
    assert frame["kind"].tolist() == ["logout", "login"]
    assert frame["timestamp"].iloc[0] == _utc(T0) and pd.isna(frame["timestamp"].iloc[1])
    assert frame["ip"].iloc[0] == "10.0.0.1"
    assert frame["location"].iloc[0] == "Roma, IT"
    assert frame["source_file"].unique().tolist() == ["x/file.json"]
    assert warnings == []


def test_records_of_the_wrong_type_are_counted_in_one_warning() -> None:
    data = {"account_accesses": [{"timestamp": T0}, "odd", 7, None]}
    tables, warnings = _run(LOGINS, data)
    assert len(tables["activity"]) == 1
    assert warnings == ["3 records of file.json are not of the expected type and were skipped."]
    _tables, italian = _run(LOGINS, data, lang="it")
    assert italian == ["3 voci di file.json non sono del tipo atteso e sono state saltate."]


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        ({"something_else": []}, ODD),
        (
            {"account_accesses_v2": "text"},  # the key it differs at is named
            "file.json has an unexpected structure at 'account_accesses_v2'; part of it was "
            "skipped.",
        ),
        (5, ODD),
    ],
)
def test_a_root_of_no_known_shape_is_one_warning(data: Any, warning: str) -> None:
    tables, warnings = _run(LOGINS, data)
    assert tables.get("activity") is None or tables["activity"].empty
    assert warnings == [warning]


def test_a_bug_in_a_spec_raises_instead_of_becoming_a_warning() -> None:
    wrong = FileSpec("activity", Shape(Keyed("account_accesses"), {"ip": item_time()}))
    with pytest.raises(TypeError):
        _run(wrong, {"account_accesses": [{"ip": "1.1.1.1"}]})

    def broken(value: Any) -> Any:
        raise AttributeError("a bug in a converter")

    buggy = FileSpec("activity", Shape(Keyed("account_accesses"), {"ip": key("ip", conv=broken)}))
    with pytest.raises(AttributeError):
        _run(buggy, {"account_accesses": [{"ip": "1.1.1.1"}]})


def test_a_bug_in_a_hand_written_extractor_raises() -> None:
    def buggy(r: Any, data: Any, m: Any) -> None:
        raise AttributeError("a bug")

    with pytest.raises(AttributeError):
        _run(buggy, {"account_accesses": []})


def test_a_hand_written_extractor_names_a_shape_error() -> None:
    def strict(r: Any, data: Any, m: Any) -> None:
        raise ShapeError("not a list", where="account_accesses")

    _tables, warnings = _run(strict, {"account_accesses": {}})
    assert warnings == [
        "file.json has an unexpected structure at 'account_accesses'; part of it was skipped."
    ]


NAMES = FileSpec(
    "contacts",
    Shape(
        Keyed("friends_v2", scalar="name"),
        {"name": key("name", "title"), "created_at": key("timestamp", conv=TIME)},
    ),
    Shape(LabelLeaves(), {"name": item(TEXT), "created_at": item_time()}, require=("name",)),
    const={"origin": "friends"},
)


def test_string_records_and_alternative_keys() -> None:
    data = {"friends_v2": ["Plain Name", {"title": "By Title", "timestamp": T0}]}
    frame = _run(NAMES, data)[0]["contacts"]
    assert frame["name"].tolist() == ["Plain Name", "By Title"]
    assert frame["origin"].unique().tolist() == ["friends"]


def test_the_first_shape_the_file_has_is_read() -> None:
    leaves = [{"value": "Gio", "timestamp_value": T0}, {"value": ""}, {"timestamp_value": T0}]
    data = {"label_values": [{"label": "Amici", "vec": leaves}]}
    frame = _run(NAMES, data)[0]["contacts"]
    assert frame["name"].tolist() == ["Gio"]  # leaves without a value hold no person
    assert frame["created_at"].tolist() == [_utc(T0)]


UPLOADS = FileSpec(
    "contacts",
    Shape(
        LabelRecords(),
        {
            "name": parent(label("name", TEXT)),
            "created_at": parent(label_time("created")),
            "point": item(TEXT),
        },
        each=Each(label="contact_info", or_one=True),
    ),
    const={"origin": "address_book"},
    contact_point="point",
)


def test_label_values_vec_of_dict_in_any_language_one_row_per_contact_point() -> None:
    data = {"label_values": [{"label": "Contatti", "vec": [
        {"dict": [{"label": "Nome", "value": "Eva"},
                  {"label": "Informazioni di contatto", "value": "+39 347 1111111"},
                  {"label": "Contact information", "value": "eva@example.org"},
                  {"label": "Creato", "timestamp_value": T0}]},
        {"dict": [{"label": "Name", "value": "Fede"}]},
    ]}]}  # fmt: skip
    frame = _run(UPLOADS, data)[0]["contacts"]
    assert frame["name"].tolist() == ["Eva", "Eva", "Fede"]
    assert frame["phone_raw"].tolist()[:1] == ["+39 347 1111111"]
    assert frame["email"].iloc[1] == "eva@example.org" and pd.isna(frame["phone_raw"].iloc[1])
    assert frame["created_at"].iloc[0] == _utc(T0) and pd.isna(frame["created_at"].iloc[2])
    assert frame["email"].isna().iloc[2] and frame["phone_raw"].isna().iloc[2]


def test_nested_lists_with_parent_fields_and_where() -> None:
    spec = FileSpec(
        "contacts",
        Shape(
            Keyed("address_book_v2.address_book"),
            {"name": parent(key("name")), "point": key("contact_point")},
            each=Each(key="details", where=key("contact_point"), or_one=True),
        ),
        const={"origin": "address_book"},
        contact_point="point",
    )
    data = {"address_book_v2": {"address_book": [
        {"name": "Anna", "details": [{"contact_point": "a@b.it"}, {"contact_point": " "},
                                     {"contact_point": "333 1234567"}, "odd"]},
        {"name": "Bob"},
    ]}}  # fmt: skip
    frame, warnings = _run(spec, data)
    contacts = frame["contacts"]
    assert contacts["name"].tolist() == ["Anna", "Anna", "Bob"]
    assert contacts["email"].tolist()[0] == "a@b.it"
    assert contacts["phone_raw"].tolist()[1] == "333 1234567"
    assert warnings == ["1 record of file.json is not of the expected type and was skipped."]


def test_string_map_data_records_by_label_and_string_list_items() -> None:
    spec = FileSpec(
        "contacts",
        Shape(
            MapRecords("relationships_followers"),
            {
                "name": first(key("value"), parent(title())),
                "created_at": key("timestamp", conv=TIME),
            },
            each=Each(key="string_list_data", or_one=True),
            require=("name",),
        ),
        const={"origin": "followers"},
    )
    data = [{"string_list_data": [{"value": "anna", "timestamp": T0}]}, {"title": "bob"}, {}]
    frame = _run(spec, data)[0]["contacts"]
    assert frame["name"].tolist() == ["anna", "bob"]
    devices = FileSpec(
        "activity",
        Shape(
            MapRecords("devices_devices"),
            {"timestamp": label_time("last_login"), "device": label("device")},
        ),
        const={"kind": "device"},
    )
    entries = {"Dispositivo": {"value": "Pixel"}, "Last Login": {"value": "", "timestamp": T0}}
    activity = _run(devices, {"devices_devices": [{"string_map_data": entries}]})[0]["activity"]
    assert activity["device"].tolist() == ["Pixel"]
    assert activity["timestamp"].tolist() == [_utc(T0)]


def test_every_shape_reads_records_of_both_kinds_in_one_list() -> None:
    spec = FileSpec(
        "off_platform",
        Shape(Keyed("off"), {"app": key("name")}, lacking="label_values"),
        Shape(Keyed("off"), {"app": key("title")}, having="label_values"),
        every_shape=True,
    )
    frame = _run(spec, {"off": [{"name": "A"}, {"title": "B", "label_values": []}]})[0]
    assert frame["off_platform"]["app"].tolist() == ["A", "B"]


def test_html_label_value_cells_title_and_footer_date() -> None:
    page = (
        '<html><body><section class="_a6-g"><h2>Anna Rossi</h2><table>'
        "<tr><td>Numero di telefono</td><td>+39 333 1234567</td></tr>"
        "<tr><td>Email</td><td>anna@example.org</td></tr></table>"
        '<footer class="_a72d">Sep 13, 2020 12:26:40 pm</footer></section>'
        '<section class="_a6-g"><h2></h2><table><tr><td>Email</td><td>x@y.it</td></tr>'
        "</table></section></body></html>"
    )
    spec = FileSpec(
        "suggestions",
        Shape(
            HtmlRecords(),
            {
                "name": title(),
                "phone_raw": label("phone"),
                "suggested_at": label_time("time"),
            },
            require=("name",),
        ),
        const={"origin": "people_you_may_know"},
    )
    frame = _run(spec, parse_html(page.encode()))[0]["suggestions"]
    assert frame["name"].tolist() == ["Anna Rossi"]
    assert frame["phone_raw"].tolist() == ["+39 333 1234567"]
    assert frame["suggested_at"].tolist() == [pd.Timestamp(datetime.fromtimestamp(T0, UTC))]


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
def test_the_label_index_gives_what_smd_entry_gives(mapping: dict[str, Any]) -> None:
    found = smd_index(mapping)
    for name in LABELS:
        assert found.get(name) is smd_entry(mapping, name), name


def test_identifiers_one_row_per_value_lower_cased_e_mails_each_once() -> None:
    spec = identifiers(
        Shape(
            Keyed("linked"),
            {"email": key("mail"), "username": key("user"), "service": key("app", conv=SERVICE)},
        )
    )
    data = {"linked": [
        {"mail": " Anna@Example.ORG ", "user": "anna", "app": "WhatsApp"},
        {"mail": "anna@example.org", "user": "anna", "app": "WhatsApp"},
        {"mail": None, "user": "anna.r"},
    ]}  # fmt: skip
    frame = _run(spec, data)[0]["identifiers"]
    rows = list(zip(frame["kind"], frame["value"], frame["raw"], frame["service"], strict=True))
    assert rows == [
        ("email", "anna@example.org", "Anna@Example.ORG", "whatsapp"),
        ("username", "anna", "anna", "whatsapp"),
        ("username", "anna.r", "anna.r", "facebook"),  # no owner given: the source's service
    ]
    assert frame["valid"].all()


BY_NUMBER = FileSpec(
    "contacts",
    Shape(
        Keyed("calls", named="number", value="log"),
        {
            "phone_raw": key("number"),
            "name": first(key("log", conv=in_items("who")), key("name")),
            "created_at": key("log", conv=in_items("start", "at", conv=TIME, smallest=True)),
        },
    ),
)


def test_named_records_keep_a_value_that_is_not_a_record_under_value() -> None:
    data = {"calls": {
        "+391": [{"at": T0 + 9}, {"who": "", "start": T0 + 5}, {"who": "Ann", "at": T0 + 7}, 3],
        "+392": {"name": "Bo"},
        "+393": "odd",
    }}  # fmt: skip
    frame = _run(BY_NUMBER, data)[0]["contacts"]
    assert frame["phone_raw"].tolist() == ["+391", "+392", "+393"]
    assert frame["name"].fillna("-").tolist() == ["Ann", "Bo", "-"]
    assert frame["created_at"].tolist()[0] == _utc(T0 + 5)  # the smallest, not the first
    assert frame["created_at"].isna().tolist() == [False, True, True]


def test_in_items_reads_lists_only_and_never_raises() -> None:
    first_name, earliest = in_items("who"), in_items("at", conv=TIME, smallest=True)
    for odd in (None, "x", 3, {"who": "A"}, [None, "x", []]):
        assert first_name(odd) is None
        assert earliest(odd) is None
    assert first_name([{"who": " "}, {"who": 5}]) == "5"  # TEXT: a blank is empty
    assert earliest([{"at": "1700"}, {"at": 1600}, {"at": "soon"}]) == 1600


def _has_list(record: Any) -> str | None:
    return "listed" if any(isinstance(v, list) for v in record.values()) else None


WHOLE = FileSpec(
    "settings",
    Shape(Keyed(one=True), {"key": const("k"), "value": item(_has_list)}, require=("value",)),
)


def test_keyed_one_without_a_path_is_the_root_and_item_is_the_record() -> None:
    assert _run(WHOLE, {"a": [1]})[0]["settings"]["value"].tolist() == ["listed"]
    tables, warnings = _run(WHOLE, {"a": 1})
    assert tables.get("settings") is None or tables["settings"].empty  # item gave None
    assert warnings == []
    assert _run(WHOLE, {})[1] == []  # an empty root: nothing, no warning
    tables, warnings = _run(WHOLE, [{"a": [1]}])
    assert warnings == [ODD]  # a root that is not a record is another shape
