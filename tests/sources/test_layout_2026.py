"""A current (2025-26) Facebook download tells the same story as a 2024 one of the same
data: same uploaded contacts, same contacts shared with WhatsApp, same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_audit.analysis.audit import run_audit
from privacy_audit.analysis.result import AuditResult
from privacy_audit.demo import get_persona, persona_files
from privacy_audit.demo._base import to_datetime, zip_bytes
from privacy_audit.demo.facebook import facebook_members
from privacy_audit.demo.world import build_world
from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.text import loads_meta

from . import meta_builders as mb
from .meta_builders_fb import suggestion_files


def _persona_audit(tmp_path: Path, persona: str, layout: str, fmt: str = "json") -> AuditResult:
    """Audit of every export of a demo persona, its Facebook download in ``layout`` and
    ``fmt`` (HTML: the same data rendered as Meta's pages)."""
    p = get_persona(persona)
    world = build_world(p, 1)
    for name, data in persona_files(persona).items():
        if not name.startswith("facebook-"):
            (tmp_path / name).write_bytes(data)
            continue
        members = facebook_members(world, layout)
        if fmt == "json":
            (tmp_path / name).write_bytes(zip_bytes(members, to_datetime(p.export_time)))
        else:
            tree = {path: loads_meta(doc) for path, doc in members.items()}
            pages = mb.html.facebook_html_tree(tree, "2024")
            mb.write_export(tmp_path, name.rsplit("-", 1)[0], pages, garble=False)
    return run_audit(load_evidence(sorted(tmp_path.iterdir())), lang=p.lang)


def _story(result: AuditResult) -> dict[str, dict[str, int]]:
    return {f.id: f.counts for f in result.findings}


@pytest.mark.parametrize("persona", ["giulia", "alex"])
def test_demo_persona_2026_download_equals_2024(tmp_path: Path, persona: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    old = _persona_audit(tmp_path / "a", persona, "2024")
    new = _persona_audit(tmp_path / "b", persona, "2026")
    files = {Path(f).name for s in new.evidence.sources for f in s.files_recognized}
    assert "contacts_uploaded_before_2021.json" in files
    assert "your_address_books.json" not in files
    assert _story(new) == _story(old)
    assert new.score == old.score
    assert "contacts-suggested-as-friends" in _story(new)
    overlap = [old.crossref["contact_overlap"], new.crossref["contact_overlap"]]
    keys = [sorted(zip(o["key"], o["confidence"], strict=True)) for o in overlap]
    assert keys[0] == keys[1] and len(keys[0]) > 20


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_test_persona_2025_download_equals_2024(tmp_path: Path, fmt: str) -> None:
    friends = "connections/friends"
    extra = suggestion_files(friends)
    if fmt == "html":  # the 2024 layout's suggestion pages, rendered like the 2025 ones
        extra = {}
        html_2025 = mb.html.facebook_html_tree(suggestion_files(friends), "2024")
        extra = {k: v for k, v in html_2025.items() if k.startswith(friends)}
    old_path = mb.build_facebook_export(tmp_path / "a", "2024", fmt, extra_files=extra)
    new_path = mb.build_facebook_export(tmp_path / "b", "2025", fmt)
    old = run_audit(load_evidence([old_path], region="IT"))
    new = run_audit(load_evidence([new_path], region="IT"))
    assert _story(new) == _story(old)
    assert {"contacts-uploaded", "contacts-uploaded-not-friends"} <= set(_story(new))
    assert _story(new)["contacts-uploaded"]["contacts"] == 4  # "Mamma" by name only: once


@pytest.mark.parametrize("layout", ["2024", "2026"])
def test_demo_persona_html_download_equals_json(tmp_path: Path, layout: str) -> None:
    """The same persona with its Facebook download in HTML: same uploaded contacts,
    same contacts shared with WhatsApp, same findings and counts."""
    (tmp_path / "json").mkdir()
    (tmp_path / "html").mkdir()
    reference = _persona_audit(tmp_path / "json", "giulia", "2024")
    html = _persona_audit(tmp_path / "html", "giulia", layout, "html")
    fb = next(s for s in html.evidence.sources if s.service == "facebook")
    assert fb.format == "html"
    assert _story(html) == _story(reference)
    overlap = [reference.crossref["contact_overlap"], html.crossref["contact_overlap"]]
    keys = [sorted(zip(o["key"], o["confidence"], strict=True)) for o in overlap]
    assert keys[0] == keys[1] and len(keys[0]) > 20


def test_demo_persona_old_and_new_download_together_count_as_the_new_one(tmp_path: Path) -> None:
    """The 2024-layout download of a year ago next to today's 2026-layout one."""
    (tmp_path / "new").mkdir()
    new = _persona_audit(tmp_path / "new", "giulia", "2026")
    p = get_persona("giulia")
    world = build_world(p, 1)
    fb_new = next(
        path for path in (tmp_path / "new").iterdir() if path.name.startswith("facebook-")
    )
    old_name = fb_new.name.replace(fb_new.name.split("-")[2], "2025", 1)
    (tmp_path / "new" / old_name).write_bytes(
        zip_bytes(facebook_members(world, "2024"), to_datetime(p.export_time - 365 * 86400))
    )
    both = run_audit(load_evidence(sorted((tmp_path / "new").iterdir())), lang=p.lang)
    fb = [s for s in both.evidence.sources if s.service == "facebook"]
    assert len(fb) == 2 and fb[0].extra["overlap"]["shared_rows"] > 300
    assert _story(both) == _story(new)
    assert {t: len(f) for t, f in both.evidence.tables.items()} == {
        t: len(f) for t, f in new.evidence.tables.items()
    }
