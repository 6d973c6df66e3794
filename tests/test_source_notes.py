"""The service cards say what the shape sweep found and what several exports shared."""

from __future__ import annotations

import pytest

from privacy_audit.i18n import translator
from privacy_audit.model import SourceInfo
from privacy_audit.source_notes import source_notes


def _source(**extra: object) -> SourceInfo:
    info = SourceInfo("facebook-x.zip", "facebook", "dyi", "json", "facebook-2024")
    info.extra.update(extra)
    return info


@pytest.mark.parametrize(
    ("lang", "found", "shared"),
    [
        ("en", "3 numbers or e-mail addresses found by shape", "40 rows were in more than one"),
        ("it", "3 numeri o indirizzi email trovati in base alla forma", "40 righe erano"),
    ],
)
def test_lines(lang: str, found: str, shared: str) -> None:
    sources = [
        _source(
            not_read=[
                {"file": "a/new.json", "reason": "found", "found": 2},
                {"file": "a/other.json", "reason": "found", "found": 1},
                {"file": "a/x.txt", "reason": "other_format", "found": 0},
            ],
            overlap={"with": ["old.zip"], "shared_rows": 40},
        ),
        _source(overlap={"with": ["facebook-x.zip"], "shared_rows": 40}),
    ]
    lines = source_notes(translator(lang), sources)
    assert len(lines) == 2
    assert lines[0].startswith(found) and lines[0].endswith("(2)")
    assert lines[1].startswith(shared)


def test_nothing_to_say() -> None:
    assert source_notes(translator("en"), [_source(not_read=[])]) == []
