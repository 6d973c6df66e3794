"""WhatsApp chat exports with invalid dates and binary garbage (Android and iOS
styles, loose .txt and zipped): a clean result or message, never a traceback."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from privacy_audit.errors import InputError
from privacy_audit.pipeline import load_evidence

from .hostile import demo_files, inspect_and_report, load_or_input_error, make_zip, write

ANDROID = "Chat WhatsApp con Mamma.txt"  # giulia: dd/mm/yy, HH:MM - Name: text
IOS = "WhatsApp Chat - Sam Patel.zip"  # alex: [m/d/yy, h:mm:ss AM] Name: text

BAD_DATES = [
    "31/02/25, 25:61 - Mamma: invalid day and time",
    "00/00/00, 00:00 - Mamma: zeros",
    "99/99/9999, 99:99 - Mamma: nines",
    "14/10/25, 10:11 -",
    "14/10/25, 10:11 - : empty sender",
    "32/13/2025, 10:11 - Mamma: month 13",
    "[31/02/2025, 25:61:99] Mamma: iOS style, invalid",
    "[2025-13-45 10:00:00] Mamma: ISO-ish, invalid",
    "[1/1/1, 1:1:1 AM] Mamma: tiny",
    "[12/31/99999999999999999999, 1:00:00 PM] Mamma: overflowing year",
    "14/10/25, 10:11 a.m. - Mamma: locale suffix",
    "14.10.25, 10:11 - Mamma: dots",
    "\u200e[10/15/25, 1:38:26\u202fPM] Sam Patel: narrow no-break space",
    "1/1/70, 00:00 - Mamma: epoch",
    "-1/-1/-1, -1:-1 - Mamma: negative",
]


def _garbage(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def variants(text: bytes, rng: random.Random) -> dict[str, bytes]:
    """Named hostile versions of a chat file's bytes."""
    lines = text.split(b"\n")
    bad = "\n".join(BAD_DATES).encode()
    mixed = []
    for i, line in enumerate(lines):
        mixed.append(line)
        if i % 3 == 0:
            mixed.append(BAD_DATES[i % len(BAD_DATES)].encode())
    return {
        "invalid-dates-only": bad,
        "invalid-dates-mixed": b"\n".join(mixed),
        "garbage-between-lines": b"\n".join(line + b"\n" + _garbage(rng, 64) for line in lines),
        "garbage-only": _garbage(rng, 200_000),
        "nul-bytes": text.replace(b" - ", b" -\x00 ").replace(b": ", b":\x00 "),
        "utf16": text.decode("utf-8", "replace").encode("utf-16"),
        "cr-only": text.replace(b"\n", b"\r"),
        "long-line": lines[0] + b"x" * 5_000_000,
        "truncated-utf8": text[: len(text) // 2] + b"\xe2\x82",
        "empty": b"",
        "only-header": lines[0],
        "many-senders": b"\n".join(
            f"14/10/25, 10:{i % 60:02d} - Person {i}: hi".encode() for i in range(20_000)
        ),
    }


def _android_chat() -> bytes:
    return demo_files("giulia")[ANDROID]


def _ios_chat() -> bytes:
    with zipfile.ZipFile(io.BytesIO(demo_files("alex")[IOS])) as zf:
        return zf.read("_chat.txt")


KINDS = sorted(variants(b"a\nb", random.Random(0)))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("style", ["android-txt", "ios-zip"])
def test_hostile_chat(
    kind: str, style: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(f"{kind}{style}")
    if style == "android-txt":
        data = variants(_android_chat(), rng)[kind]
        path = write(tmp_path / "in" / ANDROID, data)
    else:
        data = variants(_ios_chat(), rng)[kind]
        path = write(tmp_path / "in" / IOS, make_zip({"_chat.txt": data}))
    inspect_and_report([path], tmp_path / "out", capsys)


def test_hostile_chats_together_with_good_exports(tmp_path: Path) -> None:
    """Every hostile chat at once, next to the persona's good exports, in one run."""
    rng = random.Random(3)
    files = demo_files("giulia")
    paths = [write(tmp_path / "in" / n, d) for n, d in files.items() if not n.endswith(".txt")]
    alone = load_or_input_error(list(paths))
    hostile = []
    for kind, data in variants(_android_chat(), rng).items():
        chat = write(tmp_path / "in" / f"Chat WhatsApp con {kind}.txt", data)
        try:
            load_evidence([chat])
        except InputError as exc:  # not a chat at all: refused by name, with what to do
            assert exc.path is not None and exc.path.name == chat.name
            continue
        hostile.append(chat)
    assert len(hostile) >= 5
    evidence = load_or_input_error([*paths, *hostile], audit=True)
    # the good exports are read in full next to the hostile chats
    names = {p.name for p in hostile}
    for table, frame in alone.tables.items():
        if "source_file" in frame:
            kept = evidence.tables[table]
            kept = kept[~kept["source_file"].isin(names)]
            assert len(kept) == len(frame), table
