"""The recommendations catalogue: data files, both languages, official https links."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from privacy_audit.analysis.catalogue import catalogue, raw_catalogue, recommendation
from privacy_audit.analysis.rulekit import FINDING_IDS

OFFICIAL = (
    "facebook.com",
    "instagram.com",
    "whatsapp.com",
    "meta.com",
    "messenger.com",
    "fb.com",
    "garanteprivacy.it",
    "europa.eu",
    "dataprotection.ie",
)
#: the topics issue 5 asks the catalogue to cover
REQUIRED = {
    "contacts-upload-off",
    "contacts-delete",
    "accounts-center-remove",
    "whatsapp-accounts-center",
    "whatsapp-business-page-unlink",
    "off-meta-activity",
    "advertisers-lists",
    "phone-lookup",
    "two-factor",
    "where-logged-in",
    "whatsapp-privacy",
    "whatsapp-groups",
    "whatsapp-two-step",
    "gdpr-rights",
}


def test_catalogue_covers_every_topic() -> None:
    assert REQUIRED <= set(raw_catalogue())


@pytest.mark.parametrize("rec_id", sorted(raw_catalogue()))
def test_english_and_italian_exist_and_differ(rec_id: str) -> None:
    en, it = recommendation(rec_id, "en"), recommendation(rec_id, "it")
    for field in ("title", "why"):
        assert getattr(en, field) and getattr(it, field)
        assert getattr(en, field) != getattr(it, field)
    for field in ("steps_app", "steps_web"):
        assert getattr(en, field) and len(getattr(en, field)) == len(getattr(it, field))
        for a, b in zip(getattr(en, field), getattr(it, field), strict=True):
            assert a != b
    assert [link.url for link in en.links] == [link.url for link in it.links]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", en.checked)


@pytest.mark.parametrize("rec_id", sorted(raw_catalogue()))
def test_links_are_https_on_official_domains(rec_id: str) -> None:
    rec = recommendation(rec_id, "it")
    urls = [link.url for link in rec.links] + ([rec.setting_url] if rec.setting_url else [])
    assert rec.links
    for url in urls:
        parsed = urlparse(url)
        assert parsed.scheme == "https", url
        host = parsed.hostname or ""
        assert any(host == d or host.endswith("." + d) for d in OFFICIAL), url
    for link in rec.links:
        assert link.label


def test_italian_uses_meta_italian_labels() -> None:
    it = catalogue("it")
    assert "Centro gestione account" in " ".join(it["accounts-center-remove"].steps_app)
    assert "Le tue informazioni e autorizzazioni" in " ".join(it["contacts-upload-off"].steps_app)
    assert "Garante" in it["gdpr-rights"].why


def test_unknown_language_falls_back_to_english() -> None:
    assert recommendation("two-factor", "de").title == recommendation("two-factor", "en").title


def test_every_rule_recommendation_exists() -> None:
    from privacy_audit.analysis.rules import evaluate

    from .test_rules import context, full_factory

    found = evaluate(context(full_factory().build()))
    assert {f.id for f in found} == set(FINDING_IDS)
    used = {r.id for f in found for r in f.recommendations}
    assert used <= set(raw_catalogue())
