"""run_audit: ordering, score, summary, baseline, not checked, cards, letters, JSON shape."""

from __future__ import annotations

import orjson
import pytest
from json_schema import SCHEMA_FILE, schema_problems

from privacy_audit.analysis.audit import run_audit
from privacy_audit.analysis.cards import uploads_since
from privacy_audit.analysis.result import SEVERITIES, AuditResult
from privacy_audit.analysis.rulekit import FINDING_IDS
from privacy_audit.analysis.score import score_after_actions
from privacy_audit.commands.audit import to_json_bytes
from privacy_audit.errors import Cancelled
from privacy_audit.model import Evidence
from privacy_audit.progress import CancelToken

from .evidence_factory import Factory, full_factory


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return run_audit(full_factory().build(), lang="en")


@pytest.fixture(scope="module")
def result_it() -> AuditResult:
    return run_audit(full_factory().build(), lang="it")


def test_findings_ordered_by_severity_then_points(result: AuditResult) -> None:
    keys = [(SEVERITIES.index(f.severity), -f.points) for f in result.findings]
    assert keys == sorted(keys)
    assert len(result.findings) == 13


def test_score_and_score_after(result: AuditResult) -> None:
    assert 0 < result.score <= 100
    assert set(result.score_after) == {f.id for f in result.findings}
    severity = {f.id: f.severity for f in result.findings}
    for fid, after in result.score_after.items():
        # near the top of the curve a low finding's few points can round to the same score
        assert after < result.score if severity[fid] != "low" else after <= result.score, fid
        assert score_after_actions(result, {fid}) == after
    assert score_after_actions(result, set()) == result.score
    assert score_after_actions(result, {f.id for f in result.findings}) == 0
    assert len(result.score_explanation) >= 3


def test_empty_evidence_scores_zero_and_lists_everything_not_checked() -> None:
    empty = run_audit(Evidence.empty(), lang="en")
    assert empty.findings == [] and empty.score == 0
    services = {item["service"] for item in empty.not_checked}
    assert services == {"facebook", "instagram", "messenger", "whatsapp"}
    assert empty.cards == []
    assert schema_problems(orjson.loads(to_json_bytes(empty))) == []


def test_not_checked_for_missing_parts(factory: Factory) -> None:
    factory.add(
        "facebook", "contacts", origin="address_book", name="Marco", phone_e164="+393470000010"
    )
    factory.add(
        "whatsapp", "messages", src="chat", chat="Mamma", sender="Mamma", timestamp=1_700_000_000
    )
    res = run_audit(factory.build(), lang="it")
    whats = [i["what"] for i in res.not_checked]
    assert {i["service"] for i in res.not_checked} == {"facebook", "instagram", "whatsapp"}
    assert any("amici" in w for w in whats)  # no friends list: not-friends not checked
    assert any("impostazioni della privacy" in w for w in whats)  # no account report
    assert "contacts-uploaded-not-friends" not in {f.id for f in res.findings}


def test_summary_counts(result: AuditResult) -> None:
    s = result.summary
    assert s["services"] == ["facebook", "instagram", "whatsapp"]
    assert s["contacts_uploaded"] == 4 and s["people_uploaded"] == 4
    assert s["contacts_overlap"] == 2 and s["contacts_overlap_confirmed"] == 1
    assert s["off_meta_apps"] == 2 and s["off_meta_events"] == 3
    assert s["advertisers_with_your_list"] == 2
    assert s["messages"] == 15 and s["findings"] == 13
    assert s["own_ids_shared"] == 2


def test_baseline_reports_resolved_and_new(result: AuditResult) -> None:
    old = orjson.loads(to_json_bytes(result))
    fewer = Factory()
    fewer.add("facebook", "off_platform", app="Viaggi Sole", event="VIEW", timestamp=1_700_000_000)
    fewer.add("facebook", "settings", key="two_factor", value="off")
    res = run_audit(fewer.build(), lang="en", baseline=old)
    assert res.baseline is not None
    assert "contacts-uploaded" in res.baseline["resolved"]
    assert "off-meta-activity" not in res.baseline["resolved"]
    assert res.baseline["new"] == []  # two-factor-off was already there (WhatsApp)
    assert "off-meta-activity" in res.baseline["still_open"]
    doc = orjson.loads(to_json_bytes(res))
    assert doc["baseline"]["resolved"] == res.baseline["resolved"]
    assert schema_problems(doc) == []


def test_json_shape_is_valid_and_plain(result: AuditResult, result_it: AuditResult) -> None:
    for res in (result, result_it):
        doc = orjson.loads(to_json_bytes(res))
        assert schema_problems(doc) == []
        assert doc["schema"] == "privacy-audit/1"
        assert {f["id"] for f in doc["findings"]} == {f.id for f in res.findings}


def test_schema_catches_bad_documents(result: AuditResult) -> None:
    doc = orjson.loads(to_json_bytes(result))
    assert schema_problems(doc) == []
    doc["score"] = 130
    doc["findings"][0]["severity"] = "urgent"
    doc["findings"][1]["counts"]["x"] = "3"
    del doc["findings"][2]["evidence"]
    doc["findings"][3]["recommendations"][0]["links"][0]["url"] = "http://example.com"
    doc["findings"][4]["id"] = "made-up-finding"
    found = "\n".join(schema_problems(doc))
    for needle in (
        "$.score:",
        "$.findings[0].severity:",
        "$.findings[1].counts.x:",
        "'evidence' is a required property",
        "$.findings[3].recommendations[0].links[0].url:",
        "$.findings[4].id:",
    ):
        assert needle in found
    assert schema_problems([]) == ["$: [] is not of type 'object'"]


def test_schema_lists_every_finding_id() -> None:
    schema = orjson.loads(SCHEMA_FILE.read_bytes())
    assert schema["$defs"]["finding_id"]["enum"] == list(FINDING_IDS)


def test_cards(result: AuditResult, result_it: AuditResult) -> None:
    ids = [c["id"] for c in result.cards]
    assert "join-key" in ids and "third-party-exposure" in ids
    assert "history-whatsapp-2016" in ids  # registered in 2014
    assert "history-dma-2024" in ids and "history-off-meta-2026" in ids
    assert "legal-italy" in ids  # +39 number
    stories = [c for c in result.cards if c["kind"] == "story"]
    assert [c["facts"]["business"] for c in stories] == ["Viaggi Sole S.r.l."]
    assert stories[0]["confidence"] == "probable"
    third = next(c for c in result.cards if c["id"] == "third-party-exposure")
    assert third["facts"]["phones"] == 3 and third["facts"]["emails"] == 1
    assert third["links"][0]["url"] == "https://www.facebook.com/contacts/removal"
    # the user's own number is in rows (redactable), never in the text
    join = next(c for c in result.cards if c["id"] == "join-key")
    assert any(r.get("phone") == "+393470000001" for r in join["rows"])
    for card in result.cards + result_it.cards:
        assert "+393470000001" not in " ".join(card["text"])
    assert [c["id"] for c in result_it.cards] == ids
    assert result_it.cards[0]["title"] != result.cards[0]["title"]


def test_no_history_card_for_recent_account(factory: Factory) -> None:
    factory.add("whatsapp", "activity", kind="registration", timestamp=1_600_000_000)
    res = run_audit(factory.build())
    assert "history-whatsapp-2016" not in [c["id"] for c in res.cards]


def test_uploads_since(result: AuditResult) -> None:
    assert uploads_since(result, "2023-01-01") == 2
    assert uploads_since(result, "2030-01-01") == 0


def test_letters(result: AuditResult, result_it: AuditResult) -> None:
    assert set(result.letters) == {"access", "erasure", "objection", "complaint", "advertiser"}
    assert "Piazza Venezia 11" in result_it.letters["complaint"]
    assert (
        "Meta Platforms Ireland Limited and WhatsApp Ireland Limited" in result.letters["complaint"]
    )
    assert "Viaggi Sole S.r.l.; Vela Blu" in result.letters["advertiser"]
    assert "artt. 14 e 15" in result_it.letters["advertiser"]
    access = result.letters["access"]
    assert "Article 15" in access and "Giulia Prova" in access and "+393470000001" in access
    assert "WhatsApp Ireland" in access
    assert "(confirmed in my export)" in access and "(probable: matched by name only)" in access
    assert "Viaggi Sole S.r.l." in access
    it = result_it.letters["objection"]
    assert "art. 21" in it and "Garante per la protezione dei dati personali" in it
    assert "{" not in access and "{" not in it


def test_cancel_and_progress() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        run_audit(full_factory().build(), cancel=token)
    seen: list[float] = []
    run_audit(full_factory().build(), progress=lambda f, _label: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_dma_card_only_for_eu_or_unknown_region(factory: Factory) -> None:
    factory.add(
        "facebook", "linked_accounts", account="a", linked_to="instagram", via="accounts_center"
    )
    factory.add("facebook", "identifiers", kind="phone", value="+15035550142")
    us = run_audit(factory.build(), lang="en")
    assert "history-dma-2024" not in [c["id"] for c in us.cards]
    unknown = Factory()
    unknown.add(
        "facebook", "linked_accounts", account="a", linked_to="instagram", via="accounts_center"
    )
    assert "history-dma-2024" in [c["id"] for c in run_audit(unknown.build()).cards]


def test_business_story_adds_up_chats_with_the_same_business_key() -> None:
    # "Viaggi Sole" and "VIAGGI SOLE" are two chats but one business key
    factory = full_factory()
    factory.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="VIAGGI SOLE",
        is_group=False,
        sender="VIAGGI SOLE",
        timestamp=1_700_010_000,
    )
    res = run_audit(factory.build(), lang="en")
    story = next(c for c in res.cards if c["kind"] == "story")
    assert story["facts"]["business"] == "Viaggi Sole S.r.l."
    assert "You also chat with it on WhatsApp (3 messages)." in story["text"]


def test_lists_in_sentences_follow_the_language(
    result: AuditResult, result_it: AuditResult
) -> None:
    join_en = next(c for c in result.cards if c["id"] == "join-key")["text"][0]
    join_it = next(c for c in result_it.cards if c["id"] == "join-key")["text"][0]
    assert join_en.endswith(": 1 phone number and 1 e-mail address.")
    assert join_it.endswith(": 1 numero di telefono e 1 indirizzo email.")
    assert (
        "Meta Platforms Ireland Limited and WhatsApp Ireland Limited" in result.letters["complaint"]
    )
    assert (
        "Meta Platforms Ireland Limited e WhatsApp Ireland Limited"
        in result_it.letters["complaint"]
    )
    # two advertisers uploaded a list: "A and B", "A e B"
    assert "Viaggi Sole S.r.l. and Vela Blu" in "".join(result.letters.values())
    assert "Viaggi Sole S.r.l. e Vela Blu" in "".join(result_it.letters.values())
