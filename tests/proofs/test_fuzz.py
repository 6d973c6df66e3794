"""Fuzzing with hypothesis (bounded): the archive reader on random and damaged zips,
every JSON importer with random JSON under its known file names, the HTML importers with
random markup, the chat parser with random text, report rendering with random names.
Nothing may raise but our own InputError."""

from __future__ import annotations

import io
import itertools
import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_audit.errors import InputError
from privacy_audit.sources.archive import ExportArchive

from .hostile import demo_export, demo_files, load_or_input_error, make_zip, write

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
_counter = itertools.count()


def _fresh(tmp_path: Path) -> Path:
    folder = tmp_path / f"ex{next(_counter)}"
    folder.mkdir()
    return folder


# -- strategies ------------------------------------------------------------------------
names = st.one_of(
    st.text(min_size=1, max_size=40),
    st.sampled_from(
        [
            "../evil.json", "/etc/passwd", "C:\\x.json", "a/../../b.json", "x" * 300,
            "profile_information.json", "your_address_books.json", "_chat.txt",
            "messages/inbox/a_1/message_1.json", "who_you've_followed.json", "start_here.html",
            "dir/", "a\\b\\personal_information.json", "\u202egnp.exe", "con.json",
        ]
    ),
)  # fmt: skip
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(
                    [
                        "label_values",
                        "string_map_data",
                        "value",
                        "timestamp",
                        "vec",
                        "dict",
                        "label",
                        "name",
                        "href",
                        "title",
                        "media_map_data",
                        "participants",
                        "messages",
                        "sender_name",
                        "timestamp_ms",
                        "contact_point",
                        "ent_field_name",
                    ]
                ),
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=40,
)
TAGS = ["div", "section", "table", "tr", "td", "h2", "footer", "a", "span", "main", "br", "li"]
CLASSES = ["_a6-g", "_a6-h", "_a6-p", "_a6_q", "_a6_r", "_a72d", "_3-94 _a6-o", "_2pin", ""]
markup = st.recursive(
    st.text(max_size=30).map(lambda t: t.replace("<", "&lt;"))
    | st.sampled_from(
        [
            "Nov 14, 2023 10:13:20 pm",
            "+39 333 555 0101",
            "x@example.com",
            "203.0.113.4",
            "<br>",
            "</td>",
            "<td",
            "&amp;",
            "&#0;",
            "<!--",
            "]]>",
            "<table>",
        ]
    ),
    lambda inner: st.builds(
        lambda tag, cls, body: f'<{tag} class="{cls}">{"".join(body)}</{tag}>',
        st.sampled_from(TAGS),
        st.sampled_from(CLASSES),
        st.lists(inner, max_size=4),
    ),
    max_leaves=30,
)
chat_lines = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda d, m, y, hh, mm, who, what: f"{d}/{m}/{y}, {hh}:{mm} - {who}: {what}",
        st.integers(-5, 40), st.integers(-5, 15), st.integers(-1, 100_000),
        st.integers(-1, 30), st.integers(-1, 70), st.text(max_size=15), st.text(max_size=30),
    ),
    st.builds(
        lambda d, m, y, t, ampm, who, what: f"[{m}/{d}/{y}, {t} {ampm}] {who}: {what}",
        st.integers(0, 40), st.integers(0, 15), st.integers(0, 3000),
        st.text(alphabet="0123456789:", max_size=9), st.sampled_from(["AM", "PM", "", "a.m."]),
        st.text(max_size=15), st.text(max_size=30),
    ),
)  # fmt: skip


# -- the archive reader ----------------------------------------------------------------
def _zip_from(entries: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are part of the fuzz
        with zipfile.ZipFile(buffer, "w") as zf:
            for name, data, method in entries:
                zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def _exercise_archive(path: Path) -> None:
    try:
        archive = ExportArchive([path])
    except InputError:
        return
    with archive:
        for member in archive.members[:50]:
            try:
                archive.read_text(member, limit=1 << 20)
            except InputError:
                pass
            archive.find(member.name)
        archive.glob(r"\.json$")


@FUZZ
@given(
    entries=st.lists(
        st.tuples(
            names,
            st.binary(max_size=2000),
            st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2]),
        ),
        max_size=8,
    ),
    damage=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_fuzz_archive_reader(
    entries: list[tuple[str, bytes, int]],
    damage: list[tuple[int, int]],
    cut: int | None,
    tmp_path: Path,
) -> None:
    data = bytearray(_zip_from(entries))
    for position, value in damage:
        if data:
            data[position % len(data)] = value
    if cut is not None and data:
        data = data[: cut % len(data)]
    path = write(_fresh(tmp_path) / "facebook-fuzz-2026-01-01-abc.zip", bytes(data))
    _exercise_archive(path)
    load_or_input_error([path])


@FUZZ
@given(
    seed=st.integers(0, 2**32), damage=st.lists(st.integers(min_value=0), min_size=1, max_size=20)
)
def test_fuzz_damaged_real_export(seed: int, damage: list[int], tmp_path: Path) -> None:
    """A real export zip with random bytes flipped (headers, directory, data)."""
    name, members = demo_export("facebook-")
    data = bytearray(make_zip(members))
    for i, position in enumerate(damage):
        data[position % len(data)] ^= (seed >> (i % 24)) & 0xFF or 1
    path = write(_fresh(tmp_path) / name, bytes(data))
    _exercise_archive(path)
    load_or_input_error([path])


# -- the JSON importers ------------------------------------------------------------------
JSON_EXPORTS = ("facebook-", "instagram-", "whatsapp-account-report-", "secure_storage_")


def _export(prefix: str) -> tuple[str, dict[str, bytes]]:
    persona = "alex" if prefix == "secure_storage_" else "giulia"
    return demo_export(prefix, persona)


@pytest.mark.parametrize("prefix", JSON_EXPORTS)
def test_fuzz_json_importers(prefix: str, tmp_path: Path) -> None:
    name, members = _export(prefix)
    known = sorted(m for m in members if m.endswith(".json"))
    assert known

    @FUZZ
    @given(member=st.sampled_from(known), value=json_values, everywhere=st.booleans())
    def run(member: str, value: Any, everywhere: bool) -> None:
        payload = json.dumps(value).encode()
        variant = dict(members)
        for target in known if everywhere else [member]:
            variant[target] = payload
        load_or_input_error([write(_fresh(tmp_path) / name, make_zip(variant))])

    run()


# -- the HTML importers ------------------------------------------------------------------
@pytest.mark.parametrize("prefix", ["facebook-", "instagram-"])
def test_fuzz_html_importers(prefix: str, tmp_path: Path) -> None:
    name, members = demo_export(prefix)
    pages = [m[: -len(".json")] + ".html" for m in members if m.endswith(".json")]

    @FUZZ
    @given(body=st.lists(markup, max_size=8), wrap=st.booleans())
    def run(body: list[str], wrap: bool) -> None:
        page = "".join(body)
        if wrap:
            page = f'<html><body><div class="_li"><main class="_a706">{page}</main></div></body>'
        variant = {p: page.encode("utf-8", "surrogatepass") for p in pages}
        variant["start_here.html"] = page.encode("utf-8", "surrogatepass")
        load_or_input_error([write(_fresh(tmp_path) / name, make_zip(variant))])

    run()


# -- the chat parser ---------------------------------------------------------------------
@FUZZ
@given(
    lines=st.lists(chat_lines, max_size=40),
    zipped=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_fuzz_chat_parser(lines: list[str], zipped: bool, newline: str, tmp_path: Path) -> None:
    text = newline.join(lines).encode("utf-8", "surrogatepass")
    folder = _fresh(tmp_path)
    if zipped:
        path = write(folder / "WhatsApp Chat - Fuzz.zip", make_zip({"_chat.txt": text}))
    else:
        path = write(folder / "WhatsApp Chat with Fuzz.txt", text)
    load_or_input_error([path])


# -- report rendering ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_evidence(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from privacy_audit.pipeline import load_evidence

    folder = tmp_path_factory.mktemp("demo")
    paths = [write(folder / n, d) for n, d in demo_files("giulia").items()]
    return load_evidence(paths)


NAME_COLUMNS = {
    "contacts": ("name", "email"),
    "messages": ("chat", "sender"),
    "groups": ("name",),
    "advertisers": ("name",),
    "off_platform": ("app",),
    "activity": ("device", "location", "user_agent"),
    "linked_accounts": ("account", "linked_to"),
    "identifiers": ("raw",),
}


def test_fuzz_report_rendering(demo_evidence: Any, tmp_path: Path) -> None:
    from lxml import html as lxml_html

    from privacy_audit.analysis.audit import run_audit
    from privacy_audit.model import Evidence
    from privacy_audit.report import render_html, write_report

    @settings(FUZZ, max_examples=20)  # each example is a whole audit
    @given(
        strings=st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=12),
        lang=st.sampled_from(["en", "it"]),
    )
    def run(strings: list[str], lang: str) -> None:
        tables = {}
        for table, frame in demo_evidence.tables.items():
            frame = frame.copy()
            for column in NAME_COLUMNS.get(table, ()):
                if len(frame):
                    frame[column] = [strings[i % len(strings)] for i in range(len(frame))]
            tables[table] = frame
        evidence = Evidence(tables, demo_evidence.sources, demo_evidence.region)
        result = run_audit(evidence, lang=lang)
        for redact in (False, True):
            document = render_html(result, redact=redact)
            assert lxml_html.fromstring(document).xpath("//script") == []
        folder = _fresh(tmp_path)
        for fmt in ("html", "json", "csv"):
            write_report(result, folder / f"r.{fmt}", fmt=fmt)
        json.loads((folder / "r.json").read_text(encoding="utf-8"))

    run()
