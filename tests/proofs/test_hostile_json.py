"""Hostile JSON in the files the importers know: nesting far deeper than any parser
allows, and values of the wrong type at every level of every known file. A known file
that cannot be read is a warning on its source, never a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .hostile import (
    assert_member_skipped_rest_read,
    demo_export,
    inspect_and_report,
    json_paths,
    load_or_input_error,
    make_zip,
    replaced,
    write,
)

EXPORTS = ("facebook-", "instagram-", "whatsapp-account-report-")
DEEP = 100_000

#: wrong-type values, cycled over the paths of each file
WRONG: list[Any] = [
    None, 0, -1, 2**63, 1.5e308, True, "", "x", "2026-13-45T99:99:99",
    [], {}, [None], {"": None}, [[[]]], {"timestamp": "yesterday"}, -(2**63), "\u0000",
]  # fmt: skip


def _sources(inspect_out: str) -> list[dict[str, Any]]:
    return list(json.loads(inspect_out)["sources"])


@pytest.mark.parametrize(
    ("prefix", "member_end"),
    [
        ("facebook-", "profile_information.json"),
        ("facebook-", "your_address_books.json"),
        ("instagram-", "personal_information.json"),
        ("instagram-", "synced_contacts.json"),
        ("whatsapp-account-report-", "user_information.json"),
        ("whatsapp-account-report-", "contacts.json"),
    ],
)
@pytest.mark.parametrize("shape", ["lists", "objects", "orjson-limit"])
def test_deeply_nested_json_is_a_warning(
    prefix: str,
    member_end: str,
    shape: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, members = demo_export(prefix)
    member = next(m for m in members if m.endswith(member_end))
    if shape == "lists":
        data = "[" * DEEP + "]" * DEEP
    elif shape == "objects":
        data = '{"a":' * DEEP + "1" + "}" * DEEP
    else:  # parses with orjson (limit 1024) but breaks naive recursive walkers
        data = '{"label_values":[' * 500 + '{"value": "x"}' + "]}" * 500
    good = write(tmp_path / "good" / name, make_zip(members))
    members[member] = data.encode()
    path = write(tmp_path / "in" / name, make_zip(members))
    inspect, _ = inspect_and_report([path], tmp_path / "out", capsys)
    assert inspect.code == 0, inspect.err  # the rest of the export is still read
    (source,) = _sources(inspect.out)
    if shape == "orjson-limit":
        return
    counts = assert_member_skipped_rest_read(good, path, member, TOO_DEEP)
    assert source["tables"] == {t: n for t, n in counts.items() if n}


#: the reason a file too deeply nested was skipped, as the user reads it
TOO_DEEP = {
    "en": "was skipped: it is nested too deeply to be read safely.",
    "it": "è stato saltato: è annidato troppo in profondità per essere letto in sicurezza.",
}
NOT_JSON = {
    "en": "was skipped: it is not valid JSON.",
    "it": "è stato saltato: non è un JSON valido.",
}


@pytest.mark.parametrize(
    ("prefix", "member_end"),
    [
        ("facebook-", "your_address_books.json"),
        ("instagram-", "synced_contacts.json"),
        ("whatsapp-account-report-", "contacts.json"),
    ],
)
@pytest.mark.parametrize("data", [b"not json at all", b"\xff\xfe\x00garbage", b'{"a": [1, 2'])
def test_a_known_file_that_is_not_json_is_a_warning(
    prefix: str, member_end: str, data: bytes, tmp_path: Path
) -> None:
    name, members = demo_export(prefix)
    member = next(m for m in members if m.endswith(member_end))
    good = write(tmp_path / "good" / name, make_zip(members))
    members[member] = data
    bad = write(tmp_path / "bad" / name, make_zip(members))
    assert_member_skipped_rest_read(good, bad, member, NOT_JSON)


def _mutations(members: dict[str, bytes], rounds: int) -> list[dict[str, bytes]]:
    """``rounds`` variants of the export; in each, every JSON file has one node replaced.

    Paths are taken level by level so every depth of every file is hit."""
    per_file: dict[str, tuple[Any, list[tuple[Any, ...]]]] = {}
    for name, data in members.items():
        if name.endswith(".json"):
            tree = json.loads(data)
            paths = json_paths(tree)
            by_depth: dict[int, list[tuple[Any, ...]]] = {}
            for p in paths:
                by_depth.setdefault(len(p), []).append(p)
            ordered: list[tuple[Any, ...]] = []
            while any(by_depth.values()):  # round-robin over depths
                for depth in sorted(by_depth):
                    if by_depth[depth]:
                        ordered.append(by_depth[depth].pop(0))
            per_file[name] = (tree, ordered)
    variants = []
    for r in range(rounds):
        variant = dict(members)
        for name, (tree, ordered) in per_file.items():
            path = ordered[r % len(ordered)]
            value = WRONG[(r + len(name)) % len(WRONG)]
            variant[name] = json.dumps(replaced(tree, path, value)).encode()
        variants.append(variant)
    return variants


@pytest.mark.parametrize("prefix", EXPORTS)
def test_wrong_types_at_every_level(prefix: str, tmp_path: Path) -> None:
    name, members = demo_export(prefix)
    depth = max(
        (
            len(p)
            for n, d in members.items()
            if n.endswith(".json")
            for p in json_paths(json.loads(d))
        ),
        default=1,
    )
    rounds = max(40, 3 * depth)
    for i, variant in enumerate(_mutations(members, rounds)):
        path = write(tmp_path / f"v{i}" / name, make_zip(variant))
        # anything but InputError fails the test with its traceback; and the export is
        # never rejected whole: a file of the wrong shape is a warning, the rest is read
        evidence = load_or_input_error([path], audit=i % 10 == 0)
        assert evidence is not None, f"variant {i} was rejected whole"


@pytest.mark.parametrize("prefix", EXPORTS)
def test_wrong_types_through_the_cli(
    prefix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, members = demo_export(prefix)
    for i, variant in enumerate(_mutations(members, 6)):
        path = write(tmp_path / f"v{i}" / name, make_zip(variant))
        inspect, _report = inspect_and_report([path], tmp_path / f"out{i}", capsys)
        assert inspect.code == 0, inspect.err  # read, with warnings; never rejected whole


def test_a_whatsapp_report_reads_the_html_copy_of_an_unreadable_json(tmp_path: Path) -> None:
    """The WhatsApp report holds each file as JSON and HTML: when the JSON cannot be read,
    its rows come from the HTML copy (and are attributed to it); the warning stays."""
    from privacy_audit.pipeline import load_evidence

    name, members = demo_export("whatsapp-account-report-")
    member = next(m for m in members if m.endswith("contacts.json"))
    good = load_evidence([write(tmp_path / "good" / name, make_zip(members))])
    members[member] = b"not json at all"
    evidence = load_evidence([write(tmp_path / "bad" / name, make_zip(members))])
    (source,) = evidence.sources
    assert source.warnings == ["contacts.json was skipped: it is not valid JSON."]
    assert len(good.contacts) > 100
    assert len(evidence.contacts) == len(good.contacts)
    assert set(evidence.contacts["source_file"]) == {"contacts.html"}
