"""Several exports of one person merge without double counting (issue 12 §5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privacy_audit.commands.inspect import render_text
from privacy_audit.i18n import translator
from privacy_audit.model import TABLES, Evidence
from privacy_audit.pipeline import load_evidence

from . import meta_builders as mb


def _counts(ev: Evidence) -> dict[str, int]:
    return {table: len(ev.tables[table]) for table in TABLES}


def _new(tmp_path: Path) -> Path:
    return mb.build_facebook_export(tmp_path / "new", "2024")


@pytest.mark.parametrize(
    ("layout", "fmt", "date"),
    [
        ("2020", "json", "2022-03-01"),
        ("2018", "json", "2019-01-10"),
        ("2024", "html", "2026-05-15"),
    ],
)
def test_old_and_new_give_the_counts_of_the_new_one(
    tmp_path: Path, layout: str, fmt: str, date: str
) -> None:
    new = _new(tmp_path)
    other = mb.build_facebook_export(tmp_path / "old", layout, fmt, export_date=date)
    alone = load_evidence([new])
    both = load_evidence([other, new])
    expected = _counts(alone)
    if layout == "2018":  # the 2018 export adds history the new one no longer has
        expected["contacts"] += len(mb.FB_CALL_LOG) + len(mb.FB_SMS_LOG)
    assert _counts(both) == expected
    merged = load_evidence([new, other])  # the order given does not matter
    assert _counts(merged) == expected
    shared = [s.extra["overlap"]["shared_rows"] for s in both.sources]
    assert shared[0] == shared[1] > 20
    assert both.sources[0].extra["overlap"]["with"] == [both.sources[1].path]


def test_the_same_download_twice(tmp_path: Path) -> None:
    new = _new(tmp_path)
    copy = tmp_path / "copy" / new.name.replace("2026-05-14", "2026-05-14-copy")
    copy.parent.mkdir()
    shutil.copy(new, copy)
    assert _counts(load_evidence([new, copy])) == _counts(load_evidence([new]))


def test_real_repeats_inside_one_export_stay(tmp_path: Path) -> None:
    twice = {
        "off_facebook_activity_v2": [
            {
                "name": "Shop",
                "events": [{"id": 1, "type": "PAGE_VIEW", "timestamp": 1700000000}] * 2,
            }
        ]
    }
    path = "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json"
    new = mb.build_facebook_export(tmp_path / "n", "2024", extra_files={path: twice})
    old = mb.build_facebook_export(
        tmp_path / "o", "2024", export_date="2025-01-01", extra_files={path: twice}
    )
    ev = load_evidence([old, new])
    assert len(ev.off_platform) == 2  # twice in each export: twice, not four times


def test_two_people_are_not_merged(tmp_path: Path) -> None:
    zoe = _new(tmp_path)
    other_profile = {
        "profile_v2": {
            "name": {"full_name": "Ugo Neri"},
            "emails": {"emails": ["ugo@example.net"]},
            "phone_numbers": [{"phone_number": "+39 320 999 8888"}],
            "username": "ugo.neri",
        }
    }
    ugo = mb.build_facebook_export(
        tmp_path / "u",
        "2024",
        username="ugoneri",
        export_date="2026-02-02",
        extra_files={
            "personal_information/profile_information/profile_information.json": other_profile,
            "personal_information/facebook_accounts_center/accounts_center.json": None,
            "your_facebook_activity/messages/autofill_information.json": None,
        },
    )
    ev = load_evidence([zoe, ugo])
    assert all("overlap" not in s.extra for s in ev.sources)
    assert len(ev.off_platform) == 2 * len(load_evidence([zoe]).off_platform)


def test_inspect_says_which_exports_overlapped(tmp_path: Path) -> None:
    new = _new(tmp_path)
    old = mb.build_facebook_export(tmp_path / "old", "2020", export_date="2022-03-01")
    ev = load_evidence([old, new])
    text = render_text(ev.sources, translator("en"))
    assert f"Same account as {old.name}:" in text and "are counted once" in text
    italian = render_text(ev.sources, translator("it"))
    assert "contate una volta sola" in italian
    assert ev.sources[0].to_json()["overlap"]["with"] == [new.name]


def test_json_and_html_copies_with_millisecond_times(tmp_path: Path) -> None:
    """JSON messages carry milliseconds, HTML pages only seconds: still one message."""
    people = ("Luca Rossi", mb.OWNER)
    msgs = (("Luca Rossi", 1_760_000_000_123, "text"), (mb.OWNER, 1_760_000_061_987, "text"))
    path = "your_facebook_activity/messages/inbox/luca_9/message_1.json"
    extra = {path: mb.thread_doc("Luca Rossi", people, msgs)}
    json_copy = mb.build_facebook_export(tmp_path / "j", "2024", extra_files=extra)
    tree = {**mb.facebook_tree("2024"), **extra}
    html_tree = mb.html.facebook_html_tree(tree, "2024")
    html_copy = mb.write_export(tmp_path / "h", f"facebook-zoeferrari-{mb.EXPORT_DATE}x", html_tree)
    alone = load_evidence([json_copy])
    both = load_evidence([json_copy, html_copy])
    assert len(both.messages) == len(alone.messages)
    assert _counts(both) == _counts(alone)


def test_instagram_json_and_html_copies(tmp_path: Path) -> None:
    """Instagram HTML shows minutes at UTC-8: the copies still merge."""
    json_copy = mb.build_instagram_export(tmp_path / "j", "2023")
    html_copy = mb.build_instagram_export(tmp_path / "h", "2023", "html", username="zoe_ig2")
    alone = _counts(load_evidence([json_copy]))
    both = load_evidence([json_copy, html_copy])
    assert both.sources[0].extra["overlap"]["shared_rows"] > 10
    got = _counts(both)
    assert {t: got[t] for t in ("contacts", "messages", "activity")} == {
        t: alone[t] for t in ("contacts", "messages", "activity")
    }


def test_the_same_chat_exported_twice_counts_once(tmp_path: Path) -> None:
    from .whatsapp_builders import make_chat, write_chat

    chat = make_chat(60, lang="it")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    text = write_chat(chat, tmp_path / "a")
    zipped = write_chat(chat, tmp_path / "b", as_zip=True)
    alone = load_evidence([text])
    both = load_evidence([text, zipped])
    assert len(both.sources) == 2
    assert len(both.messages) == len(alone.messages) == 60
    assert both.sources[0].extra["overlap"]["shared_rows"] >= 60
