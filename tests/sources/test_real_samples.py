"""Every real sample in tests/data/real reads exactly (see tests/data/real/SOURCES.md).

The expected values come from the samples' own projects (their test assertions) or from
counting the header lines of the file; SOURCES.md says which, and explains the cases where
a peer counts differently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import load_evidence

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
WHATSAPP = REAL / "whatsapp"

#: path under whatsapp/ -> (messages, (text, media, system, deleted), date order, clock,
#: platform, first time, last time)
CHATS: dict[str, tuple[int, tuple[int, int, int, int], str, str, str, str, str]] = {
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0026.txt": (
        2, (2, 0, 0, 0), "dmy", "12h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0062.txt": (
        2, (2, 0, 0, 0), "mdy", "12h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0126.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0153.txt": (
        2, (2, 0, 0, 0), "mdy", "24h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0181.txt": (
        2, (2, 0, 0, 0), "dmy", "12h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0217.txt": (
        2, (2, 0, 0, 0), "mdy", "12h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0263.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0299.txt": (
        2, (2, 0, 0, 0), "mdy", "24h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0327.txt": (
        2, (2, 0, 0, 0), "dmy", "12h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0372.txt": (
        2, (2, 0, 0, 0), "mdy", "24h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0418.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0436.txt": (
        2, (2, 0, 0, 0), "mdy", "12h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0463.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0484.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "ios", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0493.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0502.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0520.txt": (
        2, (1, 0, 1, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0529.txt": (
        2, (2, 0, 0, 0), "mdy", "24h", "android", "2017-07-12 22:35:00", "2017-07-13 09:12:00"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0539.txt": (
        2, (2, 0, 0, 0), "ymd", "24h", "ios", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0548.txt": (
        2, (2, 0, 0, 0), "ymd", "24h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0557.txt": (
        2, (2, 0, 0, 0), "ymd", "12h", "android", "2017-07-12 22:35:22", "2017-07-13 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0567.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "ios", "2015-05-07 22:35:22", "2015-05-08 09:12:44"),
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0577.txt": (
        2, (2, 0, 0, 0), "dmy", "12h", "android", "2017-07-12 10:35:00", "2017-07-13 22:36:00"),
    "JBGruber__rwhatsapp/inst/extdata/sample.txt": (
        9, (6, 1, 2, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2018-09-28 13:30:00"),
    "JBGruber__rwhatsapp/inst/extdata/sample.zip": (
        9, (6, 1, 2, 0), "dmy", "24h", "android", "2017-07-12 22:35:00", "2018-09-28 13:30:00"),
    "Pustur__whatsapp-chat-parser/inline/index.test_L0004_chatExample.txt": (
        5, (3, 0, 2, 0), "mdy", "24h", "android", "2017-06-03 00:45:00", "2017-09-04 01:50:00"),
    "Pustur__whatsapp-chat-parser/inline/index.test_L0034.txt": (
        2, (2, 0, 0, 0), "dmy", "24h", "android", "2020-12-30 13:00:00", "2021-01-13 13:00:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0139.txt": (
        1, (1, 0, 0, 0), "mdy", "12h", "android", "2018-03-06 13:55:00", "2018-03-06 13:55:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0140.txt": (
        1, (1, 0, 0, 0), "dmy", "12h", "android", "2018-06-03 13:55:00", "2018-06-03 13:55:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0141.txt": (
        1, (1, 0, 0, 0), "dmy", "24h", "android", "2018-06-13 21:25:15", "2018-06-13 21:25:15"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0142.txt": (
        1, (1, 0, 0, 0), "mdy", "24h", "ios", "2018-06-13 21:25:15", "2018-06-13 21:25:15"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0143.txt": (
        1, (1, 0, 0, 0), "dmy", "24h", "android", "2018-06-13 21:25:15", "2018-06-13 21:25:15"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0144.txt": (
        1, (1, 0, 0, 0), "dmy", "24h", "android", "2018-06-13 21:25:15", "2018-06-13 21:25:15"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0145.txt": (
        1, (1, 0, 0, 0), "mdy", "12h", "ios", "2018-03-06 13:55:00", "2018-03-06 13:55:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0147.txt": (
        1, (1, 0, 0, 0), "mdy", "12h", "ios", "2018-03-06 13:55:00", "2018-03-06 13:55:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0148.txt": (
        1, (1, 0, 0, 0), "ymd", "24h", "ios", "2018-06-13 21:25:15", "2018-06-13 21:25:15"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0151.txt": (
        1, (1, 0, 0, 0), "dmy", "12h", "android", "2018-06-03 13:55:00", "2018-06-03 13:55:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0153.txt": (
        1, (1, 0, 0, 0), "mdy", "12h", "android", "2018-03-06 13:55:00", "2018-03-06 13:55:00"),
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0203_attachments.txt": (
        5, (1, 4, 0, 0), "mdy", "12h", "android", "2018-03-06 13:55:00", "2018-03-06 13:55:00"),
    "gesiscss__WhatsR/inst/englishandroid24h.txt": (
        50, (38, 3, 8, 1), "mdy", "24h", "android", "2018-01-29 12:24:00", "2018-01-30 00:23:00"),
    "gesiscss__WhatsR/inst/englishandroidampm.txt": (
        50, (38, 3, 8, 1), "mdy", "12h", "android", "2018-01-29 12:24:00", "2018-01-30 00:23:00"),
    "gesiscss__WhatsR/inst/englishios24h.txt": (
        50, (38, 3, 8, 1), "mdy", "24h", "ios", "2018-01-29 12:24:03", "2018-01-30 00:23:03"),
    "gesiscss__WhatsR/inst/englishiosampm.txt": (
        50, (38, 3, 8, 1), "mdy", "12h", "ios", "2018-01-29 12:24:03", "2018-01-30 00:23:03"),
    "gesiscss__WhatsR/inst/germanandroid24h.txt": (
        50, (38, 3, 8, 1), "dmy", "24h", "android", "2018-01-29 12:24:00", "2018-01-30 00:23:00"),
    "gesiscss__WhatsR/inst/germanandroidampm.txt": (
        50, (38, 3, 8, 1), "dmy", "12h", "android", "2018-01-29 12:24:00", "2018-01-30 00:23:00"),
    "gesiscss__WhatsR/inst/germanios24h.txt": (
        50, (38, 3, 8, 1), "dmy", "24h", "ios", "2018-01-29 12:24:03", "2018-01-30 00:23:03"),
    "gesiscss__WhatsR/inst/germaniosampm.txt": (
        50, (38, 3, 8, 1), "dmy", "12h", "ios", "2018-01-29 12:24:03", "2018-01-30 00:23:03"),
    "joweich__chat-miner/test/whatsapp/test_[mmddyy]_24hrs.txt": (
        9, (6, 0, 2, 1), "mdy", "24h", "ios", "2019-01-01 11:25:00", "2021-12-30 22:01:00"),
    "joweich__chat-miner/test/whatsapp/test_ddmmyy_24hrs.txt": (
        9, (6, 0, 2, 1), "dmy", "24h", "android", "2019-01-01 11:25:00", "2021-12-30 22:01:00"),
    "joweich__chat-miner/test/whatsapp/test_mmddyy_24hrs.txt": (
        9, (6, 0, 2, 1), "mdy", "24h", "android", "2019-01-01 11:25:00", "2021-12-30 22:01:00"),
    "joweich__chat-miner/test/whatsapp/test_mmddyyyy_12hrs.txt": (
        9, (6, 0, 2, 1), "mdy", "12h", "android", "2019-01-01 11:25:00", "2021-12-30 22:01:00"),
    "joweich__chat-miner/test/whatsapp/test_yyyymmdd_24hrs.txt": (
        9, (6, 0, 2, 1), "ymd", "24h", "android", "2019-01-01 11:25:00", "2021-12-30 22:01:00"),
    "lucasrodes__whatstk/chats/whatsapp/lorem-2000.txt": (
        2000, (2000, 0, 0, 0), "ymd", "24h", "ios", "2019-04-16 02:09:00", "2020-06-13 00:00:00"),
    "lucasrodes__whatstk/chats/whatsapp/lorem-merge-part1.txt": (
        300, (300, 0, 0, 0), "ymd", "24h", "android", "2019-10-20 10:16:00", "2020-01-10 00:00:00"),
    "lucasrodes__whatstk/chats/whatsapp/lorem-merge-part2.txt": (
        300, (300, 0, 0, 0), "ymd", "24h", "android", "2020-06-20 10:16:00", "2020-09-10 00:00:00"),
    "lucasrodes__whatstk/chats/whatsapp/lorem.txt": (
        500, (500, 0, 0, 0), "dmy", "24h", "ios", "2020-01-15 02:22:56", "2020-05-11 22:32:48"),
    "lucasrodes__whatstk/chats/whatsapp/pokemon.txt": (
        20, (18, 0, 2, 0), "dmy", "24h", "android", "2016-04-15 15:04:00", "2016-10-31 12:23:00"),
    "mtmxo__whatsapp-chat-analyzer/tests/fixtures/android_it.txt": (
        3, (2, 0, 1, 0), "dmy", "24h", "android", "2024-06-12 21:34:00", "2024-06-12 21:36:00"),
    "mtmxo__whatsapp-chat-analyzer/tests/fixtures/ios_en.txt": (
        3, (2, 1, 0, 0), "dmy", "12h", "ios", "2024-06-12 21:34:05", "2024-06-12 21:36:00"),
}  # fmt: skip

#: contacts a chat gives (origin, number as written, E.164 or None when not valid); every
#: other sample gives none. chat-miner's group creator "+12 345 578" is a possible but not a
#: valid number: kept as written, and the user is told.
CHAT_MINER_CREATOR = [("group_member", "+12 345 578", None)]
CONTACTS: dict[str, list[tuple[str, str, str | None]]] = {
    f"joweich__chat-miner/test/whatsapp/{name}": CHAT_MINER_CREATOR
    for name in (
        "test_[mmddyy]_24hrs.txt",
        "test_ddmmyy_24hrs.txt",
        "test_mmddyy_24hrs.txt",
        "test_mmddyyyy_12hrs.txt",
        "test_yyyymmdd_24hrs.txt",
    )
}
# a sender shown by a number that is possible but not valid (+41 then a leading 0)
CONTACTS["Pustur__whatsapp-chat-parser/inline/index.test_L0004_chatExample.txt"] = [
    ("chat_participant", "+410123456789", None)
]

#: one-line files whose day and month cannot be told apart (SOURCES.md)
AMBIGUOUS = {
    "JBGruber__rwhatsapp/inline/test-rwhatsapp_L0567.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0139.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0140.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0145.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0147.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0151.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0153.txt",
    "Pustur__whatsapp-chat-parser/inline/parser.test_L0203_attachments.txt",
    "mtmxo__whatsapp-chat-analyzer/tests/fixtures/android_it.txt",
    "mtmxo__whatsapp-chat-analyzer/tests/fixtures/ios_en.txt",
}


@pytest.fixture(autouse=True)
def _no_system_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ambiguous samples use the built-in default, whatever the machine's locale."""
    for var in ("LANGUAGE", "LC_ALL", "LC_TIME", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(var, raising=False)


def test_every_sample_is_listed() -> None:
    """A sample added to the folder without an expectation fails here."""
    found = {
        p.relative_to(WHATSAPP).as_posix()
        for p in WHATSAPP.rglob("*")
        if p.is_file() and p.suffix in (".txt", ".zip")
    }
    assert found == set(CHATS)
    meta = [REAL / "meta" / "joweich__chat-miner" / "test" / "instagram" / "test_export.json"]
    meta.append(CONTEXT_USE)
    assert all(path.exists() for path in meta)
    assert len(CHATS) + len(meta) >= 40


@pytest.mark.parametrize("name", sorted(CHATS))
def test_chat_sample_reads_exactly(name: str) -> None:
    messages, kinds, order, clock, platform, first, last = CHATS[name]
    evidence = load_evidence([WHATSAPP / name])
    assert len(evidence.sources) == 1
    source = evidence.sources[0]
    assert (source.service, source.kind) == ("whatsapp", "chat")
    chat = source.chat
    assert chat is not None
    assert chat["messages"] == messages == len(evidence.messages)
    assert chat["by_kind"] == dict(zip(("text", "media", "system", "deleted"), kinds, strict=True))
    assert (chat["date_order"], chat["clock"], chat["platform"]) == (order, clock, platform)
    stamps = evidence.messages["timestamp"]
    assert stamps.min() == pd.Timestamp(first, tz="UTC")
    assert stamps.max() == pd.Timestamp(last, tz="UTC")
    contacts = evidence.contacts
    found = list(
        zip(contacts["origin"], contacts["phone_raw"], contacts["phone_e164"], strict=True)
    )
    assert [(o, r, None if pd.isna(e) else e) for o, r, e in found] == CONTACTS.get(name, [])
    unread = any("kept as written" in w for w in source.warnings)
    assert unread is any(e is None for _, _, e in CONTACTS.get(name, []))
    ambiguous = any("could be read either way" in w for w in source.warnings)
    assert ambiguous is (name in AMBIGUOUS)
    assert not any("impossible" in w for w in source.warnings)


@pytest.mark.parametrize(
    "name",
    [
        "test_[mmddyy]_24hrs.txt",
        "test_ddmmyy_24hrs.txt",
        "test_mmddyy_24hrs.txt",
        "test_mmddyyyy_12hrs.txt",
        "test_yyyymmdd_24hrs.txt",
    ],
)
def test_chat_miner_text_messages_are_its_target(name: str) -> None:
    """chat-miner's own expected messages (time, author) are exactly our text messages."""
    folder = WHATSAPP / "joweich__chat-miner" / "test" / "whatsapp"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    expected = sorted((pd.Timestamp(t["timestamp"], tz="UTC"), t["author"]) for t in target)
    messages = load_evidence([folder / name]).messages
    text = messages[messages["kind"] == "text"]
    assert sorted(zip(text["timestamp"], text["sender"], strict=True)) == expected


def test_whatsr_senders_and_no_group_name_as_sender() -> None:
    """The 8 WhatsR exports are one scripted conversation: the same people everywhere."""
    senders = set()
    for name in CHATS:
        if name.startswith("gesiscss__WhatsR/"):
            messages = load_evidence([WHATSAPP / name]).messages
            people = messages.loc[messages["kind"] != "system", "sender"].dropna()
            senders.add(frozenset(people))
    assert len(senders) == 1
    assert "WhatsAppParserTest" not in " ".join(next(iter(senders)))


def test_instagram_message_file_of_chat_miner(tmp_path: Path) -> None:
    """chat-miner's Instagram message file, placed where an export keeps a thread."""
    folder = REAL / "meta" / "joweich__chat-miner" / "test" / "instagram"
    export = tmp_path / "instagram-jdoe-2020-01-20"
    thread = export / "your_instagram_activity" / "messages" / "inbox" / "janedoe_12345"
    thread.mkdir(parents=True)
    (thread / "message_1.json").write_bytes((folder / "test_export.json").read_bytes())
    evidence = load_evidence([export])
    assert [s.service for s in evidence.sources] == ["instagram"]
    messages = evidence.messages
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    expected = sorted((pd.Timestamp(t["timestamp"], tz="UTC"), t["author"]) for t in target)
    assert sorted(zip(messages["timestamp"], messages["sender"], strict=True)) == expected


CONTEXT_USE = (
    REAL / "meta" / "onfabric__context-use" / "tests/fixtures/users/alice/instagram/v1/threads"
)


def test_instagram_export_of_context_use() -> None:
    """context-use's synthetic 2025-26 Instagram export (JSON files only, as an export
    folder): every row we read, counted from the files and, where it has them, from
    context-use's own tests (followers 2, following 2, inbox thread 5 messages)."""
    evidence = load_evidence([CONTEXT_USE])
    (source,) = evidence.sources
    assert (source.service, source.layout, source.format) == ("instagram", "instagram-2023", "json")
    assert source.tables == {
        "identifiers": 6,
        "contacts": 6,
        "activity": 4,
        "off_platform": 1,
        "messages": 6,
    }
    # 555-01xx numbers are reserved for fiction: kept as written, and the user is told
    assert source.warnings == [
        "2 contact points in synced_contacts.json are neither valid phone numbers nor "
        "e-mail addresses; they are kept as written."
    ]
    ids = evidence.identifiers
    assert set(zip(ids["kind"], ids["raw"], ids["valid"], strict=True)) == {
        ("email", "alice.synthetic@example.com", True),
        ("username", "alice_synthetic", True),
        ("name", "Alice Synthetic", True),
        ("phone", "+15555550199", False),
    }
    contacts = evidence.contacts
    assert sorted(zip(contacts["origin"], contacts["name"], strict=True)) == [
        ("followers", "synthetic_follower_1"),
        ("followers", "synthetic_follower_2"),
        ("following", "synthetic_foodblog"),
        ("following", "synthetic_photographer"),
        ("synced_contacts", "Bob Smith"),
        ("synced_contacts", "Carol"),
    ]
    synced = contacts[contacts["origin"] == "synced_contacts"]
    assert sorted(synced["phone_raw"]) == ["+15555550100", "+15555550101"]
    assert synced["phone_e164"].isna().all()
    activity = evidence.activity
    assert sorted(activity["kind"]) == ["device", "device", "login", "registration"]
    assert set(activity["ip"].dropna()) == {"192.0.2.100", "192.0.2.50"}
    off = evidence.off_platform
    assert list(zip(off["app"], off["event"], strict=True)) == [("example.com", "PAGE_VIEW")]
    assert off["timestamp"].iloc[0] == pd.Timestamp(1771188060, unit="s", tz="UTC")
    messages = evidence.messages
    assert messages.groupby("chat").size().to_dict() == {"bobsmith": 5, "spambot_account": 1}
    # timestamp_ms 1725022880969 is the newest message (compared to the millisecond)
    assert messages["timestamp"].max().round("ms") == pd.Timestamp(
        1725022880969, unit="ms", tz="UTC"
    )
