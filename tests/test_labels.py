"""privacy_audit.labels: one word per code, for the command line, the report and the app."""

from __future__ import annotations

from privacy_audit import labels
from privacy_audit.analysis.result import SEVERITIES
from privacy_audit.i18n import translator
from privacy_audit.model import SERVICES


def test_every_code_the_core_emits_has_a_label() -> None:
    assert set(labels.SERVICE_NAMES) == set(SERVICES)
    assert set(labels.SEVERITY_LABELS) == set(SEVERITIES)
    assert set(labels.SOURCE_KIND_LABELS) == {"dyi", "account_report", "chat"}
    assert set(labels.CONFIDENCE_LABELS) == {"confirmed", "probable"}


def test_labels_in_english_and_italian() -> None:
    en, it = translator("en"), translator("it")
    assert labels.service_name("whatsapp") == "WhatsApp"
    assert labels.service_name("tiktok") == "tiktok"  # unknown: as given
    assert labels.severity_label(it, "high") == "Alta"
    assert labels.confidence_label(en, "probable") == "probable"
    assert labels.capitalized(labels.confidence_label(it, "confirmed")) == "Confermato"
    assert labels.source_kind_label(en, "chat") == "chat export"
    assert labels.code_label(it, "messenger") == "Messenger"
    assert labels.code_label(en, "address_book") is None  # a value label, not a code
