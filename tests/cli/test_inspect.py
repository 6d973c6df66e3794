"""``privacy-audit inspect``: text and JSON output, grouping per service, bad input."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from json_schema import inspect_problems

from privacy_audit import pipeline
from privacy_audit import sources as registry
from privacy_audit.cli import main
from privacy_audit.commands.inspect import render_text, to_json
from privacy_audit.i18n import translator
from privacy_audit.model import SourceInfo
from privacy_audit.sources.base import Detection

SAMPLES = "meta/HITS-Research__PriOSS/prototype/prioss/src/assets/sample-data"


class _Stub:
    """Recognises ``stub_<service>.json``; each data file becomes one ``settings`` row."""

    service = "facebook"

    def detect(self, archive: Any) -> Detection | None:
        for service in ("facebook", "instagram", "messenger", "whatsapp"):
            if archive.find(f"stub_{service}.json"):
                kind = "chat" if service == "whatsapp" else "dyi"
                return Detection(service, kind, "json", f"{service}-stub")
        return None

    def load(self, archive: Any, detection: Detection, sink: Any, ctx: Any) -> None:
        for member in archive.non_media():
            archive.read_bytes(member)
            sink.recognized(member.path)
            sink.add("settings", key=member.name, value="1", source_file=member.path)
        sink.warn(ctx.tr.gettext("Interrupted."))


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> None:
    importer = _Stub()
    monkeypatch.setattr(registry, "IMPORTER_MODULES", ("stub",))
    monkeypatch.setattr(registry, "importers", lambda: (importer,))
    monkeypatch.setattr(pipeline, "IMPORTER_MODULES", ("stub",), raising=False)
    monkeypatch.setattr(pipeline, "importers", lambda: (importer,), raising=False)


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["inspect", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("stub")
def test_text_summary_in_english_and_italian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _zip(
        tmp_path / "export.zip",
        {"x/stub_facebook.json": "{}", "x/a.json": "{}", "x/media/p.jpg": ""},
    )
    code, out, err = _run(capsys, "--lang", "en", str(path))
    assert (code, err) == (0, "")  # no progress on stderr when it is not a terminal
    assert out.splitlines() == [
        "Facebook — export.zip",
        "  Kind: data export (Download your information) · Facebook stub (JSON)",
        "  Files recognised: 2 · not recognised: 0",
        "  Rows found:",
        "    settings: 2",
        "  Warnings:",
        "    - Interrupted.",
        "",
        "1 export read.",
    ]
    code, out, _err = _run(capsys, "--lang", "it", str(path))
    assert code == 0
    assert (
        "  Tipo: esportazione dei dati (Scarica le tue informazioni) · Facebook stub (JSON)" in out
    )
    assert "  File riconosciuti: 2 · non riconosciuti: 0" in out
    assert "    impostazioni: 2" in out
    assert "    - Interrotto." in out
    assert out.endswith("1 esportazione letta.\n")


def test_text_summary_names_layouts_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    """No layout id or format code reaches the reader (facebook-2024, MIXED)."""
    code, out, _err = _run(capsys, "--lang", "it", "--demo", "giulia")
    assert code == 0
    assert "informazioni) · Facebook, struttura del 2024 (JSON)\n" in out
    assert "Rapporto account di WhatsApp, struttura del 2022 (JSON e HTML)" in out
    assert (
        "facebook-2024" not in out
        and "MIXED" not in out
        and "formato:" not in out
        and "struttura: " not in out
    )


@pytest.mark.usefixtures("stub")
def test_json_groups_sources_per_service(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = _zip(tmp_path / "WhatsApp Chat with Ada.zip", {"stub_whatsapp.json": "{}"})
    insta = _zip(tmp_path / "instagram-ada-2025-01-02-x1.zip", {"i/stub_instagram.json": "{}"})
    part_a = _zip(tmp_path / "facebook-ada-2025-01-02-aa.zip", {"f/stub_facebook.json": "{}"})
    part_b = _zip(tmp_path / "facebook-ada-2025-01-02-bb.zip", {"f/more/b.json": "{}"})
    code, out, err = _run(capsys, "--json", str(chat), str(insta), str(part_b), str(part_a))
    assert code == 0, err
    data = orjson.loads(out)
    assert data["schema"] == "privacy-audit/1"
    assert inspect_problems(data) == []
    services = [s["service"] for s in data["sources"]]
    assert services == ["facebook", "instagram", "whatsapp"]
    facebook = data["sources"][0]
    assert facebook["parts"] == [part_a.name, part_b.name]
    assert facebook["path"] == part_a.name
    assert sorted(facebook["files_recognized"]) == ["f/more/b.json", "f/stub_facebook.json"]
    assert facebook["tables"] == {"settings": 2}
    assert facebook["files_unrecognized"] == 0
    assert set(facebook) >= {
        "path", "service", "kind", "format", "layout", "parts",
        "files_recognized", "files_unrecognized", "tables", "warnings",
    }  # fmt: skip
    assert data["sources"][2]["kind"] == "chat"


@pytest.mark.usefixtures("stub")
def test_downloads_folder_in_one_go(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    _zip(downloads / "instagram-ada-2025-01-02-x1.zip", {"i/stub_instagram.json": "{}"})
    _zip(downloads / "WhatsApp Chat with Bo.zip", {"stub_whatsapp.json": "{}"})
    _zip(downloads / "holiday.zip", {"plan.json": "{}"})
    (downloads / "invoice.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = _run(capsys, "--json", str(downloads))
    assert code == 0, err
    assert [s["service"] for s in orjson.loads(out)["sources"]] == ["instagram", "whatsapp"]


def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--lang", "en", str(tmp_path / "missing.zip"))
    assert (code, out) == (2, "")
    assert err == (
        "privacy-audit: missing.zip: The file or folder does not exist. "
        "Check the path and try again.\n"
    )
    code, _out, err = _run(capsys, "--lang", "it")
    assert code == 2 and err.startswith("privacy-audit: Non è stata indicata nessuna")


def test_render_text_with_chat_stats_parts_and_date() -> None:
    info = SourceInfo(
        path="WhatsApp Chat with Ada.zip",
        service="whatsapp",
        kind="chat",
        format="txt",
        layout="whatsapp-chat-android",
        parts=["a.zip", "b.zip"],
        files_recognized=["WhatsApp Chat with Ada.txt"],
        files_unrecognized=3,
        tables={"messages": 12345, "contacts": 2},
        export_date=datetime(2025, 3, 1, tzinfo=UTC),
        chat={
            "platform": "android",
            "date_order": "dmy",
            "clock": "24h",
            "messages": 12345,
            "by_kind": {"text": 12000, "media": 300, "system": 40, "deleted": 5},
            "senders": 2,
        },
    )
    other = SourceInfo("fb.zip", "facebook", "dyi", "html", "facebook-2024")
    english = render_text([info, other], translator("en"))
    assert english.index("Facebook — fb.zip") < english.index("WhatsApp — WhatsApp Chat")
    assert "  2 parts: a.zip, b.zip" in english
    assert "  Exported on 2025-03-01" in english
    assert "    contacts: 2\n    messages: 12,345" in english
    assert "  Chat:\n    platform: android\n    date order: dmy\n    clock: 24h" in english
    assert "    senders: 2" in english
    assert "    by kind: text 12,000, media 300, system 40, deleted 5" in english
    assert "  No rows found." in english
    assert "  Tip: This export is in HTML format" in english  # the Facebook HTML source only
    assert english.count("Tip:") == 1
    assert english.endswith("2 exports read.\n")
    italian = render_text([info, other], translator("it"))
    assert "  Suggerimento: Questa esportazione è in formato HTML" in italian
    assert "  2 parti: a.zip, b.zip" in italian
    assert "    messaggi: 12.345" in italian
    assert "    per tipo: testo 12.000, media 300, sistema 40, eliminati 5" in italian
    assert "  Chat:" in italian and "    mittenti: 2" in italian
    document = to_json([info, other])
    assert [s["service"] for s in document["sources"]] == ["facebook", "whatsapp"]
    assert document["sources"][1]["chat"]["by_kind"]["media"] == 300


# -- the real samples in ../shared/fixtures (need the Meta importers) ----------------------
def _json(capsys: pytest.CaptureFixture[str], *paths: Path) -> list[dict[str, Any]]:
    code, out, err = _run(capsys, "--json", *map(str, paths))
    assert code == 0, err
    return orjson.loads(out)["sources"]


def test_real_facebook_sample(shared_fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = shared_fixtures / SAMPLES / "facebook_data_marcia_2023_12_20"
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    (source,) = _json(capsys, folder)
    assert (source["service"], source["kind"], source["format"]) == ("facebook", "dyi", "json")
    assert source["layout"] == "facebook-2023"
    for table in ("identifiers", "contacts", "activity", "off_platform", "linked_accounts"):
        assert source["tables"].get(table, 0) > 0, table
    assert (
        "personal_information/profile_information/profile_information.json"
        in (source["files_recognized"])
    )
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before


def test_real_instagram_sample_dir_named_zip(
    shared_fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_fixtures / SAMPLES / "insta_sampledata.zip"
    assert folder.is_dir()
    (source,) = _json(capsys, folder)
    assert (source["service"], source["kind"], source["format"]) == ("instagram", "dyi", "json")
    assert source["layout"].startswith("instagram-")
    assert source["path"] == "insta_sampledata.zip"
    assert source["tables"].get("contacts", 0) > 0
    assert source["tables"].get("identifiers", 0) > 0


def test_real_samples_together_grouped_per_service(
    shared_fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = shared_fixtures / SAMPLES
    sources = _json(capsys, base / "insta_sampledata.zip", base / "facebook_data_marcia_2023_12_20")
    assert [s["service"] for s in sources] == ["facebook", "instagram"]


def test_real_facebook_sample_split_in_two_parts_with_wrappers(
    shared_fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same export zipped as two Meta parts under a wrapper folder reads the same."""
    folder = shared_fixtures / SAMPLES / "facebook_data_marcia_2023_12_20"
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    parts = []
    for index, suffix in enumerate(("a1b2c3d4", "9f8e7d6c")):
        name = f"facebook-marcia-2023-12-20-{suffix}"
        parts.append(tmp_path / f"{name}.zip")
        with zipfile.ZipFile(parts[-1], "w", zipfile.ZIP_DEFLATED) as zf:
            for file in files[index::2]:
                zf.write(file, f"{name}/{file.relative_to(folder).as_posix()}")
    (whole,) = _json(capsys, folder)
    (merged,) = _json(capsys, *parts)
    assert merged["parts"] == [p.name for p in sorted(parts)]
    assert merged["layout"] == whole["layout"]
    assert merged["tables"] == whole["tables"]
    assert len(merged["files_recognized"]) == len(whole["files_recognized"])


class _Terminal:
    """A stderr that says it is a terminal and keeps what is written."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.usefixtures("stub")
def test_progress_goes_to_a_terminal_stderr_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _zip(tmp_path / "export.zip", {"x/stub_facebook.json": "{}"})
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["inspect", "--json", str(path)])
    out = capsys.readouterr().out
    assert code == 0
    assert orjson.loads(out)["schema"] == "privacy-audit/1"  # stdout stays clean JSON
    assert "100%" in terminal.text and "export.zip" in terminal.text


def test_chat_with_a_business_is_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Chat WhatsApp con Viaggi Sole.txt"
    path.write_text(
        "20/08/26, 10:12 - Questa azienda usa un servizio sicuro di Meta per gestire questa "
        "chat. Tocca per saperne di più.\n"
        "20/08/26, 10:13 - Viaggi Sole: Buongiorno!\n",
        encoding="utf-8",
    )
    assert main(["inspect", "--lang", "it", str(path)]) == 0
    assert "con un account WhatsApp Business (lo dice l'esportazione)" in capsys.readouterr().out
    assert main(["inspect", "--json", str(path)]) == 0
    document = orjson.loads(capsys.readouterr().out)
    assert document["sources"][0]["chat"]["business"] is True
    path.write_text("20/08/26, 10:13 - Mamma: Ciao!\n", encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    assert "Business" not in capsys.readouterr().out


def test_chat_warnings_follow_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Chat WhatsApp con Anna.txt"
    path.write_text("03/04/24, 10:00 - Anna: ciao\n04/05/24, 11:00 - Bob: ehi\n", encoding="utf-8")
    assert main(["inspect", "--lang", "it", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Le date della chat si possono leggere in entrambi i modi" in out
    assert "could be read either way" not in out
    path.write_text("03/04/24, 10:00 - Anna: ciao\n31/02/24, 11:00 - Bob: ehi\n", encoding="utf-8")
    assert main(["inspect", "--lang", "it", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 riga sembrava un messaggio" in out and "looked like" not in out


def test_demo_inspect_json_follows_the_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--demo", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert len(data["sources"]) >= 5
    assert inspect_problems(data) == []
    del data["sources"][0]["service"]
    data["sources"][1]["files_unrecognized"] = -1
    assert len(inspect_problems(data)) == 2  # the schema catches what is wrong


def test_region_is_upper_cased_and_an_unknown_one_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--region it`` means Italy; ``--region ZZ`` must not quietly leave every local
    number unmatched (phonenumbers knows neither a lower-case nor an unknown code)."""
    seen: list[str | None] = []
    real = pipeline.load_sources

    def spy(paths: Any, region: str | None = None, **kwargs: Any) -> Any:
        seen.append(region)
        return real(paths, region=region, **kwargs)

    monkeypatch.setattr(pipeline, "load_sources", spy)
    monkeypatch.setattr("privacy_audit.commands.inspect.load_sources", spy)
    code, _out, _err = _run(capsys, "--demo", "alex", "--region", "it")
    assert code == 0 and seen == ["IT"]
    code, out, err = _run(capsys, "--demo", "alex", "--region", "ZZ")
    assert (code, out) == (2, "")
    assert err == (
        "privacy-audit: ZZ is not a country code phone numbers are known for. "
        "Give a two-letter country code such as IT, GB or US.\n"
    )
    code, _out, err = _run(capsys, "--demo", "alex", "--region", "Italy", "--lang", "it")
    assert code == 2 and err.count("\n") == 1 and "Italy" in err and "IT, GB" in err


def test_same_account_without_shared_rows_is_not_said_to_share_them() -> None:
    """Two exports grouped as one account with no row in common: no '0 rows are in both'."""
    info = SourceInfo(path="a.zip", service="facebook", kind="dyi", format="json", layout="x")
    info.extra["overlap"] = {"with": ["b.zip"], "shared_rows": 0}
    text = render_text([info], translator("en"))
    assert "Read as the same account as b.zip; no row is in both." in text
    assert "0 rows" not in text
    info.extra["overlap"] = {"with": ["b.zip"], "shared_rows": 3}  # control: rows in both
    text = render_text([info], translator("it"))
    assert "Stesso account di b.zip: 3 righe sono in entrambe le esportazioni" in text
