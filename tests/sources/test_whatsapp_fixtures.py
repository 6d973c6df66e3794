"""The real chat samples in ../shared/fixtures/whatsapp (skipped in a plain clone).

Expected counts: header lines of each file (a message per header, system lines included),
cross-checked with whatsapp.md §3.8 (the peers' user-message counts) and, for
chat-miner's fixtures, with its ``target.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import load_evidence

# path under fixtures/whatsapp -> (messages, by_kind, date_order, clock, platform)
EXPECTED = {
    "lucasrodes__whatstk/chats/whatsapp/pokemon.txt": (
        20, {"text": 18, "media": 0, "system": 2, "deleted": 0}, "dmy", "24h", "android"),
    "lucasrodes__whatstk/chats/whatsapp/lorem.txt": (
        500, {"text": 500, "media": 0, "system": 0, "deleted": 0}, "dmy", "24h", "ios"),
    "lucasrodes__whatstk/chats/whatsapp/lorem-2000.txt": (
        2000, {"text": 2000, "media": 0, "system": 0, "deleted": 0}, "ymd", "24h", "ios"),
    "mlomb__chat-analytics/tests/samples/whatsapp/4A_11M.txt": (
        14, {"text": 11, "media": 0, "system": 3, "deleted": 0}, "dmy", "24h", "android"),
    "mtmxo__whatsapp-chat-analyzer/tests/fixtures/android_it.txt": (
        3, {"text": 2, "media": 0, "system": 1, "deleted": 0}, "dmy", "24h", "android"),
    "mtmxo__whatsapp-chat-analyzer/tests/fixtures/ios_en.txt": (
        3, {"text": 2, "media": 1, "system": 0, "deleted": 0}, "dmy", "12h", "ios"),
    "gesiscss__WhatsR/inst/englishiosampm.txt": (
        50, {"text": 38, "media": 3, "system": 8, "deleted": 1}, "mdy", "12h", "ios"),
    "gesiscss__WhatsR/inst/germanandroid24h.txt": (
        50, {"text": 38, "media": 3, "system": 8, "deleted": 1}, "dmy", "24h", "android"),
    "gesiscss__WhatsR/inst/germanios24h.txt": (
        50, {"text": 38, "media": 3, "system": 8, "deleted": 1}, "dmy", "24h", "ios"),
}  # fmt: skip
CHAT_MINER = {
    "test_ddmmyy_24hrs.txt": ("dmy", "android"),
    "test_mmddyyyy_12hrs.txt": ("mdy", "android"),
    "test_yyyymmdd_24hrs.txt": ("ymd", "android"),
    "test_[mmddyy]_24hrs.txt": ("mdy", "ios"),
}


@pytest.fixture(autouse=True)
def _no_system_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ambiguous samples fall back to the built-in default, whatever the machine's locale."""
    for var in ("LANGUAGE", "LC_ALL", "LC_TIME", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(var, raising=False)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shared_sample_counts(shared_fixtures: Path, name: str) -> None:
    path = shared_fixtures / "whatsapp" / name
    if not path.exists():
        pytest.skip(f"{name} not in shared fixtures")
    messages, by_kind, order, clock, platform = EXPECTED[name]
    evidence = load_evidence([path])
    stats = evidence.sources[0].chat
    assert stats is not None
    assert stats["messages"] == messages == len(evidence.messages)
    assert stats["by_kind"] == by_kind
    assert (stats["date_order"], stats["clock"], stats["platform"]) == (order, clock, platform)


def test_whatsr_user_messages_match_the_peers(shared_fixtures: Path) -> None:
    """whatstk and chat-miner return 41 user messages for englishiosampm (§3.8)."""
    path = shared_fixtures / "whatsapp/gesiscss__WhatsR/inst/englishiosampm.txt"
    if not path.exists():
        pytest.skip("WhatsR sample absent")
    messages = load_evidence([path]).messages
    # the peers drop the 8 system lines and the empty (view-once) message
    assert ((messages["kind"] == "text") | (messages["kind"] == "media")).sum() == 41
    # 00:04:03 AM (an impossible 12h time in the sample) is read as 00:04:03
    assert (messages["timestamp"] == pd.Timestamp("2018-01-30 00:04:03", tz="UTC")).sum() == 1


@pytest.mark.parametrize("name", sorted(CHAT_MINER))
def test_chat_miner_samples_equal_its_target(shared_fixtures: Path, name: str) -> None:
    folder = shared_fixtures / "whatsapp/joweich__chat-miner/test/whatsapp"
    path = folder / name
    if not path.exists():
        pytest.skip(f"{name} absent")
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    evidence = load_evidence([path])
    stats = evidence.sources[0].chat
    assert stats is not None
    order, platform = CHAT_MINER[name]
    assert (stats["date_order"], stats["platform"]) == (order, platform)
    # 9 headers: 6 user messages, 2 system lines, 1 self-destroying "Name:." message
    assert stats["messages"] == 9
    assert stats["by_kind"] == {"text": 6, "media": 0, "system": 2, "deleted": 1}
    texts = evidence.messages[evidence.messages["kind"] == "text"]
    ours = sorted(
        (
            (ts.tz_convert(None).isoformat(), sender)
            for ts, sender in zip(texts["timestamp"], texts["sender"], strict=True)
        ),
        reverse=True,
    )
    expected = [(row["timestamp"], row["author"]) for row in target]
    assert ours == expected
    members = evidence.contacts[evidence.contacts["origin"] == "group_member"]
    assert list(members["phone_raw"]) == ["+12 345 578"]
