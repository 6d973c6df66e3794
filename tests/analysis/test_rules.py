"""Each finding rule on hand-made Evidence: fires with the right counts, silent without."""

from __future__ import annotations

import pytest

from privacy_audit.analysis.result import PERSONAL_FIELDS
from privacy_audit.analysis.rulekit import FINDING_IDS
from privacy_audit.analysis.rules import RULES, evaluate
from privacy_audit.model import Evidence

from .evidence_factory import Factory, context, full_factory


def _findings(evidence: Evidence, lang: str = "en") -> dict:
    return {f.id: f for f in evaluate(context(evidence, lang))}


@pytest.fixture(scope="module")
def full() -> dict:
    return _findings(full_factory().build())


def test_empty_evidence_raises_nothing() -> None:
    assert _findings(Evidence.empty()) == {}
    ctx = context(Evidence.empty())
    assert [rule(ctx) for rule in RULES] == [None] * len(RULES)


def test_every_finding_id_fires_on_full_evidence(full: dict) -> None:
    assert set(full) == set(FINDING_IDS)
    assert len(RULES) == len(FINDING_IDS) == 13


def test_phone_shared(full: dict) -> None:
    f = full["phone-shared-across-services"]
    assert f.counts == {"numbers": 1, "services": 3, "emails_shared": 1}
    assert f.services == ["facebook", "instagram", "whatsapp"]
    assert f.evidence == [{"phone": "+393470000001", "services": "facebook,instagram,whatsapp"}]
    assert f.severity == "high" and f.confidence == "confirmed"


def test_phone_on_one_service_is_silent(factory: Factory) -> None:
    factory.add("facebook", "identifiers", kind="phone", value="+393470000001")
    factory.add("instagram", "identifiers", kind="phone", value="+393470000002")
    assert "phone-shared-across-services" not in _findings(factory.build())


def test_national_number_matches_e164(factory: Factory) -> None:
    factory.add("facebook", "identifiers", kind="phone", value="347 000 0001")
    factory.add("whatsapp", "identifiers", kind="phone", value="+393470000001")
    f = _findings(factory.build())["phone-shared-across-services"]
    assert f.counts["services"] == 2


def test_contacts_uploaded(full: dict) -> None:
    f = full["contacts-uploaded"]
    assert f.counts["contacts"] == 4
    assert f.counts["people"] == 4
    assert f.counts["phones"] == 3 and f.counts["emails"] == 1
    assert f.counts["services"] == 2
    assert (f.counts["first_year"], f.counts["last_year"]) == (2020, 2024)
    assert f.evidence_total == 4
    assert {r["name"] for r in f.evidence} == {
        "Marco Rossi",
        "Anna Bianchi",
        "Luca Verdi",
        "Sara Neri",
    }
    assert [r.id for r in f.recommendations] == ["contacts-upload-off", "contacts-delete"]


def test_contacts_uploaded_silent_for_friends_only(factory: Factory) -> None:
    factory.add("facebook", "contacts", origin="friends", name="Anna Bianchi")
    factory.add("whatsapp", "contacts", origin="whatsapp_contacts", phone_e164="+393470000010")
    found = _findings(factory.build())
    assert not {"contacts-uploaded", "contacts-shared-across-services"} & set(found)


def test_contacts_overlap_confirmed_and_probable(full: dict) -> None:
    f = full["contacts-shared-across-services"]
    assert f.counts == {"confirmed": 1, "probable": 1, "services": 3}
    assert f.confidence == "confirmed"
    by_conf = {r["confidence"]: r for r in f.evidence}
    assert by_conf["confirmed"]["phone"] == "+393470000010"
    assert by_conf["probable"]["name"] == "Sara Neri"


def test_contacts_overlap_by_name_only_is_probable(factory: Factory) -> None:
    factory.add(
        "facebook", "contacts", origin="address_book", name="Sara Neri", phone_e164="+393470000013"
    )
    factory.add("whatsapp", "contacts", src="chat", origin="chat_participant", name="Sara Neri")
    f = _findings(factory.build())["contacts-shared-across-services"]
    assert f.confidence == "probable"
    assert f.counts["confirmed"] == 0 and f.counts["probable"] == 1


def test_not_friends_is_probable(full: dict) -> None:
    f = full["contacts-uploaded-not-friends"]
    assert f.counts == {"people": 3, "contacts": 3, "friends": 1}
    assert f.confidence == "probable"
    assert "Anna Bianchi" not in {r["name"] for r in f.evidence}


def test_not_friends_needs_a_friends_list(factory: Factory) -> None:
    factory.add(
        "facebook",
        "contacts",
        origin="address_book",
        name="Marco Rossi",
        phone_e164="+393470000010",
    )
    found = _findings(factory.build())
    assert "contacts-uploaded" in found
    assert "contacts-uploaded-not-friends" not in found


def test_accounts_center(full: dict) -> None:
    f = full["accounts-center-linked"]
    assert f.counts["links"] == 2 and f.counts["whatsapp_linked"] == 1
    assert f.severity == "high"
    assert [r.id for r in f.recommendations] == [
        "accounts-center-remove",
        "whatsapp-accounts-center",
    ]


def test_accounts_center_without_whatsapp_is_medium(factory: Factory) -> None:
    factory.add(
        "facebook", "linked_accounts", account="g", linked_to="instagram", via="accounts_center"
    )
    f = _findings(factory.build())["accounts-center-linked"]
    assert f.severity == "medium" and f.counts["whatsapp_linked"] == 0


def test_off_meta(full: dict) -> None:
    f = full["off-meta-activity"]
    assert f.counts == {"apps": 2, "events": 3}
    assert f.evidence[0]["app"] == "Viaggi Sole" and f.evidence[0]["events"] == 2


def test_advertisers_with_list(full: dict) -> None:
    f = full["advertisers-have-your-contact"]
    assert f.counts == {"advertisers": 2, "in_off_meta": 1, "in_whatsapp_business": 1}
    assert f.severity == "high"


def test_advertisers_used_activity_only_is_silent(factory: Factory) -> None:
    factory.add("facebook", "advertisers", name="Moda Rapida", relation="used_activity")
    assert "advertisers-have-your-contact" not in _findings(factory.build())


def test_business_chats(full: dict) -> None:
    f = full["business-chats"]
    assert f.counts["chats"] == 1 and f.counts["messages"] == 2
    assert f.confidence == "probable"  # matched by name only
    assert f.evidence[0]["chat"] == "Viaggi Sole"


def test_business_chat_marked_by_importer_is_confirmed(factory: Factory) -> None:
    sink = factory.source("whatsapp", "chat")
    sink.info.chat = {"name": "Bottega Uno", "business": True}
    sink.add(
        "messages",
        chat="Bottega Uno",
        is_group=False,
        sender="Bottega Uno",
        timestamp=1_700_000_000,
    )
    f = _findings(factory.build())["business-chats"]
    assert f.confidence == "confirmed" and f.counts["confirmed"] == 1


def test_private_chat_is_not_a_business(factory: Factory) -> None:
    factory.add("facebook", "advertisers", name="Vela Blu", relation="uploaded_list")
    factory.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="Mamma",
        is_group=False,
        sender="Mamma",
        timestamp=1_700_000_000,
    )
    assert "business-chats" not in _findings(factory.build())


def test_whatsapp_privacy(full: dict) -> None:
    f = full["whatsapp-privacy-settings"]
    assert f.counts["settings_everyone"] == 2
    assert {r["setting"] for r in f.evidence} == {"last_seen", "profile_photo"}


def test_whatsapp_privacy_contacts_only_is_silent(factory: Factory) -> None:
    factory.add("whatsapp", "settings", key="last_seen", value="contacts")
    factory.add("whatsapp", "settings", key="profile_photo", value="nobody")
    assert "whatsapp-privacy-settings" not in _findings(factory.build())


def test_shared_devices_ips(full: dict) -> None:
    f = full["shared-devices-ips"]
    assert f.counts == {"ips": 1, "devices": 1, "services": 2}
    assert {r.get("ip") for r in f.evidence} >= {"203.0.113.17"}
    # one of each: no "1 devices" / "1 indirizzi IP"
    assert "(1 IP address, 1 device)" in f.summary
    italian = _findings(full_factory().build(), "it")["shared-devices-ips"]
    assert "(1 indirizzo IP, 1 dispositivo)" in italian.summary


def test_two_factor_off(full: dict) -> None:
    f = full["two-factor-off"]
    assert f.services == ["whatsapp"]  # Facebook's 2FA is on
    assert [r.id for r in f.recommendations] == ["whatsapp-two-step"]


def test_two_factor_on_is_silent(factory: Factory) -> None:
    factory.add("facebook", "settings", key="two_factor", value="on")
    assert "two-factor-off" not in _findings(factory.build())


def test_groups(full: dict) -> None:
    f = full["number-exposed-in-groups"]
    assert f.counts == {
        "groups": 1,
        "non_contacts": 12,
        "non_contacts_by_number": 12,
        "large_groups": 0,
    }
    assert f.confidence == "confirmed"


def test_small_group_of_contacts_is_silent(factory: Factory) -> None:
    factory.add("whatsapp", "contacts", origin="whatsapp_contacts", phone_e164="+393470000010")
    factory.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="Famiglia",
        is_group=True,
        sender="Marco",
        sender_phone_e164="+393470000010",
        timestamp=1_700_000_000,
    )
    assert "number-exposed-in-groups" not in _findings(factory.build())


def test_group_sizes_only_are_probable(factory: Factory) -> None:
    factory.add("whatsapp", "groups", name="Quartiere", members=120)
    f = _findings(factory.build())["number-exposed-in-groups"]
    assert f.confidence == "probable"
    assert f.counts["non_contacts"] == 119 and f.counts["large_groups"] == 1


def test_evidence_rows_use_personal_field_names(full: dict) -> None:
    allowed = set(PERSONAL_FIELDS) | {
        "services",
        "service",
        "uploaded",
        "suggested_at",
        "confidence",
        "kind",
        "first_seen",
        "last_seen",
        "linked_to",
        "via",
        "events",
        "first",
        "last",
        "advertiser",
        "relations",
        "in_off_meta",
        "in_whatsapp_business",
        "messages",
        "setting",
        "key",
        "value",
        "members",
        "non_contacts",
        "app",
    }
    for f in full.values():
        assert f.evidence, f.id
        for row in f.evidence:
            assert set(row) <= allowed, (f.id, set(row) - allowed)


def test_findings_carry_sources_and_translations(full: dict) -> None:
    italian = _findings(full_factory().build(), "it")
    for fid, f in full.items():
        assert f.source_files, fid
        assert f.recommendations, fid
        assert italian[fid].title != f.title, fid
        assert italian[fid].summary != f.summary, fid
        assert italian[fid].counts == f.counts, fid


def test_business_page_link(factory: Factory) -> None:
    factory.add(
        "facebook", "linked_accounts", account="Bottega", linked_to="whatsapp", via="business_page"
    )
    f = _findings(factory.build(), "it")["accounts-center-linked"]
    assert f.title == "Il tuo numero WhatsApp Business è collegato a una Pagina Facebook"
    assert f.counts["business_page_links"] == 1
    assert "whatsapp-business-page-unlink" in [r.id for r in f.recommendations]


def test_contacts_suggested_as_friends(full: dict) -> None:
    f = full["contacts-suggested-as-friends"]
    assert f.counts == {"people": 2, "confirmed": 1, "probable": 1, "suggestions": 3}
    assert f.confidence == "confirmed"
    rows = {(r["phone"], r["confidence"]) for r in f.evidence}
    assert rows == {("+393470000010", "confirmed"), (None, "probable")}
    assert {r["services"] for r in f.evidence} == {"facebook,whatsapp", "facebook"}
    assert [r.id for r in f.recommendations] == [
        "people-you-may-know",
        "contacts-delete",
        "contacts-upload-off",
    ]
    assert "2 people from your contacts" in f.summary


def test_contacts_suggested_silent_without_a_match(factory: Factory) -> None:
    factory.add("facebook", "contacts", origin="address_book", name="Marco Rossi",
                phone_e164="+393470000010")  # fmt: skip
    factory.add("facebook", "suggestions", origin="people_you_may_know", name="Anna Bianchi")
    factory.add("facebook", "suggestions", origin="people_you_may_know", phone_e164="+39347999")
    assert "contacts-suggested-as-friends" not in _findings(factory.build())


def test_contacts_suggested_once_per_person_by_name_only(factory: Factory) -> None:
    factory.add("whatsapp", "contacts", src="chat", origin="chat_participant", name="Anna Bianchi")
    for origin in ("people_you_may_know", "suggested_friends", "people_you_may_know"):
        factory.add("facebook", "suggestions", origin=origin, name="anna bianchi")
    f = _findings(factory.build(), "it")["contacts-suggested-as-friends"]
    assert f.counts["people"] == 1 and f.confidence == "probable"
    assert f.evidence[0]["services"] == "whatsapp"
    assert "per nome" in f.summary
