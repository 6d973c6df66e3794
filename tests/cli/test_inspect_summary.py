"""``inspect`` summarises one export without building its tables: the same output.

:func:`privacy_audit.pipeline.load_sources` reads one export into the sinks and takes
the row counts from them (no DataFrame, no pandas); :func:`load_evidence` builds every
table, normalises numbers and merges. Both must print exactly the same ``inspect``
text (en and it) and ``--json`` on chats, Meta zips and WhatsApp account reports
(bundled demo exports and synthetic ones with numbers that are not valid, an export
dated by its newest message). Controls plant faults in the summary's own steps
(another default region, no valid number, message times counted past their range)
and show the comparison catches them. A fresh interpreter shows that inspect of a
small chat or of a Meta zip never loads pandas, with a
control (two exports are merged: pandas is loaded, and the check says so).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import orjson
import pytest

from privacy_audit import pipeline
from privacy_audit.commands.inspect import render_text, to_json
from privacy_audit.demo import bundled_persona_paths
from privacy_audit.i18n import translator
from privacy_audit.model import SourceInfo
from privacy_audit.sources.meta import message_counts
from tests.sources.meta_builders import (
    build_facebook_export,
    build_instagram_export,
    build_messenger_export,
)
from tests.sources.whatsapp_builders import make_chat, write_chat, write_report

TINY_CHAT = "01/02/2024, 10:00 - Anna: ciao\n01/02/2024, 10:01 - Bruno: ciao!\n"
#: senders shown by their numbers, two not valid (possible, not assigned); a group line
#: with numbers, one not valid
NUMBERS_CHAT = (
    '12/03/2024, 09:00 - +39 347 123 4567 created group "Calcetto"\n'
    "12/03/2024, 09:01 - +39 347 123 4567 added +39 333 765 4321 and +44 7700 900123\n"
    "12/03/2024, 09:02 - +39 347 123 4567: ciao\n"
    "12/03/2024, 09:03 - +39 333 765 4321: <Media omitted>\n"
    "12/03/2024, 09:04 - +1 555 123 4567: hello\n"
    "12/03/2024, 09:05 - +44 7700 900123: hi\n"
    "13/03/2024, 21:15 - Marta: This message was deleted\n"
)
#: an address book with numbers that are not valid, and a file only the sweep reads
FACEBOOK_EXTRA = {
    "personal_information/other_personal_information/your_address_books.json": {
        "address_book_v2": {
            "address_book": [
                {"name": "Zio", "details": [{"contact_point": "+1 555 123 4567"}]},
                {"name": "Zia", "details": [{"contact_point": "351 000 0000"}]},
                {"name": "Nonna", "details": [{"contact_point": "06 123"}]},
            ]
        }
    },
    "your_facebook_activity/other_activity/mystery_contacts.json": {
        "people": [
            {"name": "Zio", "phone_number": "+44 7700 900123"},
            {"name": "Zoë", "email": "zoe.ferrari@example.com"},
        ]
    },
}
#: message times of the threads of an export named without a date (ms, some not times)
UNDATED_TIMES = (
    (1_700_000_000_000, 0, None, "soon"),
    (5_000_000_000_000, 1_710_000_000_123, True),
    (-5, 1.5e12),
)
#: words of the warning about contact points that are not valid numbers (en, it)
UNREAD_WORDS = ("are neither valid phone", "is neither a valid phone", "non è né", "non sono né")


def _outputs(sources: list[SourceInfo]) -> tuple[bytes, str, str]:
    return (
        orjson.dumps(to_json(sources), option=orjson.OPT_INDENT_2),
        render_text(sources, translator("en")),
        render_text(sources, translator("it")),
    )


def _both(paths: list[Path], region: str | None = None, lang: str = "en") -> tuple[tuple, tuple]:
    summary = pipeline.load_sources(paths, region=region, lang=lang)
    full = pipeline.load_evidence(paths, region=region, lang=lang).sources
    return _outputs(summary), _outputs(full)


def _inputs(folder: Path) -> dict[str, list[Path]]:
    tiny = folder / "WhatsApp Chat with Anna.txt"
    tiny.write_text(TINY_CHAT, encoding="utf-8")
    numbers = folder / "WhatsApp Chat with Calcetto.txt"
    numbers.write_text(NUMBERS_CHAT, encoding="utf-8")
    ios = write_chat(make_chat(150, platform="ios", lang="en", seed=3), folder / "ios", as_zip=True)
    two_chats = folder / "two chats.zip"
    with zipfile.ZipFile(two_chats, "w") as zf:
        zf.writestr("Chat WhatsApp con Marco.txt", make_chat(80, seed=4).text)
        zf.writestr("WhatsApp Chat with Lia.txt", make_chat(60, lang="en", seed=5).text)
    undated = folder / "export.zip"  # no date in the name: the newest message dates it
    with zipfile.ZipFile(undated, "w") as zf:
        for t, times in enumerate(UNDATED_TIMES):
            msgs = [{"sender_name": "Zoë", "timestamp_ms": ms, "content": "x"} for ms in times]
            doc = {"participants": [{"name": "Zoë"}, {"name": f"P{t}"}], "messages": msgs}
            zf.writestr(
                f"your_facebook_activity/messages/inbox/p{t}/message_1.json", orjson.dumps(doc)
            )
    inputs = {
        "tiny chat": [tiny],
        "threads without a date in the name": [undated],
        "chat with numbers": [numbers],
        "ios chat zip": [ios],
        "two chats in one zip": [two_chats],
        "facebook zip": [build_facebook_export(folder / "fb", extra_files=FACEBOOK_EXTRA)],
        "facebook html zip": [build_facebook_export(folder / "fbhtml", fmt="html")],
        "instagram zip": [build_instagram_export(folder / "ig")],
        "messenger zip": [build_messenger_export(folder / "ms")],
        "whatsapp report 2022": [write_report(folder / "wa2022.zip")],
        "whatsapp report 2018 html": [write_report(folder / "wa2018.zip", "2018", "html")],
    }
    for persona in ("giulia", "alex"):
        for path in bundled_persona_paths(persona):
            inputs[f"{persona}: {path.name}"] = [path]
    return inputs


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    return _inputs(tmp_path_factory.mktemp("inspect_summary"))


def test_summary_prints_what_the_built_tables_print(inputs: dict[str, list[Path]]) -> None:
    warned: set[str] = set()
    for name, paths in inputs.items():
        for region, lang in ((None, "en"), ("US", "it")):
            summary, full = _both(paths, region, lang)
            assert summary == full, name
            if any(words in summary[1] for words in UNREAD_WORDS):
                warned.add(name)
    # the inputs reach the warnings about numbers that are not valid
    assert {"chat with numbers", "facebook zip"} <= warned


#: faults planted in the summary's own steps, and the inputs whose output they change
FAULTS = {
    "numbers read with another region": (
        pipeline,
        "default_region_of",
        lambda rows, region=None: "US",
        {"facebook zip"},
    ),
    "no number valid": (
        pipeline,
        "normalize_many",
        lambda values, region: [None for _ in values],
        {"facebook zip", "chat with numbers"},
    ),
    "message times counted up to 2023-11-14": (
        message_counts,
        "MAX_MILLIS",
        1_700_000_000_001,
        {"threads without a date in the name"},
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_control_a_fault_in_the_summary_is_caught(
    inputs: dict[str, list[Path]], monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    """Planted faults in the summary's own steps: the comparison shows them."""
    module, name, planted, caught = FAULTS[fault]
    monkeypatch.setattr(module, name, planted)
    differ = {name for name, paths in inputs.items() if len(set(_both(paths, "IT"))) > 1}
    assert caught <= differ


#: a fresh interpreter runs the command line, then prints which of pandas and numpy
#: were loaded
_CHILD = textwrap.dedent(
    """
    import contextlib, io, sys
    from privacy_audit.cli import main

    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["inspect", "--lang", "en", *sys.argv[1:]])
    assert code == 0 and "export" in out.getvalue(), code
    print(",".join(m for m in ("pandas", "numpy") if m in sys.modules))
    """
)


def _loaded(*paths: Path) -> set[str]:
    """pandas and numpy, when inspect of ``paths`` in a fresh interpreter loaded them."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        timeout=120,
    )
    return set(filter(None, done.stdout.strip().split(",")))


def test_inspect_of_a_small_chat_does_not_load_pandas(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Anna.txt"
    chat.write_text(TINY_CHAT, encoding="utf-8")
    assert "pandas" not in _loaded(chat)


def test_inspect_of_a_meta_zip_does_not_load_pandas(tmp_path: Path) -> None:
    # (numpy may load: the phone-number fast path reads numbers with it)
    assert "pandas" not in _loaded(build_messenger_export(tmp_path))


def test_control_two_exports_are_merged_with_pandas_and_the_check_sees_it(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Anna.txt"
    chat.write_text(TINY_CHAT, encoding="utf-8")
    other = tmp_path / "WhatsApp Chat with Bruno.txt"
    other.write_text(TINY_CHAT.replace("Anna", "Carla"), encoding="utf-8")
    assert _loaded(chat, other) == {"pandas", "numpy"}
