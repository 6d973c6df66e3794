"""WhatsApp chat header variants found on real exports, each counted exactly (issue 12 §2)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import expand_inputs, load_evidence
from privacy_audit.sources.whatsapp.chat.parse import parse_chat

from .whatsapp_builders import make_chat, write_chat


def _stamps(text: str) -> list[str]:
    parsed = parse_chat(text)
    assert parsed.rejected_headers == 0
    return [str(t.tz_localize(None)) for t in parsed.frame["timestamp"]]


def test_android_12_hour_clock_writing_24_hour_times() -> None:
    """Some Android builds write ``23:59 PM``: the hour is kept, the marker ignored."""
    text = (
        "1/29/18, 23:59 PM - Alice: late\n"
        "1/30/18, 00:04 AM - Bob: very late\n"
        "1/30/18, 11:05 AM - Bob: morning\n"
        "1/30/18, 1:05 PM - Alice: afternoon\n"
        "1/30/18, 12:00 PM - Alice: noon\n"
        "1/31/18, 12:10 AM - Bob: midnight\n"
        "1/31/18, 13:10 PM - Bob: twenty-four hour again\n"
    )
    parsed = parse_chat(text)
    assert (parsed.messages, parsed.clock, parsed.date_order) == (7, "12h", "mdy")
    assert _stamps(text) == [
        "2018-01-29 23:59:00",
        "2018-01-30 00:04:00",
        "2018-01-30 11:05:00",
        "2018-01-30 13:05:00",
        "2018-01-30 12:00:00",
        "2018-01-31 00:10:00",
        "2018-01-31 13:10:00",
    ]


def test_em_dash_after_the_time() -> None:
    text = (
        "15/03/24, 14:30 \u2014 Ana: hola\n"
        "15/03/24, 14:31 \u2014 Ana: second\nline\n"
        "16/03/24, 09:00 \u2014 Ana ha creado el grupo \u201cX\u201d\n"
        "16/03/24, 09:05 - Bo: a hyphen in the same file\n"
    )
    parsed = parse_chat(text)
    assert parsed.messages == 4
    assert parsed.by_kind()["system"] == 1
    assert _stamps(text)[-1] == "2024-03-16 09:05:00"


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
def test_dutch_parts_of_the_day(apostrophe: str) -> None:
    """A Dutch 12-hour clock writes 's ochtends / 's middags / 's avonds / 's nachts."""
    s = apostrophe + "s"
    text = (
        f"22-07-2023 6:50 {s} avonds - Sanne: hoi\n"
        f"22-07-2023 11:59 {s} avonds - Daan: laat\n"
        f"23-07-2023 12:10 {s} nachts - Sanne: nacht\n"
        f"23-07-2023 3:10 {s} nachts - Sanne: nog steeds\n"
        f"23-07-2023 9:15 {s} ochtends - Daan: goedemorgen\n"
        f"23-07-2023 12:30 {s} middags - Daan: lunch\n"
        f"23-07-2023 4:45 {s} middags - Sanne: <Media weggelaten>\n"
    )
    parsed = parse_chat(text)
    assert (parsed.messages, parsed.clock, parsed.date_order) == (7, "12h", "dmy")
    assert parsed.by_kind() == {"text": 6, "media": 1, "system": 0, "deleted": 0}
    assert _stamps(text) == [
        "2023-07-22 18:50:00",
        "2023-07-22 23:59:00",
        "2023-07-23 00:10:00",
        "2023-07-23 03:10:00",
        "2023-07-23 09:15:00",
        "2023-07-23 12:30:00",
        "2023-07-23 16:45:00",
    ]


def test_dutch_parts_of_the_day_on_ios() -> None:
    text = (
        "[22-07-2023 6:50:01 \u2019s avonds] Sanne: hoi\n"
        "[23-07-2023 9:15:02 \u2019s ochtends] Daan: goedemorgen\n"
    )
    parsed = parse_chat(text)
    assert (parsed.messages, parsed.platform) == (2, "ios")
    assert _stamps(text) == ["2023-07-22 18:50:01", "2023-07-23 09:15:02"]


def test_spaced_date_with_a_trailing_dot() -> None:
    """``13. 6. 2018. 21:25:15 a: m`` (no dash; whatsapp-chat-parser's test line)."""
    text = (
        "13. 6. 2018. 21:25:15 a: m\n"
        "14. 6. 2018. 08:00:00 Petr Novák: ahoj\n"
        "druhý řádek\n"
        "1. 7. 2018. 9:05:00 a: <Média vynechána>\n"
    )
    parsed = parse_chat(text)
    assert (parsed.messages, parsed.date_order, parsed.clock) == (3, "dmy", "24h")
    assert set(parsed.frame["sender"]) == {"a", "Petr Novák"}
    assert _stamps(text) == ["2018-06-13 21:25:15", "2018-06-14 08:00:00", "2018-07-01 09:05:00"]


def test_new_variants_do_not_change_the_generated_ones() -> None:
    chat = make_chat(300, lang="nl", sep="-", year_digits=4)
    assert parse_chat(chat.text).messages == chat.truth.messages


def _attachment_zip(path: Path, chat_text: str) -> None:
    """A zip someone sent in the chat, itself holding a chat (the worst case)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", chat_text)


def test_zip_attachment_in_an_extracted_ios_chat_folder(tmp_path: Path) -> None:
    folder = tmp_path / "WhatsApp Chat - Calcetto"
    folder.mkdir()
    chat_text = (
        "[15/03/2024, 14:30:00] Calcetto: \u200eMessages and calls are end-to-end encrypted.\n"
        "[15/03/2024, 14:31:00] Ana: the documents\n"
        "[15/03/2024, 14:31:05] Ana: \u200e<attached: 00000012-documenti.zip>\n"
        "[15/03/2024, 14:32:00] Bo: \u200e<attached: 00000013-PHOTO-2024-03-15-14-32-00.jpg>\n"
    )
    (folder / "_chat.txt").write_text(chat_text, encoding="utf-8")
    (folder / "00000013-PHOTO-2024-03-15-14-32-00.jpg").write_bytes(b"\xff\xd8\xff" + bytes(20))
    other = make_chat(40, platform="ios", lang="en")
    _attachment_zip(folder / "00000012-documenti.zip", other.text)
    assert expand_inputs([folder]) == [[folder / "_chat.txt"]]
    evidence = load_evidence([folder])
    assert len(evidence.sources) == 1
    assert evidence.sources[0].chat["messages"] == 4  # type: ignore[index]
    assert evidence.sources[0].chat["by_kind"]["media"] == 2  # type: ignore[index]
    assert len(evidence.messages) == 4


def test_zip_attachment_in_an_extracted_android_chat_folder(tmp_path: Path) -> None:
    chat = make_chat(60, platform="android", lang="it")
    folder = tmp_path / "chat"
    path = write_chat(chat, folder)
    extra = "15/03/24, 10:00 - Ana: progetto.zip (file allegato)\n"
    path.write_text(chat.text + extra, encoding="utf-8")
    _attachment_zip(folder / "progetto.zip", make_chat(30, platform="ios").text)
    evidence = load_evidence([folder])
    assert len(evidence.sources) == 1
    assert len(evidence.messages) == chat.truth.messages + 1


def test_a_chat_zip_not_named_in_the_text_is_still_a_chat(tmp_path: Path) -> None:
    """Control: a real second export next to a chat text is read (nothing is lost)."""
    first = make_chat(50, lang="it")
    second = make_chat(70, platform="ios", lang="en")
    write_chat(first, tmp_path)
    write_chat(second, tmp_path, as_zip=True)
    evidence = load_evidence([tmp_path])
    assert sorted(s.chat["messages"] for s in evidence.sources) == [50, 70]  # type: ignore[index]
    assert len(evidence.messages) == 120
    assert pd.api.types.is_datetime64_any_dtype(evidence.messages["timestamp"])


def test_date_order_from_time_order() -> None:
    """No field above 12 and too few dates to count changes: the order under which the
    dates never go back wins (8 May before 9 April cannot be)."""
    text = "06/03/2017, 00:45 - Anna: a\n08/05/2017, 01:48 - Bea: b\n09/04/2017, 01:50 - Anna: c\n"
    parsed = parse_chat(text)
    assert (parsed.date_order, parsed.ambiguous_order) == ("mdy", False)
    assert parsed.frame["timestamp"].is_monotonic_increasing
    same_day = "06/03/2017, 00:45 - Anna: a\n06/03/2017, 01:48 - Bea: b\n"
    assert parse_chat(same_day).ambiguous_order  # control: nothing to go by
