"""WhatsApp chat exports: every header variant, language and container, exact counts."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import load_evidence, open_exports
from privacy_audit.sources.whatsapp.chat.importer import IMPORTER, chat_name_from_file
from privacy_audit.sources.whatsapp.chat.parse import NotAChat, parse_chat

from .whatsapp_builders import LANGS, Chat, make_chat, write_chat

VARIANTS = {
    "android-it-24h": dict(platform="android", lang="it"),
    "android-en-us-12h-nnbsp": dict(
        platform="android", lang="en", order="mdy", clock="12h", pad=False
    ),
    "android-de-dotted": dict(platform="android", lang="de", sep=".", dotted_time=True),
    "android-es-p.m.-4digit": dict(
        platform="android", lang="es", clock="12h", ampm="a. m.", year_digits=4, pad=False
    ),
    "android-fr-no-comma": dict(platform="android", lang="fr", comma=False, year_digits=4),
    "android-pt-en-dash": dict(platform="android", lang="pt", dash="–"),
    "android-nl-dashes": dict(platform="android", lang="nl", sep="-", year_digits=4),
    "android-ymd": dict(platform="android", lang="en", order="ymd", sep="-", year_digits=4),
    "android-a.m.": dict(platform="android", lang="en", clock="12h", ampm="a.m."),
    "ios-it": dict(platform="ios", lang="it"),
    "ios-en-us-12h": dict(platform="ios", lang="en", order="mdy", clock="12h", pad=False),
    "ios-de-dots": dict(platform="ios", lang="de", sep="."),
    "ios-fr-no-comma": dict(platform="ios", lang="fr", comma=False, year_digits=4),
    "ios-es-p.m.": dict(platform="ios", lang="es", clock="12h", ampm="a. m."),
    "ios-pt-1on1": dict(platform="ios", lang="pt", group=False),
    "ios-nl-dotted": dict(platform="ios", lang="nl", sep="-", dotted_time=True),
    "ios-ymd-am": dict(
        platform="ios", lang="en", order="ymd", year_digits=4, clock="12h", ampm="am"
    ),
    "android-crlf-bom": dict(platform="android", lang="it", crlf=True, bom=True),
    "android-1on1": dict(platform="android", lang="en", group=False),
}


def _check(chat: Chat, text: str | bytes, **kwargs: object) -> None:
    parsed = parse_chat(text, chat_name=chat.name, **kwargs)  # type: ignore[arg-type]
    truth = chat.truth
    assert parsed.messages == truth.messages
    assert parsed.by_kind() == {k: truth.by_kind.get(k, 0) for k in parsed.by_kind()}
    frame = parsed.frame
    assert set(frame["sender"].dropna()) == truth.senders
    assert set(frame["sender_phone_raw"].dropna()) == truth.phone_senders
    assert int(frame["edited"].sum()) == truth.edited
    assert frame["timestamp"].iloc[0] == pd.Timestamp(truth.first, tz="UTC")
    assert frame["timestamp"].iloc[-1] == pd.Timestamp(truth.last, tz="UTC")
    assert frame["timestamp"].is_monotonic_increasing
    assert set(parsed.group_numbers) == truth.group_numbers
    assert parsed.rejected_headers == 0


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_variant_parses_exactly(name: str) -> None:
    spec = VARIANTS[name]
    chat = make_chat(400, seed=len(name), **spec)  # type: ignore[arg-type]
    _check(chat, chat.text)
    parsed = parse_chat(chat.text, chat_name=chat.name)
    assert parsed.platform == spec["platform"]
    assert parsed.date_order == spec.get("order", "dmy")
    assert parsed.clock == spec.get("clock", "24h")
    assert parsed.is_group == spec.get("group", True)
    assert not parsed.ambiguous_order


def test_no_message_text_is_kept() -> None:
    chat = make_chat(50, rates={"multiline": 0.5})
    frame = parse_chat(chat.text).frame
    assert set(frame.columns) == {"sender", "sender_phone_raw", "timestamp", "kind", "edited"}
    words = {"calcetto", "domani", "perfetto"}
    assert not any(w in str(v) for v in frame.to_numpy().ravel() for w in words)


def test_text_only_when_asked_for_the_benchmark() -> None:
    """``with_text`` (the chat benchmark's like-with-like table) adds every message's text."""
    chat = make_chat(50, rates={"multiline": 0.5})
    plain = parse_chat(chat.text).frame
    frame = parse_chat(chat.text, with_text=True).frame
    assert list(frame.columns) == [*plain.columns, "text"]
    assert len(frame) == len(plain) == chat.truth.messages
    assert frame["text"].map(len).gt(0).all()
    assert any("\n" in t for t in frame["text"])  # multi-line messages whole
    assert any(w in " ".join(frame["text"]) for w in ("calcetto", "domani", "perfetto"))


def test_header_inside_a_message_is_not_a_new_message() -> None:
    chat = make_chat(300, rates={"injection": 0.3, "multiline": 0.3})
    assert "\nvedi " in chat.text
    _check(chat, chat.text)


def test_legacy_colon_headers() -> None:
    text = (
        "12.07.2017, 22:35:22: Johannes Gruber: Was it good?\n"
        "13.07.2017, 08:01:00: Anna: yes\nsecond line\n"
        "14.07.2017, 09:00:00: Johannes Gruber: <Medien weggelassen>\n"
    )
    parsed = parse_chat(text)
    assert parsed.messages == 3
    assert parsed.by_kind() == {"text": 2, "media": 1, "system": 0, "deleted": 0}
    assert parsed.date_order == "dmy"


def test_ambiguous_dates_use_the_default_order() -> None:
    text = "01/02/24, 10:00 - Anna: a\n01/02/24, 10:05 - Bea: b\n"
    assert parse_chat(text).ambiguous_order
    assert parse_chat(text).date_order == "dmy"
    assert parse_chat(text, default_order="mdy").date_order == "mdy"
    stamp = parse_chat(text, default_order="mdy").frame["timestamp"].iloc[0]
    assert stamp == pd.Timestamp(datetime(2024, 1, 2, 10, 0), tz="UTC")


def test_day_order_decided_from_how_fields_change() -> None:
    # no field above 12, but the first field changes day by day within a month
    lines = [f"{d:02d}/03/24, 10:00 - Anna: x" for d in range(1, 13)]
    parsed = parse_chat("\n".join(lines))
    assert (parsed.date_order, parsed.ambiguous_order) == ("dmy", False)
    lines = [f"03/{d:02d}/24, 10:00 - Anna: x" for d in range(1, 13)]
    assert parse_chat("\n".join(lines)).date_order == "mdy"


@pytest.mark.parametrize("vectorised", [True, False])
def test_impossible_header_is_kept_as_text(vectorised: bool) -> None:
    """A line that looks like a header but has an impossible date or time is text of the
    message before it, as written, with the lines that follow it."""
    text = (
        "15/03/24, 10:00 - Anna: a\nmore of a\n\n"
        "15/03/24, 25:00 - Bea: b\nmore of b\n"
        "31/02/24, 10:00 - Bea: b2\n"
        "16/03/24, 10:00 - Bea: c\n"
        "16/03/24, 10:01 - Bea: d\n\n"
        "99/99/24, 10:02 - Bea: e\n"
    )
    parsed = parse_chat(text, with_text=True, vectorised=vectorised)
    assert parsed.messages == 3
    assert parsed.rejected_headers == 3
    assert list(parsed.frame["text"]) == [
        "a\nmore of a\n\n15/03/24, 25:00 - Bea: b\nmore of b\n31/02/24, 10:00 - Bea: b2",
        "c",
        "d\n\n99/99/24, 10:02 - Bea: e",
    ]
    assert list(parsed.frame["sender"]) == ["Anna", "Bea", "Bea"]


def test_system_lines_and_special_bodies_in_italian() -> None:
    text = (
        "\ufeff12/06/24, 21:34 - I messaggi e le chiamate sono crittografati end-to-end.\n"
        '12/06/24, 21:35 - Luca ha creato il gruppo "Calcetto"\n'
        "12/06/24, 21:35 - Luca ha aggiunto +39 333 123 4567\n"
        "12/06/24, 21:36 - +39 333 123 4567: ciao\n"
        "12/06/24, 21:37 - Luca: <Media omessi>\n"
        "12/06/24, 21:38 - Luca: IMG-20240612-WA0001.jpg (file allegato)\nfoto\n"
        "12/06/24, 21:39 - Luca: Questo messaggio è stato eliminato\n"
        "12/06/24, 21:40 - Luca: ok <Questo messaggio è stato modificato>\n"
        "12/06/24, 21:41 - Luca: Hai eliminato questo messaggio\n"
    )
    parsed = parse_chat(text)
    assert parsed.by_kind() == {"text": 2, "media": 2, "system": 3, "deleted": 2}
    assert parsed.is_group
    assert parsed.group_numbers == ["+39 333 123 4567"]
    assert int(parsed.frame["edited"].sum()) == 1


def test_ios_system_lines_under_the_group_name() -> None:
    text = (
        "[12/06/24, 21:34:00] Calcetto: \u200eI messaggi e le chiamate sono crittografati "
        "end-to-end.\n"
        "\u200e[12/06/24, 21:35:00] Calcetto: \u200eLuca ha aggiunto Marco\n"
        "[12/06/24, 21:36:00] \u202a+39 333 123 4567\u202c: \u200eimmagine omessa\n"
        "[12/06/24, 21:37:00] Luca: caption \u200e<allegato: 00000042-PHOTO-2024-06-12.jpg>\n"
        "[12/06/24, 21:38:00] Luca: \u200esticker omesso\n"
    )
    parsed = parse_chat(text, chat_name="Calcetto")
    assert parsed.by_kind() == {"text": 0, "media": 3, "system": 2, "deleted": 0}
    assert set(parsed.frame["sender_phone_raw"].dropna()) == {"+39 333 123 4567"}


def test_not_a_chat() -> None:
    with pytest.raises(NotAChat):
        parse_chat("hello\nworld\n")
    with pytest.raises(NotAChat):
        parse_chat(b"")


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_chat_name_from_file_name_in_every_language(lang: str) -> None:
    prefix = LANGS[lang].file_prefix
    assert chat_name_from_file(f"{prefix}Anna Bianchi.txt") == "Anna Bianchi"
    assert chat_name_from_file(f"{prefix}Anna Bianchi (2).zip") == "Anna Bianchi"
    underscored = f"{prefix}Anna Bianchi.txt".replace(" ", "_")
    assert chat_name_from_file(underscored) == "Anna Bianchi"


def test_chat_name_special_cases() -> None:
    assert chat_name_from_file("WhatsApp Chat - Calcetto.zip") == "Calcetto"
    assert chat_name_from_file("_chat.txt") is None
    assert chat_name_from_file("lorem.txt") == "lorem"


def _load(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return load_evidence([path], **kwargs)  # type: ignore[arg-type]


def test_business_chat_marks_the_source(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Pizzeria.txt"
    path.write_text(
        "15/03/24, 10:00 - This business uses a secure service from Meta to manage this chat.\n"
        "15/03/24, 10:01 - Pizzeria: Buongiorno\n",
        encoding="utf-8",
    )
    assert _load(path).sources[0].extra.get("business") is True


def test_txt_export_through_the_pipeline(tmp_path: Path) -> None:
    chat = make_chat(300, lang="it")
    path = write_chat(chat, tmp_path)
    evidence = _load(path)
    source = evidence.sources[0]
    assert (source.service, source.kind, source.format, source.layout) == (
        "whatsapp",
        "chat",
        "txt",
        "whatsapp-chat-android",
    )
    stats = source.chat
    assert stats is not None
    assert stats["messages"] == chat.truth.messages
    assert stats["by_kind"] == {k: chat.truth.by_kind.get(k, 0) for k in stats["by_kind"]}
    assert stats["senders"] == len(chat.truth.senders)
    assert (stats["platform"], stats["date_order"], stats["clock"]) == ("android", "dmy", "24h")
    messages = evidence.messages
    assert len(messages) == chat.truth.messages
    assert set(messages["chat"]) == {chat.name}
    assert messages["is_group"].all()
    contacts = evidence.contacts
    participants = contacts[contacts["origin"] == "chat_participant"]
    assert set(participants["phone_raw"]) == chat.truth.phone_senders
    members = contacts[contacts["origin"] == "group_member"]
    assert set(members["phone_raw"]) == chat.truth.group_numbers
    e164 = set(messages["sender_phone_e164"].dropna())
    assert "+393331234567" in e164


def test_ios_zip_uses_the_zip_name(tmp_path: Path) -> None:
    chat = make_chat(120, platform="ios", lang="en")
    path = write_chat(chat, tmp_path, as_zip=True)
    with zipfile.ZipFile(path) as zf:
        assert "_chat.txt" in zf.namelist()
    evidence = _load(path)
    assert evidence.sources[0].layout == "whatsapp-chat-ios"
    assert set(evidence.messages["chat"]) == {chat.name}
    assert len(evidence.messages) == chat.truth.messages
    assert evidence.sources[0].files_recognized == ["_chat.txt"]


def test_android_zip_with_media(tmp_path: Path) -> None:
    chat = make_chat(80, platform="android", lang="de")
    path = write_chat(chat, tmp_path, as_zip=True, media=5)
    archives = open_exports([path])
    try:
        detection = IMPORTER.detect(archives[0])
    finally:
        archives[0].close()
    assert detection is not None and detection.layout == "whatsapp-chat-android"
    evidence = _load(path)
    assert set(evidence.messages["chat"]) == {chat.name}
    assert evidence.sources[0].files_unrecognized == 0


def test_folder_with_several_chats(tmp_path: Path) -> None:
    first = make_chat(50, lang="it", group=False)
    second = make_chat(70, lang="fr")
    write_chat(first, tmp_path)
    write_chat(second, tmp_path)
    evidence = _load(tmp_path)
    assert len(evidence.sources) == 2
    assert sorted(s.chat["messages"] for s in evidence.sources) == [50, 70]  # type: ignore[index]


def test_ambiguous_file_gets_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_TIME", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "WhatsApp Chat with Bea.txt"
    path.write_text("01/02/24, 10:00 - Anna: a\n01/02/24, 10:05 - Bea: b\n", encoding="utf-8")
    source = _load(path).sources[0]
    assert any("either way" in w for w in source.warnings)
    assert source.chat is not None and source.chat["date_order"] == "dmy"
    source_it = _load(path, lang="it").sources[0]
    assert any("in entrambi i modi" in w for w in source_it.warnings)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert _load(path).sources[0].chat["date_order"] == "mdy"  # type: ignore[index]


def test_text_file_that_is_not_a_chat_is_refused(tmp_path: Path) -> None:
    from privacy_audit.errors import InputError

    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(InputError):
        _load(path)


def test_narrowed_regex_falls_back_when_a_line_is_missed() -> None:
    """The fast regex is narrowed to the first lines' format; other headers still count."""
    head = [f"{d:02d}/03/24, 10:{d:02d} - Anna: x" for d in range(1, 28)]
    odd = ["28/03/24, 10:00:30 - Bea: with seconds", "12/05 meeting at noon", "29/03/24 – x"]
    parsed = parse_chat("\n".join(head + odd))
    assert parsed.messages == 28
    assert parsed.frame["timestamp"].iloc[-1] == pd.Timestamp("2024-03-28 10:00:30", tz="UTC")


@pytest.mark.parametrize(
    ("text", "order", "clock", "first"),
    [
        ("12/07/2017 à 22:35 - Alice: Bonjour\n13/07/2017 à 08:00 - Bob: Salut\n",
         "dmy", "24h", "2017-07-12 22:35"),
        ("13.6.2018 klo 21.25.15 - a: m\n14.6.2018 klo 08.00.00 - b: n\n",
         "dmy", "24h", "2018-06-13 21:25:15"),
        ("[2025-03-13, 5:17:38 PM] Sender: hi\n[2025-03-14, 9:00:00 AM] Other: yo\n",
         "ymd", "12h", "2025-03-13 17:17:38"),
        ("[12.3.2022 klo 14.08.18] Matti: moi\n[13.3.2022 klo 09.00.00] Liisa: hei\n",
         "dmy", "24h", "2022-03-12 14:08:18"),
        ("3/15/24, 12:30\u202fAM - Alice: late\n3/16/24, 12:05\u202fPM - Bob: noon\n",
         "mdy", "12h", "2024-03-15 00:30"),
        ("[31/12/2019, 2:14:40 a.m.] Kiri: kia ora\n[1/1/2020, 1:00:00 p.m.] Ana: hi\n",
         "dmy", "12h", "2019-12-31 02:14:40"),
    ],
)  # fmt: skip
def test_more_locale_headers(text: str, order: str, clock: str, first: str) -> None:
    parsed = parse_chat(text)
    assert parsed.messages == 2
    assert (parsed.date_order, parsed.clock) == (order, clock)
    assert parsed.frame["timestamp"].iloc[0] == pd.Timestamp(first, tz="UTC")


@pytest.mark.parametrize(
    "notice",
    [
        "This business uses a secure service from Meta to manage this chat. Tap to learn more.",
        "This chat is with a business account. Tap for more info.",
        "Questa azienda usa un servizio sicuro di Meta per gestire questa chat.",
        "Questa azienda usa un servizio sicuro di Meta per gestire questa chat. "
        "Tocca per saperne di più.",
        "Questa chat è con un account aziendale. Tocca per maggiori informazioni.",
        "Dieses Unternehmen nutzt einen sicheren Service von Meta, um diesen Chat zu verwalten.",
        "Esta empresa usa un servicio seguro de Meta para administrar este chat.",
        "Cette entreprise utilise un service sécurisé de Meta pour gérer cette discussion.",
        "Esta empresa usa um serviço seguro da Meta para gerenciar esta conversa.",
        "Dit bedrijf gebruikt een beveiligde service van Meta om deze chat te beheren.",
    ],
)
def test_business_chat_is_flagged(notice: str) -> None:
    text = f"15/03/24, 10:00 - {notice}\n15/03/24, 10:01 - Pizzeria: Buongiorno\n"
    parsed = parse_chat(text)
    assert parsed.business
    assert parsed.by_kind()["system"] == 1
    assert not parse_chat("15/03/24, 10:01 - Pizzeria: Buongiorno\n").business


def test_ios_one_to_one_chat_named_after_the_contact() -> None:
    """In a 1:1 chat the chat name is the other person: only their U+200E lines are system."""
    text = (
        "[4/30/26, 2:47:03\u202fPM] Fabrikam: \u200eThis chat is with a business account.\n"
        "[4/30/26, 2:47:23\u202fPM] Alex: Hi, do you still have the free trial week?\n"
        "[4/30/26, 2:59:54\u202fPM] Fabrikam: Hi! Yes, show this chat at the desk\n"
        "[4/30/26, 3:00:00\u202fPM] Fabrikam: \u200eimage omitted\n"
        "[4/30/26, 3:01:00\u202fPM] Fabrikam: \u200eYour security code with Alex changed.\n"
    )
    parsed = parse_chat(text, chat_name="Fabrikam")
    assert parsed.by_kind() == {"text": 2, "media": 1, "system": 2, "deleted": 0}
    assert parsed.senders() == 2
    assert not parsed.is_group
