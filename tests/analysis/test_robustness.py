"""The audit never crashes on odd but well-typed Evidence (missing values, odd strings)."""

from __future__ import annotations

import random

import orjson
import pytest
from json_schema import schema_problems

from privacy_audit.analysis.audit import run_audit
from privacy_audit.commands.audit import to_json_bytes
from privacy_audit.model import SCHEMAS

from .evidence_factory import Factory

ODD = [
    None,
    "",
    " ",
    "everyone",
    "off",
    "+",
    "+39",
    "0",
    "@",
    "é",
    "a,b",
    "\u200e",
    "Ñandú SpA",
    "x" * 300,
    "+39 347 555 0142",
    "someone@example.org",
    "whatsapp",
    "uploaded_list",
    "address_book",
    "synced_contacts",
    "friends",
    "chat_participant",
    "whatsapp_contacts",
    "phone",
    "email",
    "username",
    "name",
    "registration",
    "two_factor",
    "last_seen",
]


def _value(kind: str, rng: random.Random) -> object:
    if kind == "time":
        return rng.choice([None, 0, -5, 1_000_000_000, 1_700_000_000, 4_000_000_000])
    if kind == "int":
        return rng.choice([-1, 0, 1, 500])
    if kind == "bool":
        return rng.choice([True, False])
    return rng.choice(ODD)


@pytest.mark.parametrize("seed", range(4))
def test_random_evidence_audits_cleanly(seed: int) -> None:
    rng = random.Random(seed)
    factory = Factory()
    sources = [
        ("facebook", "dyi"),
        ("instagram", "dyi"),
        ("whatsapp", "account_report"),
        ("whatsapp", "chat"),
    ]
    for table, schema in SCHEMAS.items():
        for _ in range(rng.randint(0, 30)):
            service, src = rng.choice(sources)
            row = {col: _value(kind, rng) for col, kind in schema.items() if col != "service"}
            factory.source(service, src).add(table, **row)
    for lang in ("en", "it"):
        result = run_audit(factory.build(), lang=lang)
        raw = to_json_bytes(result)
        assert schema_problems(orjson.loads(raw)) == []
        assert b'"NaT"' not in raw and b"NaN" not in raw
        assert 0 <= result.score <= 100
