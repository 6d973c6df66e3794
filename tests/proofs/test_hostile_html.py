"""HTML exports (Meta's default format) with broken markup: every known page of a
Facebook and an Instagram export replaced by one kind of broken page. Each run gives a
clean result or message, never a traceback, and nothing from an external entity leaks.

Control for the external entity (XXE): with a parser that resolves entities in front of
ours, the planted secret does reach the tables, so the check that it does not can fail.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from .hostile import (
    assert_member_skipped_rest_read,
    demo_export,
    inspect_and_report,
    load_or_input_error,
    make_zip,
    write,
)
from .html_gen import SECRET, broken_pages, page

KINDS = sorted(broken_pages(random.Random(0)))


def html_export(
    prefix: str, content: dict[str, bytes] | bytes, rng: random.Random
) -> tuple[str, dict[str, bytes]]:
    """The demo export with every .json page as an .html page (``content`` per page)."""
    name, members = demo_export(prefix)
    out: dict[str, bytes] = {"start_here.html": page(rng, 2).encode()}
    for member in members:
        if member.endswith(".json"):
            html_name = member[: -len(".json")] + ".html"
            out[html_name] = content if isinstance(content, bytes) else content[member]
        else:
            out[member] = members[member]
    return name, out


@pytest.mark.parametrize("prefix", ["facebook-", "instagram-"])
def test_well_formed_html_export_reads(
    prefix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(1)
    name, members = demo_export(prefix)
    pages = {m: page(rng, 12).encode() for m in members}
    name, out = html_export(prefix, pages, rng)
    path = write(tmp_path / "in" / name, make_zip(out))
    inspect_and_report([path], tmp_path / "out", capsys)


@pytest.mark.parametrize("prefix", ["facebook-", "instagram-"])
@pytest.mark.parametrize("kind", KINDS)
def test_broken_html_export(
    prefix: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(kind)
    secret_file = write(tmp_path / "secret.txt", SECRET.encode())
    broken = broken_pages(rng, str(secret_file))[kind]
    name, out = html_export(prefix, broken, rng)
    path = write(tmp_path / "in" / name, make_zip(out))
    inspect, _report = inspect_and_report([path], tmp_path / "out", capsys)
    written = tmp_path / "out" / "report.html"
    assert SECRET not in inspect.out  # external entities are never resolved
    if written.exists():
        assert SECRET not in written.read_text(encoding="utf-8")
    if kind == "xxe":
        assert _tables_holding(load_or_input_error([path]), SECRET) == []


def _tables_holding(evidence: object, text: str) -> list[str]:
    """The Evidence tables with a cell containing ``text``."""
    tables = getattr(evidence, "tables", {})
    return sorted(
        name
        for name, frame in tables.items()
        if frame.astype(str)
        .apply(lambda column: column.str.contains(text, regex=False))
        .any()
        .any()
    )


@pytest.mark.parametrize("prefix", ["facebook-", "instagram-"])
def test_control_an_entity_resolving_parser_leaks_the_secret(
    prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lxml's XML parser with entities resolved, in front of our HTML parser: the secret
    file's content reaches the tables (the XXE check above would fail)."""
    from lxml import etree

    import privacy_audit.sources.meta.reader as reader

    rng = random.Random("xxe")
    secret_file = write(tmp_path / "secret.txt", SECRET.encode())
    name, out = html_export(prefix, broken_pages(rng, str(secret_file))["xxe"], rng)
    path = write(tmp_path / "in" / name, make_zip(out))
    ours = reader.parse_html
    resolving = etree.XMLParser(resolve_entities=True, load_dtd=True, recover=True)

    def resolve_then_parse(data: bytes) -> object:
        # read as XML: the page's HTML doctype and open <meta> are not well-formed XML
        data = data.replace(b"<!DOCTYPE html>", b"").replace(
            b'charset="utf-8">', b'charset="utf-8"/>'
        )
        root = etree.fromstring(data, resolving)
        return ours(etree.tostring(root) if root is not None else data)

    assert _tables_holding(load_or_input_error([path]), SECRET) == []
    monkeypatch.setattr(reader, "parse_html", resolve_then_parse)
    assert _tables_holding(load_or_input_error([path]), SECRET) != []


def test_mixed_broken_pages_in_process(tmp_path: Path) -> None:
    """Each page of one export broken in a different way."""
    rng = random.Random(7)
    for prefix in ("facebook-", "instagram-"):
        name, members = demo_export(prefix)
        kinds = broken_pages(rng)
        pages = {m: kinds[KINDS[i % len(KINDS)]] for i, m in enumerate(members)}
        name, out = html_export(prefix, pages, rng)
        path = write(tmp_path / prefix / name, make_zip(out))
        load_or_input_error([path], audit=True)


NOT_HTML = {
    "en": "was skipped: it is not a readable web page.",
    "it": "è stato saltato: non è una pagina web leggibile.",
}


@pytest.mark.parametrize(("kind", "reasons"), [("empty", NOT_HTML), ("only-comment", NOT_HTML)])
@pytest.mark.parametrize("prefix", ["facebook-", "instagram-"])
def test_one_broken_page_is_a_warning_and_the_rest_is_read(
    prefix: str, kind: str, reasons: dict[str, str], tmp_path: Path
) -> None:
    """A well-formed HTML export with its address book page broken: that page is a warning
    saying why, every other page gives the rows it gives without the break."""
    rng = random.Random(5)
    name, members = demo_export(prefix)
    pages = {m: page(rng, 12).encode() for m in members}
    name, out = html_export(prefix, pages, rng)
    good = write(tmp_path / "good" / name, make_zip(out))
    member = next(m for m in out if m.endswith(("your_address_books.html", "synced_contacts.html")))
    out[member] = broken_pages(rng)[kind]
    bad = write(tmp_path / "bad" / name, make_zip(out))
    assert_member_skipped_rest_read(good, bad, member, reasons)
