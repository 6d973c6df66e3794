"""The whole-document mojibake repair of Meta JSON gives exactly the string-by-string repair.

``loads_meta`` repairs a whole document at once (``fix_tree_fast``); ``fix_tree`` is the
reference (every string and key repaired on its own after parsing). Both must agree on
every document: Meta's escaped exports, files that are already clean, and mixtures.
"""

from __future__ import annotations

import json
import random
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.sources.text import fix_tree, fix_tree_fast, loads_meta

WORDS = [
    "Giulia",
    "perché",  # Italian accents
    "città",
    "Niccolò Caffè",
    "è già più",
    "Müller Straße",
    "東京都",  # CJK
    "北京 你好",
    "😀",  # emoji (4-byte UTF-8)
    "👍🏽 ok",
    "👨‍👩‍👧",
    "€ 20",
    "plain ascii",
    'a\\b "quoted"',
    "tab\tnew\nline",
    "",
]


def meta_escape(value: Any) -> Any:
    """``value`` as Meta writes it: each UTF-8 byte of every string as a Latin-1 character."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [meta_escape(v) for v in value]
    if isinstance(value, dict):
        return {meta_escape(k): meta_escape(v) for k, v in value.items()}
    return value


def corpus_document(rng: random.Random, size: int) -> dict[str, Any]:
    """A Meta-like document (string_map_data records, names, lists) of random words."""

    def phrase() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))

    return {
        "contacts_contact_info": [
            {
                "title": phrase(),
                "string_map_data": {
                    phrase() or "k": {"value": phrase(), "href": "", "timestamp": rng.randint(0, 9)}
                    for _ in range(rng.randint(1, 3))
                },
                "tags": [phrase(), rng.randint(0, 100), None, True, 1.5],
            }
            for _ in range(size)
        ]
    }


def reference(data: bytes) -> Any:
    """The string-by-string repair: parse, then repair every string and key."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return fix_tree(orjson.loads(data))


def test_generated_meta_exports_are_repaired_on_the_bytes() -> None:
    rng = random.Random(20240611)
    for size in (1, 5, 40):
        original = corpus_document(rng, size)
        data = json.dumps(meta_escape(original), ensure_ascii=True).encode()
        assert b"\\u00" in data
        assert fix_tree_fast(orjson.loads(data)) is not None  # the fast path applies
        assert loads_meta(data) == original
        assert loads_meta(data) == reference(data)
        assert loads_meta(b"\xef\xbb\xbf" + data) == original


def test_already_clean_files_are_kept() -> None:
    rng = random.Random(7)
    original = corpus_document(rng, 20)
    for data in (
        json.dumps(original, ensure_ascii=False).encode(),  # raw UTF-8
        json.dumps(original, ensure_ascii=True).encode(),  # proper \\u escapes
        orjson.dumps(original),
    ):
        assert loads_meta(data) == reference(data) == original


def test_mixed_documents_match_the_string_repair() -> None:
    rng = random.Random(99)
    cases = []
    for _ in range(30):
        clean = corpus_document(rng, 3)
        escaped = meta_escape(corpus_document(rng, 3))
        mixed = {"clean": clean, "meta": escaped}
        cases.append(json.dumps(mixed, ensure_ascii=True).encode())
        cases.append(json.dumps(mixed, ensure_ascii=False).encode())
    cases += [
        # a string with escaped bytes and an escape above U+00FF: kept as it is
        b'{"a": "\\u00c3\\u00a8 \\u20ac", "b": "\\u00c3\\u00a8"}',
        # raw UTF-8 next to escaped bytes in one string: kept as it is
        '{"a": "é\\u00c3\\u00a8"}'.encode(),
        # an escaped backslash before u00XX is text, not an escape
        b'{"a": "\\\\u00c3\\u00a8", "b": "\\\\\\u00c3\\u00a8"}',
        # invalid UTF-8 once unescaped (a real Latin-1 escape)
        b'{"caf\\u00e9": "\\u00c3\\u00a8"}',
        # overlong and surrogate encodings are not repaired
        b'["\\u00c0\\u00af", "\\u00ed\\u00a0\\u0080", "\\u00c3\\u00a8"]',
        b'["\\u0041\\u007f", "ascii"]',
    ]
    for data in cases:
        assert loads_meta(data) == reference(data), data


_PIECES = st.sampled_from(WORDS) | st.text(max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.tuples(_PIECES, st.booleans()), min_size=1, max_size=6),
    ascii_only=st.booleans(),
)
def test_any_mixture_matches_the_string_repair(
    parts: list[tuple[str, bool]], ascii_only: bool
) -> None:
    strings = [meta_escape(text) if escape else text for text, escape in parts]
    document = {s[:3] or "k": strings for s in strings}
    data = json.dumps(document, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    try:
        expected = reference(data)
    except orjson.JSONDecodeError:  # lone surrogates: orjson refuses them both ways
        return
    assert loads_meta(data) == expected
