"""Shared Meta helpers: mojibake, dates, labels, generic structures, HTML records."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.detect import detect
from privacy_audit.sources.meta.facebook import specs as facebook
from privacy_audit.sources.meta.html import page_records
from privacy_audit.sources.meta.instagram import specs as instagram
from privacy_audit.sources.meta.labels import advertiser_relation, is_label, login_kind, on_off
from privacy_audit.sources.meta.reader import (
    export_date_from_name,
    flatten_label_values,
    label_records,
    lv_time,
    lv_value,
    seconds,
    smd_get,
    string_list,
)
from privacy_audit.sources.text import fix_mojibake, fix_tree, loads_meta, parse_html
from privacy_audit.sources.text import parse_text_date as when

from . import meta_builders as mb


def test_mojibake_repair() -> None:
    assert fix_mojibake("K\u00c3\u00b8benhavn") == "København"
    assert fix_mojibake("\u00f0\u009f\u0098\u0082") == "😂"
    assert fix_mojibake("Müller") == "Müller"  # already clean: kept (not valid as mojibake)
    assert fix_mojibake("plain") == "plain"
    assert fix_mojibake("日本") == "日本"  # beyond Latin-1: kept
    doc = fix_tree({"Fu\u00c3\u009fball": ["Gr\u00c3\u00bc\u00c3\u009fe", {"k": "\u00c3\u00a8"}]})
    assert doc == {"Fußball": ["Grüße", {"k": "è"}]}
    assert loads_meta(b'\xef\xbb\xbf{"a": "\\u00c3\\u00a4"}') == {"a": "ä"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 14, 2023 10:13:20 pm", datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("Oct 19, 2025 12:47:55 am", datetime(2025, 10, 19, 0, 47, 55, tzinfo=UTC)),
        ("14 nov 2023, 22:13", datetime(2023, 11, 14, 22, 13, tzinfo=UTC)),
        ("14 novembre 2023 alle ore 22:13", datetime(2023, 11, 14, 22, 13, tzinfo=UTC)),
        ("14. November 2023 um 22:13", datetime(2023, 11, 14, 22, 13, tzinfo=UTC)),
        ("14 de noviembre de 2023, 10:13 p. m.", datetime(2023, 11, 14, 22, 13, tzinfo=UTC)),
        ("14 févr. 2023 à 22h13", datetime(2023, 2, 14, 22, 13, tzinfo=UTC)),
        ("14 mrt 2023 22:13", datetime(2023, 3, 14, 22, 13, tzinfo=UTC)),
        ("2023-11-14T22:13:20+00:00", datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("14.11.2023 22:13", datetime(2023, 11, 14, 22, 13, tzinfo=UTC)),
    ],
)
def test_text_dates_in_many_languages(text: str, expected: datetime) -> None:
    assert when(text) == expected


def test_instagram_dates_are_utc_minus_8() -> None:
    assert when("Aug 09, 2026 9:49 am", -8) == datetime(2026, 8, 9, 17, 49, tzinfo=UTC)
    assert when("") is None and when("no date here") is None and when("Feb 30, 2023") is None


def test_timestamps() -> None:
    assert seconds(1700000000) == 1700000000
    assert seconds("1700000000") == 1700000000
    assert seconds(0) is None and seconds(-5) is None and seconds(True) is None
    assert seconds(17011949123456789) is None  # redacted garbage
    assert seconds({"x": 1}) is None


def test_labels_in_six_languages() -> None:
    for label in (
        "Email",
        "Indirizzo e-mail",
        "E-Mail-Adresse",
        "Correo electrónico",
        "Adresse e-mail",
        "E-mailadres",
    ):
        assert is_label(label, "email"), label
    for label in (
        "Phone number",
        "Numero di telefono",
        "Telefonnummer",
        "Número de teléfono",
        "Numéro de téléphone",
        "Telefoonnummer",
    ):
        assert is_label(label, "phone"), label
    assert is_label("  IP ADDRESS: ", "ip") and not is_label("IP Address", "email")
    actions = {
        "Login": "login",
        "Log Out": "logout",
        "Anmelden": "login",
        "Abmelden": "logout",
        "Accesso": "login",
        "Disconnessione": "logout",
        "Iniciar sesión": "login",
        "Cerrar sesión": "logout",
        "Connexion": "login",
        "Déconnexion": "logout",
        "Inloggen": "login",
        "Uitloggen": "logout",
        "Password change": None,
    }
    assert {a: login_kind(a) for a in actions} == actions
    assert [on_off(v) for v in ("True", "Attivo", "Aus", "désactivé", "maybe")] == [
        "on",
        "on",
        "off",
        "off",
        None,
    ]
    assert advertiser_relation("A list uploaded or used by the advertiser") == "uploaded_list"
    assert advertiser_relation("Un elenco caricato o usato dall'inserzionista") == "uploaded_list"
    assert advertiser_relation("Interazioni con il sito web o l'app") == "used_activity"
    assert advertiser_relation("Your activity on their app") == "used_activity"


def test_label_values_structures() -> None:
    items = [
        {"label": "Zeitzone", "value": "Europe/Berlin"},
        {"label": "URL", "href": "https://example.com"},
        {"label": "Zeitpunkt", "timestamp_value": 1702744686},
        {"label": "Friends", "vec": [{"value": "Alina"}, {"value": "Bo"}]},
        {
            "label": "Events",
            "vec": [
                {
                    "dict": [
                        {"label": "ID", "value": "1"},
                        {"label": "Evento", "value": "PAGE_VIEW"},
                        {"label": "Ricevuto il", "timestamp_value": 1700000000},
                    ]
                }
            ],
        },
        {"title": "Owner", "dict": [{"dict": [{"label": "Name", "value": "Shop"}], "title": ""}]},
    ]
    leaves = list(flatten_label_values(items))
    assert [leaf.value or leaf.href or leaf.ts for leaf in leaves] == [
        "Europe/Berlin",
        "https://example.com",
        1702744686,
        "Alina",
        "Bo",
        "1",
        "PAGE_VIEW",
        1700000000,
        "Shop",
    ]
    assert leaves[3].path == ("Friends",) and leaves[-1].path == ("Owner", "Name")
    (event,) = [rec for rec in label_records(items) if lv_value(rec, "event")]
    assert lv_value(event, "event") == "PAGE_VIEW" and lv_time(event, "received_on") == 1700000000


def test_string_map_and_list() -> None:
    smd = {
        "Indirizzo e-mail": {"href": "", "value": "a@b.it", "timestamp": 0},
        "Link": {"href": "https://x", "value": "", "timestamp": 5},
    }
    assert smd_get(smd, "email") == "a@b.it" and smd_get(smd, "phone") is None
    rec = {"string_list_data": [{"href": "h", "value": "v", "timestamp": 1700000000}, "junk"]}
    assert string_list(rec) == [("v", "h", 1700000000)]
    assert string_list("not a record") == []


def test_export_date_from_names() -> None:
    assert export_date_from_name(["facebook-x-2024-05-14-ab12cd.zip"]) == datetime(
        2024, 5, 14, tzinfo=UTC
    )
    assert export_date_from_name(["jdoe_20220102.zip"]) == datetime(2022, 1, 2, tzinfo=UTC)
    assert export_date_from_name(["facebook_data_marcia_2023_12_20"]).year == 2023
    assert export_date_from_name(["export.zip"]) is None


def test_html_records_tables_nested_and_lines() -> None:
    page = """<html><body><main>
    <section class="_a6-g"><h2 class="_a6-h">Luca Rossi</h2>
      <div class="_a6-p"><table><tr><td class="_a6_q">IP Address</td><td>93.45.12.7</td></tr>
      <tr><td colspan="2">Contact points<div><div>+39 328 111</div></div>
      <div><div>l@x.it</div></div></td></tr></table></div>
      <footer><div class="_a72d">Nov 14, 2023 10:13:20 pm</div></footer></section>
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><h2>Login</h2>
      <div class="_3-95 _a6-p"><div><div>Indirizzo IP: 2a01:e11::7</div>
      <div>Chrome</div></div></div>
      <div class="_3-94 _a6-o">14 nov 2023, 22:13</div></div>
    </main></body></html>"""
    first, second = page_records(parse_html(page.encode()))
    assert first.title == "Luca Rossi" and first.get("ip") == "93.45.12.7"
    assert [v for label, v in first.fields if label == "Contact points"] == [
        "+39 328 111",
        "l@x.it",
    ]
    assert first.time() == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert second.get("ip") == "2a01:e11::7" and ("", "Chrome") in second.fields
    assert second.time() == datetime(2023, 11, 14, 22, 13, tzinfo=UTC)


@pytest.mark.parametrize("lang_labels", ["it", "de"])
def test_localised_instagram_labels(tmp_path: Path, lang_labels: str) -> None:
    labels = {
        "it": (
            "Indirizzo e-mail",
            "Nome utente",
            "Nome",
            "Cognome",
            "Informazioni di contatto",
            "Sincronizzazione dei contatti",
            "Vero",
        ),
        "de": (
            "E-Mail-Adresse",
            "Benutzername",
            "Vorname",
            "Nachname",
            "Kontaktinformationen",
            "Kontaktsynchronisierung",
            "An",
        ),
    }[lang_labels]
    email, user, first, last, info, sync, true = labels
    sm = lambda **kv: {k: {"href": "", "value": v, "timestamp": 0} for k, v in kv.items()}  # noqa: E731
    extra = {
        "personal_information/personal_information/personal_information.json": {
            "profile_user": [{"string_map_data": sm(**{email: "z@x.it", user: "zz"})}]
        },
        "personal_information/personal_information/account_information.json": {
            "profile_account_insights": [{"string_map_data": sm(**{sync: true})}]
        },
        "connections/contacts/synced_contacts.json": {
            "contacts_contact_info": [
                {"string_map_data": sm(**{first: "Gianni", last: "Bö", info: "3331112222"})}
            ]
        },
    }
    path = mb.build_instagram_export(tmp_path, extra_files=extra, wrapper=False)
    ev = load_evidence([path])
    ids = set(zip(ev.identifiers.kind, ev.identifiers.value, strict=True))
    assert {("email", "z@x.it"), ("username", "zz")} <= ids
    synced = ev.contacts[ev.contacts.origin == "synced_contacts"]
    assert list(synced.name) == ["Gianni Bö"] and list(synced.phone_raw) == ["3331112222"]
    assert ("contact_syncing", "on") in set(zip(ev.settings.key, ev.settings.value, strict=True))


def test_mixed_json_and_html(tmp_path: Path) -> None:
    html_only = mb.build_facebook_export(tmp_path / "h", fmt="html", zipped=False, wrapper=False)
    extra = {
        p.relative_to(html_only).as_posix(): p.read_bytes()
        for p in html_only.rglob("*.html")
        if "logins" in p.name
    }
    path = mb.build_facebook_export(tmp_path / "m", extra_files=extra, wrapper=False)
    with ExportArchive([path]) as archive:
        assert detect(archive).format == "mixed"
    ev = load_evidence([path])
    assert ev.sources[0].format == "mixed" and ev.sources[0].warnings == []
    assert len(ev.messages) == mb.N_MESSAGES


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2**62) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "profile_v2",
                    "friends_v2",
                    "label_values",
                    "vec",
                    "dict",
                    "name",
                    "events",
                    "timestamp",
                    "string_map_data",
                    "messages",
                    "participants",
                    "value",
                    "label",
                    "off_facebook_activity_v2",
                    "linked_accounts",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)
_FB_NAMES = sorted({n for spec in facebook.JSON_SPECS for n in spec.names})
_IG_NAMES = sorted({n for spec in instagram.JSON_SPECS for n in spec.names if "_" not in n[-7:]})


def _write_all(root: Path, names: list[str], data: bytes) -> None:
    for index, name in enumerate(names):
        (root / f"d{index}").mkdir(parents=True)
        (root / f"d{index}" / name).write_bytes(data)
    thread = root / "messages" / "inbox" / "x_1"
    thread.mkdir(parents=True)
    (thread / ("message_1" + Path(names[0]).suffix)).write_bytes(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=_json, service=st.sampled_from(["facebook", "instagram"]))
def test_any_json_in_known_files_never_crashes(doc: object, service: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "export"
        _write_all(
            root, _FB_NAMES if service == "facebook" else _IG_NAMES, json.dumps(doc).encode()
        )
        ev = load_evidence([root])
        assert [s.service for s in ev.sources] == [service]


_PAGES = [
    b"",
    b"\x00\xff\xfe garbage",
    b"<html><body><p>nothing</p></body></html>",
    b"<section class='_a6-g'></section><section class='_a6-g'><h2></h2><table><tr><td></td>"
    b"</tr><tr><td>IP Address</td><td><div></div></td></tr></table><footer>32 Foo 99999 99:99"
    b"</footer><a href='../../../etc/passwd.html'>x</a></section>",
    b"<div class='_a6-g'><h2>Login</h2><div class='_a6-p'><div>IP Address:</div></div></div>",
]


@pytest.mark.parametrize("service", ["facebook", "instagram"])
@pytest.mark.parametrize("content", _PAGES)
def test_odd_html_pages_never_crash(tmp_path: Path, service: str, content: bytes) -> None:
    names = _FB_NAMES if service == "facebook" else _IG_NAMES
    root = tmp_path / "export"
    _write_all(root, [n.replace(".json", ".html") for n in names], content)
    (root / "start_here.html").write_bytes(b"<html></html>")
    ev = load_evidence([root])
    (source,) = ev.sources
    assert (source.service, source.format) == (service, "html")


def test_fast_repair_matches_string_repair() -> None:
    cases = [
        '{"K\\u00c3\\u00b8": ["F\\u00c3\\u00a4hrhaus", "\\u00f0\\u009f\\u0098\\u0082"]}',
        '{"a": "caf\\u00e9", "b": "\\u00c3\\u00a8"}',  # clean escape: string by string
        '{"a": "\\\\u00c3\\u00a8"}',  # an escaped backslash is not an escape
        '{"a": "M\u00fcller"}',  # raw UTF-8, already clean
        '["plain", 1, null]',
        '{"url": "https:\\/\\/x.it\\/a", "t": "a\\tb"}',  # escapes, none of \u00XX
        '{"a": "\\u00e8 \\/"}',  # \u00XX after other escapes
    ]
    for case in cases:
        data = case.encode("utf-8")
        assert loads_meta(data) == fix_tree(json.loads(data)), case
    assert loads_meta(b'{"a": "caf\\u00e9", "b": "\\u00c3\\u00a8"}') == {"a": "café", "b": "è"}
    with pytest.raises(ValueError):
        loads_meta(b'{"a": "\\u00c3\\u00a8"')


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=20))
def test_round_trip_of_meta_escaping(text: str) -> None:
    written = json.dumps(mb.mojibake({text: [text]}), ensure_ascii=True).encode()
    assert loads_meta(written) == {text: [text]}
    if text.isascii():
        assert loads_meta(json.dumps(text).encode()) == text


@pytest.mark.parametrize("page", [b"", b"   ", b"<!-- only a comment -->"])
def test_unparseable_html_is_a_value_error(page: bytes) -> None:
    with pytest.raises(ValueError):
        parse_html(page)


def test_seconds_with_a_superscript_digit_is_none() -> None:
    """str.isdigit() accepts "²" but int() does not: such a value is no time, not a bug."""
    from privacy_audit.sources.meta.reader import seconds

    assert seconds("²") is None and seconds("17²") is None
    assert seconds("1700000000") == 1_700_000_000  # control
