"""Structural reading of Meta HTML exports: records, their fields and dates; threads.

Meta's HTML pages have minified class names that change; this module relies on as
little as possible: a record is an element whose class list has ``_a6-g`` (2022-26
``<section>`` and older ``<div class="pam _3-95 _2ph- _a6-g ...">``); its title is the
first ``<h2>``; its fields are table rows (``<td>label</td><td>value</td>``, or a
``colspan`` cell with the label followed by nested ``<div>`` values) and
``Label: value`` lines; its date is the footer (``_a72d``/``_a6-o``). Pages without
such records are read as one record made of their tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.labels import LABELS, is_label, norm_label
from privacy_audit.sources.meta.messages import add_message_frame, thread_label
from privacy_audit.sources.meta.reader import ODD_FILE, MetaReader, contact_kind
from privacy_audit.sources.text import has_class, node_text, parse_text_date, squash

#: Instagram HTML shows times at a fixed UTC-8 (no daylight saving time)
INSTAGRAM_OFFSET = -8.0
_KNOWN_LABELS = frozenset().union(*LABELS.values())
_IP_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})$", re.I)


@dataclass
class HtmlRecord:
    """One record of an HTML page: a title, ``(label, value)`` fields, a date text."""

    title: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    date_text: str = ""
    links: list[str] = field(default_factory=list)
    link_texts: list[str] = field(default_factory=list)
    body: Any = None

    def get(self, key: str) -> str | None:
        """The first value whose label means canonical ``key``."""
        return next((v for label, v in self.fields if v and is_label(label, key)), None)

    def values(self) -> list[str]:
        """Every field value."""
        return [v for _label, v in self.fields if v]

    def time(self, key: str = "time", offset: float | None = None) -> datetime | None:
        """The date of field ``key``, else of the footer."""
        for text in (self.get(key), self.date_text):
            if text:
                moment = parse_text_date(text, offset)
                if moment is not None:
                    return moment
        return None


def _is_record(node: Any) -> bool:
    return has_class(node, "_a6-g")


def _outermost_records(root: Any) -> list[Any]:
    found = []
    for node in root.iter("section", "div"):
        if _is_record(node) and not any(_is_record(a) for a in node.iterancestors()):
            found.append(node)
    return found


def _cell_fields(cell: Any) -> list[tuple[str, str]]:
    """A ``colspan`` cell: its own text is the label, nested leaf divs are the values
    (a leaf div of class ``_a6_q`` is the label of the values after it, 2025+)."""
    label = squash(cell.text)
    fields: list[tuple[str, str]] = []
    for leaf in cell.iter("div"):
        if leaf.findall(".//div") or not node_text(leaf):
            continue
        if has_class(leaf, "_a6_q"):
            label = node_text(leaf)
        else:
            fields.append((label, node_text(leaf)))
    if not fields:
        return [("", node_text(cell))] if node_text(cell) else []
    return fields


def _table_fields(node: Any) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for row in node.iter("tr"):
        cells = row.findall("td") or row.findall("th")
        if len(cells) >= 2:
            label = node_text(cells[0])
            values = _cell_fields(cells[1]) if cells[1].findall(".//div") else []
            if values:
                fields.extend((label, v) for _l, v in values)
            else:
                fields.append((label, node_text(cells[1])))
        elif len(cells) == 1:
            fields.extend(_cell_fields(cells[0]))
    return fields


def _line_fields(node: Any) -> list[tuple[str, str]]:
    """``Label: value`` lines (and bare values) of a record body without tables."""
    fields: list[tuple[str, str]] = []
    for leaf in node.iter("div", "span", "li", "p"):
        if leaf.findall(".//div") or leaf.findall(".//table"):
            continue
        text = node_text(leaf)
        if not text:
            continue
        label, sep, value = text.partition(":")
        if sep and norm_label(label) in _KNOWN_LABELS:
            fields.append((label.strip(), value.strip()))
        else:
            fields.append(("", text))
    return fields


def _record(node: Any) -> HtmlRecord:
    record = HtmlRecord()
    heading = next(iter(node.iter("h2", "h1", "h3")), None)
    record.title = node_text(heading)
    footer = None
    for candidate in node.iter():
        if not isinstance(candidate.tag, str):
            continue
        if (
            candidate.tag == "footer"
            or has_class(candidate, "_a72d")
            or has_class(candidate, "_a6-o")
        ):
            footer = candidate
    if footer is not None:
        record.date_text = node_text(footer)
    anchors = [a for a in node.iter("a") if a.get("href")]
    record.links = [a.get("href") for a in anchors]
    record.link_texts = [node_text(a) for a in anchors]
    body = next((d for d in node.iter("div") if has_class(d, "_a6-p")), None)
    record.body = body
    if node.findall(".//table"):
        record.fields = _table_fields(node)
    elif body is not None:
        record.fields = _line_fields(body)
    return record


def page_records(root: Any) -> list[HtmlRecord]:
    """The records of one HTML page (see module docstring)."""
    nodes = _outermost_records(root)
    if nodes:
        return [_record(n) for n in nodes]
    body = root.find(".//body")
    if body is None or not body.findall(".//table"):
        return []
    return [HtmlRecord(title=node_text(root.find(".//h1")), fields=_table_fields(body))]


def _has_rows(node: Any) -> bool:
    return next(node.iter("tr"), None) is not None


def leaf_records(root: Any) -> list[HtmlRecord]:
    """The innermost records holding table rows (2025+ pages nest one record per
    ``label_values`` entry inside a section per file or per ``vec`` item); a record
    without its own footer date takes the date of the nearest enclosing record."""
    nodes = [n for n in root.iter("section", "div") if _is_record(n) and _has_rows(n)]
    leaves = [
        n for n in nodes if not any(_is_record(d) and _has_rows(d) for d in n.iterdescendants())
    ]
    if not leaves:
        return page_records(root)
    records = []
    for node in leaves:
        record = _record(node)
        if not record.date_text:
            for ancestor in node.iterancestors():
                if _is_record(ancestor):
                    record.date_text = _own_footer(ancestor)
                    if record.date_text:
                        break
        records.append(record)
    return records


def _own_footer(node: Any) -> str:
    """The footer date written directly in ``node`` (not in the records inside it)."""
    for child in node:
        if isinstance(child.tag, str) and (child.tag == "footer" or has_class(child, "_a6-o")):
            return node_text(child)
    return ""


def page_title(root: Any) -> str:
    """The ``<title>`` (or first ``<h1>``) of a page."""
    node = root.find(".//title")
    if node is None or not node_text(node):
        node = root.find(".//h1")
    return node_text(node)


def is_shaped(value: str | None, kind: str) -> bool:
    """True when ``value`` is written as ``kind``: ``email``, ``phone``, ``contact``
    (either of them) or ``ip`` (an IPv4 or IPv6 address)."""
    if not value:
        return False
    if kind == "ip":
        return _IP_RE.match(value.strip()) is not None
    found = contact_kind(value)
    return found is not None if kind == "contact" else found == kind


# -- message threads ------------------------------------------------------------------
_UNSENT = (
    "unsent a message",
    "annullato l'invio",
    "nachricht zurückgezogen",
    "anulado el envío",
    "annulé l’envoi",
    "annulé l'envoi",
    "bericht ingetrokken",
)
_SYSTEM = (
    "called",
    "call ended",
    "missed",
    "the call",
    "chiamata",
    "anruf",
    "llamada",
    "appel",
    "oproep",
    "gesprek",
    "joined",
    "left the group",
    "added",
    "named the group",
    "ha aggiunto",
    "ha abbandonato",
)
_PARTICIPANTS_SPLIT = re.compile(r",\s*|\s+(?:and|e|und|y|et|en)\s+")


def html_message_kind(record: HtmlRecord) -> str:
    """text | media | system | deleted for one HTML message (its text is not kept)."""
    body = record.body
    text = node_text(body).casefold() if body is not None else ""
    if any(word in text for word in _UNSENT):
        return "deleted"
    if body is not None and (
        body.findall(".//img") or body.findall(".//video") or body.findall(".//audio")
    ):
        return "media"
    if not text or any(word in text for word in _SYSTEM):
        return "system"
    return "text"


def _participants(root: Any) -> list[str]:
    for node in root.iter("div", "p", "span"):
        if node.find(".//div") is not None or node.find(".//h2") is not None:
            continue
        text = node_text(node)
        label, sep, rest = text.partition(":")
        if sep and norm_label(label) in {
            "participants",
            "partecipanti",
            "teilnehmer",
            "participantes",
            "deelnemers",
        }:
            return [p for p in _PARTICIPANTS_SPLIT.split(rest) if p.strip()]
    return []


def _thread(r: MetaReader, member: Member, offset: float | None) -> None:
    """One HTML thread page: its messages become columns (sender, time, kind). A page
    without message records is an unexpected structure (a warning); any exception is
    a bug and is raised."""
    root = r.html(member)
    if root is None:
        return
    records = [rec for rec in page_records(root) if rec.title or rec.date_text]
    if not records:
        r.warn(ODD_FILE, member)
        return
    people = [thread_label(p) or "" for p in _participants(root)]
    title = thread_label(page_title(root))
    senders = [thread_label(rec.title) for rec in records]
    distinct = {s for s in senders if s}
    r.thread_people.append((member.path, title, people or sorted(distinct)))
    times = []
    for rec in records:
        moment = parse_text_date(rec.date_text, offset)
        times.append(moment.timestamp() if moment else None)
    kinds = [html_message_kind(rec) for rec in records]
    is_group = len(people) > 2 or len(distinct) > 2
    r.sink.recognized(member.path)
    add_message_frame(r, member, title, is_group, senders, times, kinds)


def thread_html(r: MetaReader, member: Member) -> None:
    """One Facebook/Messenger HTML thread page (times as written, taken as UTC)."""
    _thread(r, member, None)


def thread_html_ig(r: MetaReader, member: Member) -> None:
    """One Instagram HTML thread page (times at UTC-8)."""
    _thread(r, member, INSTAGRAM_OFFSET)
