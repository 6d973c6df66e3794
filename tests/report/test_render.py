"""The HTML report: content in English and Italian, safety of the markup."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from lxml import html as lxml_html

from privacy_audit.analysis.result import AuditResult
from privacy_audit.i18n import translator
from privacy_audit.report import render_html
from privacy_audit.report.render import CSP
from privacy_audit.report.sections import EVIDENCE_CAP, stats_view

from .factories import make_result


def _doc(text: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(text)


def test_english_report_shows_score_findings_and_charts(result_en: AuditResult) -> None:
    page = render_html(result_en)
    doc = _doc(page)
    assert doc.get("lang") == "en"
    assert "Your exposure score is 72 out of 100" in page
    sections = doc.xpath("//section[contains(@class, 'finding')]")
    assert [s.get("id") for s in sections] == [f"finding-{f.id}" for f in result_en.findings]
    for finding, section in zip(result_en.findings, sections, strict=True):
        assert finding.title in section.text_content()
        assert finding.recommendations[0].title in section.text_content()
    charts = doc.xpath("//svg[contains(@class, 'chart')]")
    labels = {c.get("aria-label") for c in charts}
    assert {
        "Contacts by the services that hold them",
        "Activity per service over time",
        "Apps and websites that told Meta about you",
        "Advertisers and your data",
        "Exposure score 72 out of 100",
    } <= labels
    assert "What Meta can link" in page and "Not checked" in page
    assert "Messenger export" in page  # the not-checked row
    assert "Your WhatsApp account is older than 2016" in page  # a card
    assert "Access request (GDPR article 15)" in page  # a letter


def test_italian_report_is_translated_and_localized(result_it: AuditResult) -> None:
    page = render_html(result_it)
    doc = _doc(page)
    assert doc.get("lang") == "it"
    assert "Il tuo punteggio di esposizione è 72 su 100" in page
    assert "Cosa può collegare Meta" in page
    assert "Le tre cose più importanti da fare" in page
    assert "Your exposure score" not in page
    assert "21 ott 2024" in page  # babel date in Italian
    labels = {c.get("aria-label") for c in doc.xpath("//svg")}
    assert "Attività per servizio nel tempo" in labels


def test_numbers_are_grouped_for_the_locale() -> None:
    result, _data = make_result(lang="it", n_contacts=2500)
    finding = next(f for f in result.findings if f.id == "contacts-uploaded")
    more = finding.evidence_total - len(finding.evidence)
    assert more > 1000
    page = render_html(result)
    # thousands of contacts uploaded, a few shown: the rest counted with Italian grouping
    assert f"e altre {more:,} righe".replace(",", ".") in page


def test_evidence_is_capped_with_the_count_of_the_rest(result_en: AuditResult) -> None:
    result, _data = make_result(lang="en", n_contacts=300)
    finding = next(f for f in result.findings if f.id == "contacts-uploaded")
    finding.evidence = finding.evidence * 5  # more example rows than the cap
    doc = _doc(render_html(result))
    section = doc.get_element_by_id("finding-contacts-uploaded")
    rows = section.xpath(".//tbody/tr")
    assert len(rows) == EVIDENCE_CAP
    more = finding.evidence_total - EVIDENCE_CAP
    assert f"and {more} more rows" in section.text_content()


def test_top_three_actions_link_to_their_findings(result_en: AuditResult) -> None:
    doc = _doc(render_html(result_en))
    links = doc.xpath("//section[@id='top-actions']//li//a/@href")
    # ranked by how much of the score they remove (ties: the findings' order)
    ranked = sorted(
        (f for f in result_en.findings if f.recommendations),
        key=lambda f: -(result_en.score - result_en.score_after[f.id]),
    )
    assert links == [f"#finding-{f.id}" for f in ranked[:3]]
    gains = doc.xpath("//section[@id='top-actions']//span[@class='gain']/text()")
    first = ranked[0]
    # in the score's own units: what the score becomes
    assert gains[0] == f"Score {result_en.score} → {result_en.score_after[first.id]}"


def test_csp_meta_is_strict_and_first(result_en: AuditResult) -> None:
    doc = _doc(render_html(result_en))
    metas = doc.xpath("//head/meta[@http-equiv='Content-Security-Policy']/@content")
    assert metas == [CSP]
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert doc.xpath("//script") == []


def test_no_external_resource(result_en: AuditResult) -> None:
    page = render_html(result_en, redact=True) + render_html(result_en)
    for doc in (_doc(render_html(result_en)), _doc(render_html(result_en, redact=True))):
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            for attr in ("src", "srcset", "href", "xlink:href", "action", "poster", "data"):
                value = element.get(attr)
                if value is None:
                    continue
                if element.tag == "a" and attr == "href":
                    assert value.startswith(("https://", "#")), value
                else:
                    raise AssertionError(f"<{element.tag} {attr}={value!r}>")
        assert doc.xpath("//link | //iframe | //object | //embed | //img | //base") == []
    styles = " ".join(re.findall(r"<style>(.*?)</style>", page, flags=re.S))
    assert "@import" not in styles
    assert not re.search(r"url\(", styles)
    assert "@font-face" not in styles


def test_only_https_help_links(result_en: AuditResult) -> None:
    page = render_html(result_en)
    assert "javascript:" not in page  # a bad link in the catalogue is dropped
    hrefs = _doc(page).xpath("//a/@href")
    assert "https://www.facebook.com/help/355489824655936" in hrefs
    for link in _doc(page).xpath("//a[starts-with(@href, 'https://')]"):
        assert "noopener" in link.get("rel") and "noreferrer" in link.get("rel")


def test_hostile_names_are_escaped() -> None:
    payload = '<img src=x onerror="alert(1)"><b>x</b>'
    result, _data = make_result(payload=payload)
    page = render_html(result)
    doc = _doc(page)
    assert doc.xpath("//img") == [] and doc.xpath("//b[.='x']") == []
    assert "&lt;img src=x onerror=" in page
    assert payload in doc.text_content()  # shown as text


def test_print_and_dark_mode_styles(result_en: AuditResult) -> None:
    page = render_html(result_en)
    assert "@media print" in page and "size: A4" in page and "break-before: page" in page
    assert "prefers-color-scheme: dark" in page
    assert 'name="viewport"' in page


def test_pseudo_locale_renders_every_template_string(result_en: AuditResult) -> None:
    page = render_html(result_en, lang="qps")
    heading = _doc(page).xpath("//h1")[0].text_content()
    assert heading.startswith("[") and heading.endswith("~~~~]")


def test_top_actions_are_distinct_recommendations() -> None:
    result, _data = make_result(lang="en")
    shared = result.findings[0].recommendations[0]
    result.findings[1].recommendations = [shared]  # one action fixes two findings
    doc = _doc(render_html(result))
    items = doc.xpath("//section[@id='top-actions']//li")
    assert len(items) == 3
    titles = [li.xpath(".//a")[0].text_content() for li in items]
    assert len(set(titles)) == 3
    assert result.findings[1].title in items[0].text_content()
    # following it removes both findings' points: the score drops more than for one
    gain = items[0].xpath(".//span[@class='gain']")[0].text_content()
    after = int(gain.split("→")[1])
    assert gain.startswith(f"Score {result.score} → ")
    assert after < result.score_after[result.findings[0].id]


XSS_CORPUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</style></title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "<!--",
    "{{ 7*7 }}{% raw %}",
    "<iframe srcdoc='<script>alert(1)</script>'>",
]


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_xss_corpus_is_text_everywhere(payload: str) -> None:
    result, _data = make_result(payload=payload)
    for redact in (False, True):
        doc = _doc(render_html(result, redact=redact))
        assert doc.xpath("//script | //img | //iframe | //svg//a") == []
        handlers = [
            a
            for e in doc.iter()
            if isinstance(e.tag, str)
            for a in e.attrib
            if a.lower().startswith("on")
        ]
        assert handlers == []
        assert not doc.xpath("//a[starts-with(normalize-space(@href), 'javascript')]")
        # companies keep their names even when redacted: the payload is visible as text
        assert payload in doc.text_content()


def test_empty_result_renders_plainly() -> None:
    from privacy_audit.model import Evidence

    empty = AuditResult(
        lang="it",
        evidence=Evidence.empty(),
        findings=[],
        score=0,
        score_explanation=[],
        score_after={},
        summary={},
        not_checked=[{"service": "whatsapp", "what": "Chat", "how": "Esporta una chat."}],
    )
    for redact in (False, True):
        doc = _doc(render_html(empty, redact=redact))
        text = doc.text_content()
        assert "Nessun problema trovato" in text and "Non verificato" in text
        assert "Esposizione bassa" in text
        assert doc.xpath("//section[@id='top-actions']") == []


def test_baseline_and_source_warnings_are_shown(result_en: AuditResult) -> None:
    result_en.baseline = {"resolved": ["two-factor-off"], "new": ["business-chats"]}
    text = _doc(render_html(result_en)).text_content()
    assert "1 resolved, 1 new." in text and "New: Chats with business accounts" in text
    assert "Marco Bianchi.json could not be read" in text  # the factory's source warning
    redacted = _doc(render_html(result_en, redact=True)).text_content()
    assert "Marco Bianchi" not in redacted and ".json could not be read" in redacted


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        (
            "en",
            [
                "Access request (GDPR article 15)",
                "Request to the advertisers that had your data (GDPR articles 14 and 15)",
                "Letter",
            ],
        ),
        (
            "it",
            [
                "Richiesta di accesso (articolo 15 del GDPR)",
                "Richiesta agli inserzionisti che avevano i tuoi dati (articoli 14 e 15 del GDPR)",
                "Lettera",
            ],
        ),
    ],
)
def test_every_letter_has_a_translated_title(lang: str, titles: list[str]) -> None:
    result, _data = make_result(lang=lang)
    result.letters = {"access": "A\n", "advertiser": "B\n", "some-new-kind": "C\n"}
    doc = _doc(render_html(result))
    shown = [h.text_content() for h in doc.xpath("//section[@id='letters']//h3")]
    assert shown == titles


@pytest.mark.parametrize(
    ("lang", "joined"), [("en", "Facebook and WhatsApp"), ("it", "Facebook e WhatsApp")]
)
def test_finding_services_are_joined_for_the_language(lang: str, joined: str) -> None:
    result, _data = make_result(lang=lang)
    result.findings[0].services = ["facebook", "whatsapp"]
    assert joined in render_html(result)


def test_headline_numbers_count_rows_held_by_several_services() -> None:
    result, _ = make_result()
    services = str(len(result.evidence.services()))
    crossref = {
        "contact_overlap": pd.DataFrame({"n_services": [1, 2, 3, "2", None]}),
        "own_ids": pd.DataFrame({"n_services": [2]}),
        "shared_network": pd.DataFrame({"ip": ["a"] * 1200}),
    }
    stats = stats_view(dataclasses.replace(result, crossref=crossref), translator("it"))
    assert [(s["value"], s["label"]) for s in stats] == [
        (services, "servizi analizzati"),
        ("3", "contatti presenti in due o più servizi"),
        ("1", "dei tuoi identificativi condivisi tra servizi"),
        ("1.200", "dispositivi e indirizzi IP visti da più servizi"),
    ]
    # a table that is missing (or has no n_services column) is no number, not a zero
    crossref = {"contact_overlap": pd.DataFrame({"other": [2]}), "shared_network": None}
    stats = stats_view(dataclasses.replace(result, crossref=crossref), translator("en"))
    assert [s["label"] for s in stats] == ["services analysed"]
