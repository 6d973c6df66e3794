"""What the pages write about the data: evidence tables, service cards, code values."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from privacy_audit.gui.dashboard import source_lines
from privacy_audit.gui.findings_page import evidence_frame
from privacy_audit.gui.labels import readable_column
from privacy_audit.i18n import translator
from privacy_audit.model import EvidenceBuilder, SourceInfo


def test_evidence_table_shows_service_names_and_hides_empty_columns() -> None:
    rows = [
        {"name": "Anna", "email": None, "services": "facebook,whatsapp", "confidence": "confirmed"},
        {"name": "Bea", "email": "", "services": "instagram", "confidence": "probable"},
    ]
    frame = evidence_frame(rows, translator("it"))
    assert "Email" not in frame.columns and len(frame.columns) == 3
    assert list(frame.iloc[:, 1]) == ["Facebook, WhatsApp", "Instagram"]
    assert list(frame.iloc[:, 2]) == ["Confermato", "Probabile"]
    assert frame.columns[0] == "Nome"
    english = evidence_frame(rows, translator("en"))
    assert list(english.columns) == ["Name", "Services", "Match"]


def _whatsapp(report_date: datetime | None):
    builder = EvidenceBuilder()
    report = SourceInfo(
        "wa.zip", "whatsapp", "account_report", "json", "wa", export_date=report_date
    )
    builder.source(report)
    chat_a = builder.source(SourceInfo("a.txt", "whatsapp", "chat", "txt", "chat"))
    chat_a.info.chat = {"messages": 2}
    chat_b = builder.source(SourceInfo("b.zip", "whatsapp", "chat", "txt", "chat"))
    chat_b.info.chat = {"messages": 9, "chats": 4}
    chat_a.add("messages", chat="A", timestamp=1_700_000_000, kind="text")
    chat_b.add("messages", chat="B", timestamp=1_763_000_000, kind="text")  # Nov 2025
    evidence = builder.build()
    return evidence.sources, evidence


def test_whatsapp_card_says_report_and_chats_and_the_latest_message() -> None:
    sources, evidence = _whatsapp(None)
    lines = source_lines(translator("en"), "whatsapp", sources, evidence)
    assert lines[0] == "Account report + 5 chats"
    assert lines[1].startswith("Latest message: ") and "2025" in lines[1]
    assert not any("unknown" in line for line in lines)
    italian = source_lines(translator("it"), "whatsapp", sources, evidence)
    assert italian[0] == "Rapporto dell'account + 5 chat"
    assert italian[1].startswith("Ultimo messaggio: ")


def test_whatsapp_card_prefers_the_report_date() -> None:
    sources, evidence = _whatsapp(datetime(2026, 3, 2, tzinfo=UTC))
    lines = source_lines(translator("en"), "whatsapp", sources, evidence)
    assert lines[1] == "Report date: Mar 2, 2026"


def test_code_values_become_readable_labels() -> None:
    strings = np.array(["whatsapp", "facebook,instagram", "", "whatsapp"], dtype=object)
    shown = readable_column(translator("en"), "service", strings)
    assert list(shown) == ["WhatsApp", "Facebook, Instagram", "", "WhatsApp"]
    origins = np.array(["chat_participant", "address_book"], dtype=object)
    assert list(readable_column(translator("it"), "origin", origins)) == [
        "Partecipante a una chat",
        "Rubrica",
    ]
    kinds = np.array(["name", "about"], dtype=object)  # capitalised as in the report
    assert list(readable_column(translator("en"), "kind", kinds)) == ["Name", "About you"]
    names = np.array(["whatsapp"], dtype=object)  # a person's name column is left alone
    assert list(readable_column(translator("en"), "name", names)) == ["whatsapp"]
