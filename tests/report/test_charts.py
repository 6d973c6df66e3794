"""The inline SVG charts: well-formed, escaped, localized, empty when there is no data."""

from __future__ import annotations

import pandas as pd
import pytest
from lxml import etree

from privacy_audit.i18n import translator
from privacy_audit.report import charts

from .factories import make_result

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = [
    ("contact_overlap", charts.overlap_chart),
    ("activity_daily", charts.activity_chart),
    ("off_meta_top", charts.top_apps_chart),
    ("advertisers", charts.advertisers_chart),
]


@pytest.mark.parametrize(("table", "chart"), CHARTS)
def test_chart_is_well_formed_svg_with_escaped_text(table: str, chart) -> None:
    payload = "</text><script>alert('x')</script>&"
    result, _data = make_result(payload=payload)
    svg = chart(result.crossref[table], tr=translator("en"))
    root = etree.fromstring(str(svg).encode())
    assert root.tag == f"{SVG}svg"
    assert root.findall(f".//{SVG}script") == []
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert texts
    if table in ("off_meta_top", "advertisers"):
        assert any(t.startswith("</text><script>") for t in texts)


@pytest.mark.parametrize(("table", "chart"), CHARTS)
def test_chart_of_empty_table_is_empty(table: str, chart) -> None:
    result, _data = make_result()
    assert chart(result.crossref[table].iloc[0:0]) == ""
    assert chart(None) == ""


def test_overlap_counts_people_per_combination() -> None:
    frame = pd.DataFrame(
        {
            "key": ["+391", "+392", "+393", "a@b.it"],
            "name": ["A", "B", "C", "D"],
            "services": ["whatsapp,facebook", "facebook,whatsapp", "instagram", "facebook"],
            "n_services": [2, 2, 1, 1],
            "confidence": ["confirmed", "probable", "confirmed", "confirmed"],
        }
    )
    root = etree.fromstring(str(charts.overlap_chart(frame)).encode())
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "2" in texts  # facebook+whatsapp written in two orders is one combination
    assert "probable (same name only)" in texts


def test_labels_and_numbers_follow_the_language() -> None:
    result, _data = make_result(lang="it")
    svg = str(charts.activity_chart(result.crossref["activity_daily"], tr=translator("it")))
    assert "eventi" in svg and "Attività per servizio nel tempo" in svg
    apps = pd.DataFrame({"app": ["Big"], "events": [12345]})
    assert "12.345" in str(charts.top_apps_chart(apps, tr=translator("it")))
    assert "12,345" in str(charts.top_apps_chart(apps, tr=translator("en")))


def test_score_gauge_band_and_bounds() -> None:
    assert charts.score_band(80) == "high" and charts.score_band(50) == "medium"
    assert charts.score_band(10) == "low"
    svg = str(charts.score_gauge(150))
    assert "Exposure score 100 out of 100" in svg
    etree.fromstring(str(charts.score_gauge(0)).encode())
