"""Demo personas: deterministic, in the real formats, scaled, bundled, written atomically."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from privacy_audit import demo
from privacy_audit.cli import main
from privacy_audit.demo import (
    PERSONAS,
    bundled_persona_paths,
    persona_files,
    write_persona,
)
from privacy_audit.demo.bundle import RESOURCES
from privacy_audit.demo.world import build_world
from privacy_audit.errors import InputError
from privacy_audit.i18n import translator

# Reference header regexes of ../shared/formats/whatsapp.md §4.2 (applied after stripping
# the invisible marks of §4.1 step 2 and mapping NBSP/NNBSP to spaces).
ANDROID = re.compile(
    r"^(\d{1,4})([/.-])\s?(\d{1,2})\2\s?(\d{1,4})\.?(?:,\s|\s(?:à\s|klo\s)?)(\d{1,2})[:.](\d{2})"
    r"(?:[:.](\d{2}))?(?:\s([AaPp]\.?\s?[Mm]\.?))?\s[-–]\s(?:(.+?):\s)?(.*)$"
)
IOS = re.compile(
    r"^\[(\d{1,4})([/.-])\s?(\d{1,2})\2\s?(\d{1,4})\.?,?\s(?:klo\s)?(\d{1,2})[:.](\d{2})"
    r"(?:[:.](\d{2}))?(?:\s([AaPp]\.?\s?[Mm]\.?))?\]\s(?:(.+?):\s)?(.*)$"
)
_INVISIBLE = re.compile(r"^[\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]*")


def _fix(value: object) -> object:
    """Meta's mojibake repair, as importers do it."""
    if isinstance(value, str):
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [_fix(v) for v in value]
    if isinstance(value, dict):
        return {_fix(k): _fix(v) for k, v in value.items()}
    return value


def _zip_json(data: bytes, suffix: str) -> object:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(suffix)]
        return _fix(json.loads(archive.read(name)))


def _members(data: bytes) -> list[tuple[str, tuple[int, ...], bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.date_time, archive.read(i)) for i in archive.infolist()]


def _one(files: dict[str, bytes], prefix: str) -> bytes:
    (name,) = [n for n in files if n.startswith(prefix)]
    return files[name]


def _chat_text(files: dict[str, bytes], title: str) -> str:
    for name, data in files.items():
        if title in name:
            if name.endswith(".zip"):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    return archive.read("_chat.txt").decode("utf-8")
            return data.decode("utf-8")
    raise AssertionError(f"no chat {title!r}")


def _off_meta_events(data: object) -> int:
    """Events in an off-Meta file of either generation."""
    if isinstance(data, dict):
        return sum(len(r["events"]) for r in data["off_facebook_activity_v2"])
    assert isinstance(data, list)
    return sum(len(r["label_values"][0]["vec"]) for r in data)


def _authored(text: str, title: str, *, ios: bool) -> int:
    """Messages with an author (not system lines) in an exported chat."""
    regex = IOS if ios else ANDROID
    count = 0
    for line in re.split(r"\r\n|\n", text):
        match = regex.match(_INVISIBLE.sub("", line).replace("\u202f", " "))
        if match and match.group(9) not in (None, title):
            count += 1
    return count


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_same_bytes_every_run(persona: str, tmp_path: Path) -> None:
    first = write_persona(persona, tmp_path / "a")
    second = write_persona(persona, tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    assert len(first) >= 8
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert persona_files(persona, 2) == persona_files(persona, 2)


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_zips_have_fixed_times_and_sorted_members(persona: str) -> None:
    for name, data in persona_files(persona).items():
        if not name.endswith(".zip"):
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            assert names == sorted(names)
            assert len({info.date_time for info in archive.infolist()}) == 1
            assert archive.testzip() is None


def test_bundled_files_equal_generated_ones() -> None:
    for persona in sorted(PERSONAS):
        generated = persona_files(persona, 1)
        bundled = {p.name: p.read_bytes() for p in bundled_persona_paths(persona)}
        assert sorted(bundled) == sorted(generated), persona
        for name, data in generated.items():
            if bundled[name] != data and name.endswith(".zip"):
                same_members = _members(bundled[name]) == _members(data)
                hint = (
                    "same members, different deflate output: another zlib build?"
                    if same_members
                    else "run python -m privacy_audit.demo.bundle"
                )
                raise AssertionError(f"{persona}/{name} differs ({hint})")
            assert bundled[name] == data, f"{persona}/{name} differs: run the bundle script"
        assert all(p.parent == RESOURCES / persona for p in bundled_persona_paths(persona))


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_scale_multiplies_contacts_activity_and_messages(persona: str) -> None:
    one, three = persona_files(persona, 1), persona_files(persona, 3)
    p = PERSONAS[persona]
    book = "personal_information/other_personal_information/your_address_books.json"
    counts = {}
    for scale, files in ((1, one), (3, three)):
        fb, ig = _one(files, "facebook-"), _one(files, "instagram-")
        wa = _one(files, "whatsapp-account-report")
        logins = _zip_json(fb, "logins_and_logouts.json")["account_accesses_v2"]
        off_meta = _zip_json(fb, "your_activity_off_meta_technologies.json")
        chat = _chat_text(files, p.group_name)
        counts[scale] = {
            "book": len(_zip_json(fb, book)["address_book_v2"]["address_book"]),
            "synced": len(_zip_json(ig, "synced_contacts.json")["contacts_contact_info"]),
            "wa": len(_zip_json(wa, "contacts.json")["wa_contacts"]),
            "friends": len(_zip_json(fb, "your_friends.json")["friends_v2"]),
            "logins": sum(1 for row in logins if row["action"] in ("Login", "Accesso")),
            "events": _off_meta_events(off_meta),
            "group_messages": _authored(chat, p.group_name, ios=p.chat_iphone),
        }
    for key in counts[1]:
        assert counts[3][key] == 3 * counts[1][key], key
    assert counts[1]["book"] == p.book_size
    assert counts[1]["group_messages"] >= 100


def test_large_scale_gives_tens_of_thousands_of_distinct_contacts() -> None:
    world = build_world(PERSONAS["giulia"], 100)
    assert len(world.book) == 24_000
    assert len({c.e164 for c in world.book + world.whatsapp + world.instagram}) == len(
        world.book
    ) + 100 * (PERSONAS["giulia"].wa_extra + PERSONAS["giulia"].ig_extra)
    us = build_world(PERSONAS["alex"], 100)
    assert len({c.e164 for c in us.book}) == len(us.book) == 15_000


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_meta_json_is_mojibake_escaped_ascii(persona: str) -> None:
    files = persona_files(persona)
    fb = _one(files, "facebook-")
    with zipfile.ZipFile(io.BytesIO(fb)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            raw.decode("ascii")  # Meta escapes every non-ASCII byte
            json.loads(raw)
        friends = archive.read("connections/friends/your_friends.json").decode("ascii")
    if persona == "giulia":
        # "Niccolò" -> UTF-8 c3 b2 -> \u00c3\u00b2 (never the clean \u00f2)
        assert "\\u00c3\\u00b2" in friends
        assert "\\u00f2" not in friends
        names = {f["name"] for f in _zip_json(fb, "your_friends.json")["friends_v2"]}
        assert any("ò" in n for n in names)


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_same_phone_on_facebook_instagram_and_whatsapp(persona: str) -> None:
    p = PERSONAS[persona]
    files = persona_files(persona)
    profile = _zip_json(_one(files, "facebook-"), "profile_information.json")["profile_v2"]
    ig = _zip_json(_one(files, "instagram-"), "personal_information.json")
    wa = _zip_json(_one(files, "whatsapp-account-report"), "user_information.json")
    digits = re.sub(r"\D", "", p.phone_e164)
    typed = [
        profile["phone_numbers"][0]["phone_number"],
        ig["profile_user"][0]["string_map_data"]["Phone Number"]["value"],
        wa["label_values"][0]["value"],
    ]
    assert all(re.sub(r"\D", "", t).endswith(digits[-10:]) for t in typed)
    if persona == "giulia":
        assert not typed[0].startswith("+")  # typed without +39 on Facebook


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_chat_exports_have_real_headers(persona: str) -> None:
    files = persona_files(persona)
    chats = [n for n in files if n.startswith(("Chat WhatsApp con", "WhatsApp Chat"))]
    assert len(chats) >= 4
    for name in chats:
        text = _chat_text(files, name.removesuffix(".zip").removesuffix(".txt"))
        ios = name.endswith(".zip")
        lines = re.split(r"\r\n|\r|\n", text.rstrip("\r\n"))
        headers = 0
        for line in lines:
            clean = _INVISIBLE.sub("", line).replace("\u202f", " ").replace("\u00a0", " ")
            match = (IOS if ios else ANDROID).match(clean)
            headers += bool(match)
        assert (IOS if ios else ANDROID).match(_INVISIBLE.sub("", lines[0]).replace("\u202f", " "))
        # only multi-line continuations are not headers
        assert headers >= 0.8 * len(lines), name
    if persona == "giulia":
        assert "Chat WhatsApp con Viaggi Sole.txt" in files
        business = files["Chat WhatsApp con Viaggi Sole.txt"].decode("utf-8")
        assert "Questa azienda usa un servizio sicuro di Meta" in business
    else:
        business = _chat_text(files, "Harbor Lane Coffee")
        assert "This business uses a secure service from Meta" in business
        assert "\u202fPM]" in business or "\u202fAM]" in business


def test_ios_zip_holds_chat_and_tiny_media() -> None:
    files = persona_files("giulia")
    data = files["WhatsApp Chat - Calcetto del giovedì.zip"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        chat = archive.read("_chat.txt").decode("utf-8")
    media = [n for n in names if n != "_chat.txt"]
    assert len(media) == 1 and re.match(r"^\d{8}-PHOTO-[\d-]+\.jpg$", media[0])
    assert f"<allegato: {media[0]}>" in chat


def test_big_group_shows_strangers_by_number() -> None:
    p = PERSONAS["giulia"]
    world = build_world(p, 1)
    text = persona_files("giulia")[f"Chat WhatsApp con {p.group_name}.txt"].decode("utf-8")
    contacts = {c.e164 for c in world.whatsapp}
    shown = set(re.findall(r"\+39 \d{3} \d{3} \d{4}", text))
    as_e164 = {"+39" + s[4:].replace(" ", "") for s in shown}
    assert len(as_e164 - contacts) >= 40
    assert not as_e164 & contacts


def test_unknown_persona_lists_the_available_ones(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        write_persona("bob", tmp_path / "x")
    message = info.value.render(translator("it"))
    assert "bob" in message and "alex, giulia" in message
    assert "Persone disponibili" in message
    assert not (tmp_path / "x").exists()
    with pytest.raises(InputError):
        bundled_persona_paths("nobody")
    with pytest.raises(InputError):
        persona_files("giulia", 0)


def test_write_into_existing_folder_replaces_files(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    keep = target / "notes.txt"
    keep.write_text("mine")
    paths = write_persona("alex", target, scale=2)
    assert keep.read_text() == "mine"
    assert all(p.parent == target and p.is_file() for p in paths)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left


def test_failure_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    original = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(InputError) as info:
        write_persona("giulia", tmp_path / "out")
    assert isinstance(info.value.__cause__, OSError)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(InputError) as info:
        write_persona("alex", blocker / "out")
    assert "out" in info.value.render(translator("en"))
    with pytest.raises(InputError):
        write_persona("alex", blocker)  # a file, not a folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_cli_writes_the_persona(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "giulia", "-o", str(tmp_path / "g")]) == 0
    out = capsys.readouterr().out
    written = sorted(p.name for p in (tmp_path / "g").iterdir())
    assert written == sorted(persona_files("giulia"))
    assert all(name in out for name in written)
    assert main(["demo", "nobody", "-o", str(tmp_path / "n")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "alex, giulia" in err


def test_descriptions_are_translated() -> None:
    italian = translator("it")
    for persona in PERSONAS.values():
        assert italian.gettext(persona.description) != persona.description
    assert demo.MAX_SCALE >= 100


def test_persona_surnames_are_whole() -> None:
    """A two-word surname stays one surname ("De Santis"), never "De" and "Santis" (which
    gave contacts such as "Sara De" in the workshop demo)."""
    from privacy_audit.demo.personas import ALEX, GIULIA

    assert "De Santis" in GIULIA.last_names
    for persona in (GIULIA, ALEX):
        assert [n for n in persona.last_names if n in ("De", "Santis") or "_" in n] == []
