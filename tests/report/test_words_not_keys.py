"""No raw key reaches the reader: setting names and values, off-Meta events, layout ids."""

from __future__ import annotations

import re

import numpy as np
import pytest

from privacy_audit.i18n import translator
from privacy_audit.labels import event_label, layout_label, setting_label, setting_value_label

RAW = ("last_seen", "profile_photo", "two_step_verification", "ADD_TO_CART", "facebook-20")


def test_labels_in_both_languages() -> None:
    en, it = translator("en"), translator("it")
    assert setting_label(en, "last_seen") == "Last seen and online"
    assert setting_label(it, "two_step_verification") == "Verifica in due passaggi"
    assert setting_value_label(it, "everyone") == "Tutti"
    assert setting_value_label(en, "Giulia") is None  # not a code: left as it is
    assert event_label(en, "ADD_TO_CART") == "Added to cart"
    assert event_label(en, "SOME_NEW_EVENT") == "Some new event"  # never the raw code
    assert layout_label(en, "facebook-2024", "mixed") == "Facebook, 2024 layout (JSON and HTML)"
    assert layout_label(it, "whatsapp-chat-ios", "txt") == "Chat di WhatsApp da iPhone (testo)"


def test_data_tab_shows_words_for_codes() -> None:
    from privacy_audit.gui.labels import readable_column

    it = translator("it")
    keys = readable_column(it, "key", np.array(["last_seen", "profile_photo"], dtype=object))
    assert list(keys) == ["Ultimo accesso e online", "Immagine del profilo"]
    values = readable_column(it, "value", np.array(["everyone", "giulia_f"], dtype=object))
    assert list(values) == ["Tutti", "giulia_f"]  # a username stays as written
    events = readable_column(it, "event", np.array(["ADD_TO_CART"], dtype=object))
    assert list(events) == ["Aggiunto al carrello"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "it"])
def test_report_of_the_demo_has_no_raw_keys(lang: str) -> None:
    from lxml import html as lxml_html

    from privacy_audit.analysis.audit import run_audit
    from privacy_audit.demo import bundled_persona_paths
    from privacy_audit.pipeline import load_evidence
    from privacy_audit.report import render_html

    evidence = load_evidence(bundled_persona_paths("giulia"), lang=lang)
    result = run_audit(evidence, lang=lang)
    # the codes are really in the data (else this test would prove nothing)
    settings = evidence.tables["settings"]
    assert {"last_seen", "profile_photo"} <= set(settings["key"])
    assert "ADD_TO_CART" in set(evidence.tables["off_platform"]["event"])
    page = lxml_html.fromstring(render_html(result))
    for bad in page.xpath("//script|//style"):
        bad.drop_tree()
    text = page.text_content()
    found = [raw for raw in RAW if raw in text]
    assert found == []
    assert "(MIXED)" not in text
    assert re.search(r"Facebook, (2\d{3} layout|struttura del 2\d{3})", text)  # in words
