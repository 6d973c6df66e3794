"""The HTML files of Facebook and Instagram, read by field specs: what each shape gives,
one translated warning for a page of an unexpected structure, and a bug in our code
raised, never turned into a warning."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from privacy_audit.i18n import translator
from privacy_audit.model import EvidenceBuilder, SourceInfo
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.meta import html
from privacy_audit.sources.meta.facebook import html_files as fbh
from privacy_audit.sources.meta.facebook import uploads as up
from privacy_audit.sources.meta.facebook.specs import FACEBOOK
from privacy_audit.sources.meta.instagram import html_files as igh
from privacy_audit.sources.meta.instagram.specs import INSTAGRAM
from privacy_audit.sources.meta.load import ServiceFiles, load_meta
from privacy_audit.sources.text import parse_html

from .meta_builders_html import page, section
from .test_meta_spec import _run

NO_RECORDS = "<html><head><title>x</title></head><body><p>Nothing to read</p></body></html>"


def _read(spec: Any, body: str) -> tuple[dict[str, pd.DataFrame], list[str]]:
    return _run(spec, parse_html(body.encode()))


def _utc(*args: int) -> pd.Timestamp:
    return pd.Timestamp(datetime(*args, tzinfo=UTC))  # type: ignore[misc]


def _html_names(files: ServiceFiles) -> list[str]:
    specs, _thread = files.html()
    return [spec.names[0] for spec in specs]


def _load(folder: Path, files: ServiceFiles, lang: str = "en") -> tuple[Any, list[str]]:
    """Read ``folder`` with the HTML readers of ``files`` the way the importer does."""
    specs, threads = files.html()
    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo(str(folder), files.service, "dyi", "html", "x"))
    with ExportArchive([folder]) as archive:
        load_meta(
            archive,
            Detection(files.service, "dyi", "html", "x"),
            sink,
            LoadContext(tr=translator(lang)),
            json_specs=(),
            html_specs=specs,
            threads=None,
            html_threads=threads,
        )
    return builder.build(), sink.info.warnings


# -- one warning for a page of an unexpected structure; a bug raises ------------------
CASES = [(FACEBOOK, n) for n in _html_names(FACEBOOK)] + [
    (INSTAGRAM, n) for n in _html_names(INSTAGRAM)
]
IDS = [f"{files.service}:{name}" for files, name in CASES]


@pytest.mark.parametrize(("files", "name"), CASES, ids=IDS)
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "{file} has an unexpected structure; part of it was skipped."),
        ("it", "{file} ha una struttura inattesa: una parte è stata saltata."),
    ],
)
def test_a_page_without_records_is_one_warning_naming_the_file(
    tmp_path: Path, files: ServiceFiles, name: str, lang: str, text: str
) -> None:
    (tmp_path / name).write_text(NO_RECORDS, encoding="utf-8")
    evidence, warnings = _load(tmp_path, files, lang)
    assert warnings == [text.format(file=name)]
    assert all(frame.empty for frame in evidence.tables.values())


def test_a_thread_page_without_messages_is_one_warning(tmp_path: Path) -> None:
    thread = tmp_path / "messages" / "inbox" / "anna_1" / "message_1.html"
    thread.parent.mkdir(parents=True)
    thread.write_text(NO_RECORDS, encoding="utf-8")
    _evidence, warnings = _load(tmp_path, FACEBOOK)
    assert warnings == ["message_1.html has an unexpected structure; part of it was skipped."]


def _planted_bug(node: Any) -> Any:
    raise TypeError("a bug in our code")


@pytest.mark.parametrize(("files", "name"), CASES, ids=IDS)
def test_a_bug_in_our_code_raises_instead_of_becoming_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: ServiceFiles, name: str
) -> None:
    (tmp_path / name).write_text(
        page("Page", [section("Anna Rossi", rows=[("Email", "anna@example.org")])]),
        encoding="utf-8",
    )
    _load(tmp_path, files)  # the page itself is read without a bug
    monkeypatch.setattr(html, "_record", _planted_bug)
    with pytest.raises(TypeError, match="a bug in our code"):
        _load(tmp_path, files)


def test_a_bug_while_reading_a_thread_page_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    thread = tmp_path / "messages" / "inbox" / "anna_1" / "message_1.html"
    thread.parent.mkdir(parents=True)
    thread.write_text(page("Anna", [section("Anna", date="Jan 2, 2024 1:00:00 pm")]), "utf-8")
    evidence, warnings = _load(tmp_path, FACEBOOK)
    assert len(evidence.tables["messages"]) == 1 and warnings == []
    monkeypatch.setattr(html, "html_message_kind", _planted_bug)
    with pytest.raises(TypeError, match="a bug in our code"):
        _load(tmp_path, FACEBOOK)


# -- what each shape gives ------------------------------------------------------------
def test_profile_fields_by_shape_and_label_one_identifier_each() -> None:
    body = page(
        "Profilo",
        [
            section(
                "",
                rows=[
                    ("Nome", "Mario Rossi"),
                    ("Nome utente", "mario.r"),
                    ("Indirizzo email", "Mario@Example.IT"),
                    ("Numero di cellulare", "+39 333 555 0101"),
                    ("Nota", "+1 202 555 0188"),  # a number, not under a phone label
                    ("Nome", "mario@example.it"),  # an e-mail under a name label: an e-mail
                ],
            )
        ],
    )
    frame = _read(fbh.profile, body)[0]["identifiers"]
    assert list(zip(frame["kind"], frame["value"], strict=True)) == [
        ("name", "Mario Rossi"),
        ("username", "mario.r"),
        ("email", "mario@example.it"),
        ("phone", "+39 333 555 0101"),
    ]


def test_accounts_center_links_and_the_identifiers_of_each_service() -> None:
    body = page(
        "Accounts Center",
        [
            section(
                "WhatsApp",
                rows=[
                    ("Numero di telefono", "+39 333 555 0103"),
                    ("Collegato il", "Jan 2, 2024 1:00:00 pm"),
                    ("Email", "wa@example.com"),
                    ("Altra email", "WA2@example.com"),
                ],
            ),
            section("Meta Horizon", rows=[("Nome", "Horizon Name")]),
            section("", rows=[("Note", "nothing linked")]),
        ],
    )
    tables, warnings = _read(fbh.accounts_center, body)
    linked = tables["linked_accounts"]
    assert linked["linked_to"].tolist() == ["whatsapp", "meta_horizon"]
    assert linked["account"].fillna("-").tolist() == ["-", "Horizon Name"]
    assert linked["linked_at"].iloc[0] == _utc(2024, 1, 2, 13)
    assert pd.isna(linked["linked_at"].iloc[1])  # no "linked" field: no footer date either
    ids = tables["identifiers"]
    assert list(zip(ids["kind"], ids["value"], ids["service"], strict=True)) == [
        ("email", "wa@example.com", "whatsapp"),
        ("email", "wa2@example.com", "whatsapp"),
        ("phone", "+39 333 555 0103", "whatsapp"),
    ]
    assert warnings == []


def test_address_book_one_row_per_contact_point_and_a_record_without_any() -> None:
    body = page(
        "Address books",
        [
            section(
                "Anna",
                lists=[("Contact points", ["+1 202 555 0111", "anna@example.org", "n/a"])],
                date="Jan 4, 2022 4:05:06 pm",
            ),
            section("", rows=[("Name", "Bruno")]),
        ],
    )
    frame = _read(fbh.address_book, body)[0]["contacts"]
    rows = frame[["name", "phone_raw", "email"]].fillna("-").values.tolist()
    assert rows == [
        ["Anna", "+1 202 555 0111", "-"],
        ["Anna", "-", "anna@example.org"],
        ["Bruno", "-", "-"],
    ]
    assert frame["created_at"].iloc[0] == _utc(2022, 1, 4, 16, 5, 6)


def test_login_events_kind_from_the_action_ip_by_shape_and_location_joined() -> None:
    body = page(
        "Logins",
        [
            section(
                "Disconnessione",
                rows=[("Altro", "198.51.100.7"), ("City", "Roma"), ("Country", "IT")],
                date="Nov 15, 2023 9:00:00 am",
            ),
            section(
                "Something",
                rows=[("Azione", "Accesso"), ("Indirizzo IP", "203.0.113.9")],
                date="Nov 14, 2023 10:13:20 pm",
            ),
            section("Unknown action", date="Nov 16, 2023 9:00:00 am"),
        ],
    )
    frame = _read(fbh.activity("login"), body)[0]["activity"]
    assert frame["kind"].tolist() == ["logout", "login", "login"]
    assert frame["ip"].fillna("-").tolist() == ["198.51.100.7", "203.0.113.9", "-"]
    assert frame["location"].fillna("-").tolist() == ["Roma, IT", "-", "-"]
    assert frame["timestamp"].tolist() == [
        _utc(2023, 11, 15, 9),
        _utc(2023, 11, 14, 22, 13, 20),
        _utc(2023, 11, 16, 9),
    ]


def test_settings_named_by_label_in_any_language() -> None:
    body = page(
        "Impostazioni",
        [
            section(
                "Sicurezza",
                rows=[("Autenticazione a due fattori", "Disattivata"), ("Backup codes", "sì")],
            ),
            section("", rows=[("", "a value without label")]),
        ],
    )
    frame = _read(fbh.settings, body)[0]["settings"]
    assert frame[["key", "value"]].values.tolist() == [
        ["two_factor", "off"],
        ["settings.Backup codes", "on"],
    ]
    frame = _read(fbh.off_meta_settings, body)[0]["settings"]
    assert frame["key"].tolist() == [
        "off_meta.Autenticazione a due fattori",
        "off_meta.Backup codes",
    ]


def test_advertisers_listed_as_values_labels_or_headings() -> None:
    body = page(
        "Advertisers",
        [
            section("Shop Heading Only"),
            section("", rows=[("Uploaded a list with your information", "Shop C")]),
            section("List", lists=[("Advertisers using your activity", ["Shop A", "Shop B"])]),
            '<section class="_a6-g"><table><tr><td>Shop Label Only</td><td></td></tr>'
            "</table></section>",
        ],
    )
    frame = _read(fbh.advertisers, body)[0]["advertisers"]
    assert frame[["name", "relation"]].values.tolist() == [
        ["Shop C", "uploaded_list"],
        ["Shop A", "used_activity"],
        ["Shop B", "used_activity"],
        ["Shop Label Only", "used_activity"],
    ]  # a heading alone is not an advertiser's name
    uploaded = _read(fbh.advertisers_uploaded, body)[0]["advertisers"]
    assert set(uploaded["relation"]) == {"uploaded_list"} and len(uploaded) == 4


def test_people_you_may_know_names_phones_and_the_batch_time() -> None:
    body = page(
        "People",
        [
            section(
                "Suggestions",
                rows=[("When these suggestions were created", "Jan 5, 2025 1:00:00 pm")],
                lists=[("Friend suggestions", ["Pat Doe", "+1 202 555 0177"])],
            ),
            section("Other", lists=[("Friend suggestions", ["Sam Roe"])], date="Jan 6, 2025"),
        ],
    )
    frame = _read(up.people_you_may_know_html, body)[0]["suggestions"]
    assert frame["name"].fillna("-").tolist() == ["Pat Doe", "-", "Sam Roe"]
    assert frame["phone_raw"].fillna("-").tolist() == ["-", "+1 202 555 0177", "-"]
    assert frame["suggested_at"].tolist() == [
        _utc(2025, 1, 5, 13),
        _utc(2025, 1, 5, 13),
        _utc(2025, 1, 6),
    ]


def test_instagram_followers_named_by_heading_value_or_link() -> None:
    link_only = (
        '<div class="pam _3-95 _2ph- _a6-g"><div class="_a6-p"><div>'
        '<a href="https://www.instagram.com/some.one/"></a></div></div>'
        '<div class="_a6-o">Jan 5, 2024 1:02 pm</div></div>'
    )
    body = page(
        "Followers",
        [link_only, section("", rows=[("", "by_value")]), section("by_heading")],
    )
    frame = _read(igh.relations("followers"), body)[0]["contacts"]
    assert frame["name"].tolist() == ["some.one", "by_value", "by_heading"]
    assert frame["created_at"].iloc[0] == _utc(2024, 1, 5, 21, 2)  # UTC-8


def test_instagram_synced_contacts_names_points_and_import_time() -> None:
    body = page(
        "Synced",
        [
            section(
                "",
                rows=[
                    ("First name", "Anna"),
                    ("Last name", "Bianchi"),
                    ("Contact information", "+39 333 555 0199"),
                    ("Imported time", "Jan 3, 2022 4:05 pm"),
                ],
            ),
            section("By heading", rows=[("Other", "anna@example.com")]),
            section("Nothing", rows=[("Other", "plain text")]),
        ],
    )
    frame = _read(igh.synced_contacts, body)[0]["contacts"]
    rows = frame[["name", "phone_raw", "email"]].fillna("-").values.tolist()
    assert rows == [
        ["Anna Bianchi", "+39 333 555 0199", "-"],
        ["By heading", "-", "anna@example.com"],
    ]  # a record with neither a name nor a contact point gives nothing
    assert frame["created_at"].iloc[0] == _utc(2022, 1, 4, 0, 5)
    assert pd.isna(frame["created_at"].iloc[1])


def test_instagram_account_settings_and_signup_identifiers() -> None:
    body = page(
        "Account",
        [
            section(
                "",
                rows=[
                    ("Autenticazione a due fattori", "Attiva"),
                    ("Contact syncing", "maybe"),
                    ("Email", "zoe@example.org"),
                    ("Username", "zoe_ig"),
                    ("Time", "Jan 3, 2022 4:05 pm"),
                ],
            )
        ],
    )
    frame = _read(igh.account_information, body)[0]["settings"]
    assert frame[["key", "value"]].values.tolist() == [
        ["contact_syncing", "maybe"],
        ["two_factor", "on"],
    ]
    tables = _read(igh.logins("registration"), body)[0]
    assert tables["activity"]["kind"].tolist() == ["registration"]
    ids = tables["identifiers"]
    assert list(zip(ids["kind"], ids["value"], strict=True)) == [
        ("email", "zoe@example.org"),
        ("username", "zoe_ig"),
    ]
