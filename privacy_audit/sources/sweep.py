"""The shape sweep: data files no importer claims, read by shape so nothing relevant is
silently skipped (a file Meta renames next year still counts).

After an importer has read an export, every JSON or HTML member it did not recognise is
parsed (within a size budget) and walked: ``label_values``, ``string_map_data``,
records and page fields. A value is kept when its shape leaves no doubt:

- an e-mail address;
- a phone number written with its international prefix (``+39 …``, ``0039 …``), or any
  number under a label that speaks of a phone (in any language of :mod:`meta.labels`);

ids, links and times never count. Each kept value becomes a ``contacts`` row of origin
``found_by_shape`` (with the record's name when it has one); :func:`promote_own` later
turns the user's own numbers and e-mails among them into ``identifiers`` rows, so they
join the evidence of ``phone-shared-across-services``. Values under a name label (any
language: "Name", "Nome", "full name"...) are kept aside on the source
(``SourceInfo.extra["shape_names"]``, never written out); :func:`promote_own` adds the
user's own name among them (the whole value, NFC and case-insensitive: never a part of a
longer text) to ``identifiers`` the same way. Every file not read is listed on the
source (``SourceInfo.extra["not_read"]``) with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import orjson

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.progress import check
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.base import LoadContext
from privacy_audit.sources.meta.labels import LABELS, is_label, is_phone_label
from privacy_audit.sources.meta.reader import contact_kind
from privacy_audit.sources.text import loads_meta, parse_html

if TYPE_CHECKING:
    from privacy_audit.model import Evidence, SourceSink

MB = 1024 * 1024
#: a file larger than this is listed as not read (unknown files are rarely large and
#: relevant; a likes or posts history can be tens of MB)
MAX_FILE = 4 * MB
#: all unknown files of one export together
MAX_TOTAL = 64 * MB
#: values kept from one file at most
MAX_VALUES = 20_000
SUFFIXES = (".json", ".html", ".htm")
#: pages that only link to the others
NAVIGATION = frozenset(("start_here.html", "index.html"))
ORIGIN = "found_by_shape"
#: ``SourceInfo.extra`` key of the values found under a name label, per file (consumed
#: by :func:`promote_own`; not part of ``SourceInfo.to_json``)
NAMES_KEY = "shape_names"
#: name labels: a value under one is a candidate for the user's own name
_NAME_KEYS = ("name", "contact_name", "first_name", "last_name")

FOUND = N_(
    "{n} phone numbers or e-mail addresses were found by their shape in {files} file(s) "
    "this version does not know ({names}); they are counted as found by shape."
)

_SKIP_KEYS = re.compile(r"(?:^|_)(?:id|fbid|uri|url|href|link|timestamp|time|uuid|token)s?$")
_DIGITS = re.compile(r"\d")


def _is_skipped_key(key: str) -> bool:
    return bool(_SKIP_KEYS.search(key.strip().lower().replace(" ", "_")))


def _shape(value: Any, label: str) -> str | None:
    """``"phone"``/``"email"`` when ``value`` (under ``label``) surely is one, else None."""
    if not isinstance(value, str) or len(value) > 80 or (label and _is_skipped_key(label)):
        return None
    text = value.strip()
    if "@" in text:
        return "email" if contact_kind(text) == "email" else None
    if len(_DIGITS.findall(text)) < 7:
        return None
    international = text.startswith(("+", "00", "(+"))
    if not international and not is_phone_label(label):
        return None
    return "phone" if contact_kind(text) == "phone" else None


def _is_name(label: str) -> bool:
    return bool(label) and (is_label(label, "name") or is_label(label, "contact_name"))


def _is_name_key(key: str) -> bool:
    """A label (also a JSON key: ``full_name``) under which a person's name is written."""
    label = key.replace("_", " ")
    return any(is_label(label, name) for name in _NAME_KEYS)


def name_key(value: str) -> str:
    """A name as compared: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _name_value(value: Any, label: str) -> str | None:
    """``value`` when it may be a person's name written under a name ``label``."""
    if not isinstance(value, str) or not label or not _is_name_key(label):
        return None
    text = value.strip()
    if not text or len(text) > 80 or contact_kind(text):
        return None
    return text


Value = tuple[str | None, str, str]  # (record name, kind, value)


def _json_values(node: Any, label: str = "", name: str | None = None) -> Iterator[Value]:
    """Contact points in a parsed JSON document, with the name of their record."""
    if isinstance(node, list):
        for item in node:
            yield from _json_values(item, label, name)
        return
    if not isinstance(node, dict):
        kind = _shape(node, label)
        if kind:
            yield (name, kind, node.strip())
        elif found := _name_value(node, label):
            yield (None, "name", found)
        return
    if "label" in node or "title" in node:  # a label_values leaf or group
        inner = str(node.get("label") or node.get("title") or "")
        if isinstance(node.get("value"), str):
            kind = _shape(node["value"], inner)
            if kind:
                yield (name, kind, node["value"].strip())
            elif found := _name_value(node["value"], inner):
                yield (None, "name", found)
        for key in ("vec", "dict", "label_values"):
            if isinstance(node.get(key), list):
                yield from _json_values(node[key], inner, name)
        return
    smd = node.get("string_map_data")
    if isinstance(smd, dict):
        own = next(
            (e.get("value") for k, e in smd.items() if _is_name(k) and isinstance(e, dict)), None
        )
        for key, entry in smd.items():
            if isinstance(entry, dict):
                kind = _shape(entry.get("value"), str(key))
                if kind:
                    yield (own if isinstance(own, str) else name, kind, entry["value"].strip())
                elif found := _name_value(entry.get("value"), str(key)):
                    yield (None, "name", found)
        return
    own = _record_name(node) or name
    for key, value in node.items():
        yield from _json_values(value, str(key), own)


def _record_name(node: dict[str, Any]) -> str | None:
    for key, value in node.items():
        if isinstance(value, str) and _is_name(str(key)) and not contact_kind(value):
            return value
    leaves = node.get("label_values")
    if isinstance(leaves, list):
        for leaf in leaves:
            if isinstance(leaf, dict) and _is_name(str(leaf.get("label") or "")):
                value = leaf.get("value")
                if isinstance(value, str):
                    return value
    return None


def _html_values(root: Any) -> Iterator[Value]:
    """Contact points in the fields of an HTML page's records, and in tel:/mailto: links."""
    from privacy_audit.sources.meta.html import page_records

    for record in page_records(root):
        name = next((v for label, v in record.fields if v and _is_name(label)), None)
        name = name or record.title or None
        for label, value in record.fields:
            kind = _shape(value, label)
            if kind:
                yield (name, kind, value.strip())
            elif found := _name_value(value, label):
                yield (None, "name", found)
    for anchor in root.iter("a"):
        href = str(anchor.get("href") or "")
        scheme, _sep, rest = href.partition(":")
        if scheme.lower() in ("tel", "mailto") and rest:
            kind = "phone" if scheme.lower() == "tel" else "email"
            if contact_kind(rest) == kind:
                yield (None, kind, rest.strip())


#: what a file must contain somewhere to hold a value :func:`_shape` keeps: an "@", an
#: international prefix at the start of a value, or a word of a phone label (the
#: labels' non-ASCII letters are escaped in Meta JSON, so the ASCII stems are enough)
_MAYBE = (b"@", b'"+', b'"00', b'"(+', b">+", b">00", b"tel:", b"phone", b"telef", b"fono",
          b"mobi", b"cellul", b"celular", b"handy", b"portable", b"m\xc3\xb3vil",
          b"m\\u00c3\\u00b3vil")  # fmt: skip
#: a name label as a whole JSON string or key (``"Name"``, ``"full_name"``) or HTML cell
_MAYBE_NAME = tuple(
    f"{left}{label}{right}".encode()
    for key in _NAME_KEYS
    for raw in LABELS[key]
    if raw.isascii()
    for label in {raw, raw.replace(" ", "_")}
    for left, right in (('"', '"'), (">", "<"))
)


def _without_styles(data: bytes) -> bytes:
    """``data`` without its ``<style>`` blocks (their ``@media`` rules are no e-mail)."""
    parts, start = [], 0
    while (open_at := data.find(b"<style", start)) >= 0:
        parts.append(data[start:open_at])
        close = data.find(b"</style>", open_at)
        start = len(data) if close < 0 else close + len(b"</style>")
    parts.append(data[start:])
    return b"".join(parts)


def _maybe(data: bytes, html: bool = False) -> bool:
    """True when ``data`` may hold a contact point (plain substring search: fast)."""
    low = (_without_styles(data) if html else data).lower()
    return any(token in low for token in _MAYBE) or any(token in low for token in _MAYBE_NAME)


def _values(member: Member, data: bytes) -> list[Value]:
    """The contact points of one member (raises ValueError/JSONDecodeError on bad data).

    A document without anything :data:`_MAYBE` looks for is not parsed at all (most
    unknown files: likes, posts, comments...), so it is "swept" even when damaged."""
    found: list[Value] = []
    if not _maybe(data, html=member.suffix != ".json"):
        return found
    if member.suffix == ".json":
        values: Iterator[Value] = _json_values(loads_meta(data))
    else:
        values = _html_values(parse_html(data))
    for value in values:
        found.append(value)
        if len(found) >= MAX_VALUES:
            break
    return found


def sweep(archive: ExportArchive, sink: SourceSink, ctx: LoadContext) -> None:
    """Read by shape every non-media member of ``archive`` the importer did not recognise
    (see module docstring); list each of them, with the reason, on the source."""
    info = sink.info
    recognized = set(info.files_recognized)
    budget = MAX_TOTAL
    not_read: list[dict[str, Any]] = []
    found_in: dict[str, int] = {}
    name_values: dict[str, list[str]] = {}
    for count, member in enumerate(m for m in archive.members if not m.is_media):
        if member.path in recognized:
            continue
        if count % 32 == 0:
            check(ctx.cancel)
        reason, found = _sweep_member(archive, member, sink, budget, name_values)
        if reason in ("swept", "found"):
            budget -= member.size
        if found:
            found_in[member.path] = found
        not_read.append({"file": member.path, "reason": reason, "found": found})
    info.extra["not_read"] = not_read
    if name_values:
        info.extra[NAMES_KEY] = name_values
    if found_in:
        names = ", ".join(path.rsplit("/", 1)[-1] for path in list(found_in)[:5])
        sink.warn(
            ctx.tr.gettext(FOUND).format(n=sum(found_in.values()), files=len(found_in), names=names)
        )


def _sweep_member(
    archive: ExportArchive,
    member: Member,
    sink: SourceSink,
    budget: int,
    names: dict[str, list[str]],
) -> tuple[str, int]:
    """(reason, contact points found) for one unrecognised member; found contact points
    become rows, values under a name label go to ``names`` (file -> distinct values)."""
    if member.name.lower() in NAVIGATION:
        return "navigation", 0
    if member.suffix not in SUFFIXES:
        return "other_format", 0
    if member.size > MAX_FILE:
        return "too_large", 0
    if member.size > budget:
        return "budget", 0
    try:
        values = _values(member, archive.read_bytes(member, MAX_FILE))
    except (InputError, orjson.JSONDecodeError, ValueError, TypeError, RecursionError):
        return "unreadable", 0
    points = [v for v in values if v[1] != "name"]
    in_file = list(dict.fromkeys(value for _n, kind, value in values if kind == "name"))
    if in_file:
        names[member.path] = in_file
    for name, kind, value in points:
        sink.add(
            "contacts",
            origin=ORIGIN,
            name=name,
            phone_raw=value if kind == "phone" else None,
            email=value if kind == "email" else None,
            source_file=member.path,
        )
    return ("found" if points else "swept"), len(points)


def promote_own(evidence: Evidence) -> Evidence:
    """Move the user's own numbers and e-mails found by shape from ``contacts`` to
    ``identifiers`` (they are the user's, not a contact's), and add the user's own name
    found under a name label (see module docstring); run after phone numbers are
    normalised."""
    import pandas as pd  # only once the tables are built

    evidence = _promote_own_names(evidence)
    contacts, ids = evidence.contacts, evidence.identifiers
    found = contacts["origin"] == ORIGIN
    if not found.any() or ids.empty:
        return evidence
    phones = set(ids.loc[(ids["kind"] == "phone") & ids["valid"], "value"].dropna())
    emails = set(ids.loc[ids["kind"] == "email", "value"].dropna().str.lower())
    is_phone = contacts["phone_e164"].isin(phones)
    is_email = contacts["email"].fillna("").str.lower().isin(emails) & contacts["email"].notna()
    own = found & (is_phone | is_email)
    if not own.any():
        return evidence
    rows = contacts[own]
    mine = is_phone[own]
    promoted = pd.DataFrame(
        {
            "service": rows["service"],
            "kind": mine.map({True: "phone", False: "email"}),
            "value": rows["phone_e164"].where(mine, rows["email"]),
            "raw": rows["phone_raw"].where(mine, rows["email"]),
            "valid": True,
            "source_file": rows["source_file"],
        }
    )
    tables = dict(evidence.tables)
    tables["identifiers"] = pd.concat([ids, promoted.astype(ids.dtypes)], ignore_index=True)
    tables["contacts"] = contacts[~own].reset_index(drop=True)
    evidence.tables = tables
    return evidence


def _promote_own_names(evidence: Evidence) -> Evidence:
    """Add an ``identifiers`` row (kind ``name``) for each file not known to this version
    that holds one of the user's own names as a whole value under a name label; the
    candidates kept on the sources are dropped (they are not written out)."""
    import pandas as pd  # only once the tables are built

    found = [
        (info.service, path, value)
        for info in evidence.sources
        for path, values in (info.extra.pop(NAMES_KEY, None) or {}).items()
        for value in values
    ]
    ids = evidence.identifiers
    if not found or ids.empty:
        return evidence
    own = {name_key(value) for value in ids.loc[ids["kind"] == "name", "value"].dropna() if value}
    rows = [(s, p, v) for s, p, v in found if name_key(v) in own]
    if not rows:
        return evidence
    services, paths, values = zip(*rows, strict=True)
    promoted = pd.DataFrame(
        {
            "service": list(services),
            "kind": "name",
            "value": list(values),
            "raw": list(values),
            "valid": True,
            "source_file": list(paths),
        }
    )
    tables = dict(evidence.tables)
    tables["identifiers"] = pd.concat([ids, promoted.astype(ids.dtypes)], ignore_index=True)
    evidence.tables = tables
    return evidence
