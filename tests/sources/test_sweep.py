"""The shape sweep: files no importer claims are read by shape (issue 12 §4)."""

from __future__ import annotations

from pathlib import Path

from privacy_audit.analysis.audit import run_audit
from privacy_audit.commands.inspect import render_text
from privacy_audit.i18n import translator
from privacy_audit.pipeline import load_evidence
from privacy_audit.report.render import render_html

from . import meta_builders as mb

NEW_FILE = "personal_information/other_personal_information/some_new_file.json"
UNKNOWN = {
    NEW_FILE: [
        {
            "timestamp": 1700000000,
            "label_values": [
                {"label": "Contact name", "value": "Nuovo Amico"},
                {"label": "Mobile", "value": "347 999 0000"},  # national form, phone label
                {"label": "ID", "value": "123456789012"},  # an id is never a number
            ],
            "fbid": "2000000001",
        },
        {"label_values": [{"label": "Your phone", "value": mb.OWNER_PHONE}]},
    ],
    "logged_information/other/renamed.json": {
        "things_v2": [
            {
                "uri": "https://example.org/+393331234567",
                "email": mb.OWNER_EMAILS[0],
                "note": "+44 7911 123456",
                "count": "12345678901",  # digits without a phone label or prefix
            }
        ]
    },
    "logged_information/page.html": (
        "<html><body><section class='_a6-g'><h2>Marta</h2><table><tr><td>Phone</td>"
        "<td>+39 348 111 2233</td></tr></table></section></body></html>"
    ),
    "logged_information/broken.json": b'{"email": "someone@exa',
    "notes.txt": "hello",
}


def _load(tmp_path: Path, extra: dict | None = None):
    return load_evidence(
        [mb.build_facebook_export(tmp_path, "2024", extra_files=extra or UNKNOWN)], region="IT"
    )


def test_contacts_numbers_are_counted_and_own_ones_join_the_identifiers(tmp_path: Path) -> None:
    ev = _load(tmp_path)
    found = ev.contacts[ev.contacts.origin == "found_by_shape"]
    got = {
        (n if isinstance(n, str) else None, p)
        for n, p in zip(found.name, found.phone_e164, strict=True)
    }
    assert got == {
        ("Nuovo Amico", "+393479990000"),
        (None, "+447911123456"),
        ("Marta", "+393481112233"),
    }
    ids = ev.identifiers
    swept = ids[ids.source_file.str.endswith(("some_new_file.json", "renamed.json"))]
    assert set(zip(swept.kind, swept.value, strict=True)) == {
        ("phone", "+393331234567"),
        ("email", mb.OWNER_EMAILS[0]),
    }
    (source,) = ev.sources
    reasons = {Path(e["file"]).name: (e["reason"], e["found"]) for e in source.extra["not_read"]}
    assert reasons == {
        "some_new_file.json": ("found", 2),
        "renamed.json": ("found", 2),
        "page.html": ("found", 1),
        "broken.json": ("unreadable", 0),
        "notes.txt": ("other_format", 0),
    }
    assert any("found by their shape in 3 file(s)" in w for w in source.warnings)


def test_the_own_number_found_by_shape_is_evidence_of_the_shared_phone(tmp_path: Path) -> None:
    result = run_audit(_load(tmp_path))
    own = result.crossref["own_ids"]
    assert "+393331234567" in set(own.value)
    finding = next(f for f in result.findings if f.id == "phone-shared-across-services")
    assert any(f.endswith("some_new_file.json") for f in finding.source_files)


def test_without_unknown_files_nothing_is_added(tmp_path: Path) -> None:
    ev = load_evidence([mb.build_facebook_export(tmp_path, "2024")], region="IT")
    assert (ev.contacts.origin == "found_by_shape").sum() == 0
    assert ev.sources[0].extra["not_read"] == []


def test_inspect_and_report_list_every_file_not_read(tmp_path: Path) -> None:
    ev = _load(tmp_path)
    text = render_text(ev.sources, translator("en"))
    assert "Files not read by an importer:" in text
    assert "broken.json: not known to this version; not valid JSON or HTML" in text
    assert "notes.txt: not a JSON or HTML data file" in text
    assert "some_new_file.json: not known to this version; phone numbers" in text
    italian = render_text(ev.sources, translator("it"))
    assert "File non letti da un importatore:" in italian
    assert ev.sources[0].to_json()["not_read"][0]["reason"] in ("found", "unreadable")
    html = render_html(run_audit(ev))
    assert "Files no importer read (5)" in html and "renamed.json" in html


def test_phone_labels_in_other_languages_are_looked_for(tmp_path: Path) -> None:
    files = {
        f"logged_information/new_{i}.json": {"label_values": [{"label": label, "value": number}]}
        for i, (label, number) in enumerate(
            [
                ("Número de teléfono", "612 345 678"),
                ("Móvil", "612 345 679"),
                ("Numero di cellulare", "347 555 0199"),
                ("Handynummer", "0151 2345678"),
            ]
        )
    }
    ev = _load(tmp_path, files)
    found = ev.contacts[ev.contacts.origin == "found_by_shape"]
    assert sorted(found.phone_raw) == ["0151 2345678", "347 555 0199", "612 345 678", "612 345 679"]


def test_a_page_whose_only_at_sign_is_in_its_style_is_not_parsed() -> None:
    from privacy_audit.sources.sweep import _maybe

    page = b"<html><head><style>@media print { a { color: red } }</style></head><body>x</body>"
    assert not _maybe(page, html=True)
    assert _maybe(page + b"<p>zoe@example.com</p>", html=True)
    assert _maybe(b'{"label": "Handynummer", "value": "0151 2345678"}')


NAME_FILE = "personal_information/other_personal_information/new_profile_file.json"
SMD_FILE = "logged_information/other/renamed_names.json"


def _name_files(name: str) -> dict:
    """An unknown label_values file and an unknown string_map_data file holding ``name``."""
    return {
        NAME_FILE: {"label_values": [{"label": "Name", "value": name}]},
        SMD_FILE: {"things_v2": [{"string_map_data": {"Nome": {"value": name, "timestamp": 0}}}]},
    }


def _in_new_files(files):
    return files.fillna("").str.endswith((NAME_FILE, SMD_FILE))


def _swept_names(ev) -> set[tuple[str, str]]:
    """(value, file relative to the export) of the name identifiers of the new files."""
    ids = ev.identifiers
    rows = ids[(ids.kind == "name") & _in_new_files(ids.source_file)]
    return {(v, f.split("/", 1)[1]) for v, f in zip(rows.value, rows.source_file, strict=True)}


def test_the_own_name_under_a_name_label_joins_the_identifiers(tmp_path: Path) -> None:
    import unicodedata

    # another normalisation form and case than the profile's: still the user's name
    written = unicodedata.normalize("NFD", mb.OWNER.upper())
    ev = _load(tmp_path, _name_files(written))
    assert _swept_names(ev) == {(written, NAME_FILE), (written, SMD_FILE)}
    assert set(ev.identifiers.loc[_in_new_files(ev.identifiers.source_file), "service"]) == {
        "facebook"
    }
    reasons = {e["file"].split("/", 1)[1]: e["reason"] for e in ev.sources[0].extra["not_read"]}
    assert reasons[NAME_FILE] == reasons[SMD_FILE] == "swept"  # no contact point found
    assert "shape_names" not in ev.sources[0].extra  # candidates are never written out
    assert (ev.contacts.origin == "found_by_shape").sum() == 0


def test_a_different_name_is_not_the_users(tmp_path: Path) -> None:
    ev = _load(tmp_path, _name_files("Zoë Ferraris"))
    assert _swept_names(ev) == set()
    assert not _in_new_files(ev.identifiers.source_file).any()


def test_the_own_name_inside_a_longer_text_is_not_matched(tmp_path: Path) -> None:
    files = {
        NAME_FILE: {"label_values": [{"label": "Name", "value": f"Party at {mb.OWNER}'s"}]},
        SMD_FILE: {"things_v2": [{"string_map_data": {"Note": {"value": mb.OWNER}}}]},
    }
    ev = _load(tmp_path, files)
    assert not _in_new_files(ev.identifiers.source_file).any()


def test_name_labels_are_looked_for_before_parsing() -> None:
    from privacy_audit.sources.sweep import _maybe

    assert _maybe(b'{"label_values": [{"label": "Name", "value": "X"}]}')
    assert _maybe(b'{"full_name": "X"}')
    assert _maybe(b"<table><tr><td>Nome</td><td>X</td></tr></table>", html=True)
    assert not _maybe(b'{"note": "X"}')
