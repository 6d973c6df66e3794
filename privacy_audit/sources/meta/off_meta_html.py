"""Off-Meta activity in HTML (Facebook and Instagram): an index page plus one page per
business under ``your_activity_off_meta_technologies/``.

The index lists the businesses, each linking to its page; the page holds the events
(ID, Event, Received on), usually as one table with the rows of every event. Links
are written relative to the index page or to the export root; numbered pages such as
``0.html`` are duplicates Meta writes and are not read. An index entry whose page is
missing is a business without any event, not an event. A business page no index entry
links to is read too (its heading names the business). Old single-page exports have
the events (or just the business and a date) in the index records themselves.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.archive.listing import match_key
from privacy_audit.sources.meta.html import HtmlRecord, page_records, page_title
from privacy_audit.sources.meta.labels import is_label
from privacy_audit.sources.meta.load import Extractor
from privacy_audit.sources.meta.reader import MetaReader, ShapeError
from privacy_audit.sources.text import node_text, parse_text_date

PAGES_FOLDER = "your_activity_off_meta_technologies"
_NUMBERED = re.compile(r"^\d+\.html$")

Event = tuple[str | None, Any]


def _business_pages(r: MetaReader, index: Member) -> dict[str, Member]:
    """The per-business pages next to ``index`` (normalized path -> member)."""
    folder = posixpath.dirname(index.key)
    prefix = f"{folder}/{PAGES_FOLDER}/" if folder else f"{PAGES_FOLDER}/"
    found = {}
    for member in r.glob(re.escape(prefix) + r"[^/]+\.html$"):
        if not _NUMBERED.match(member.name):
            found[member.key] = member
    return found


def _target(link: str, index: Member, pages: dict[str, Member]) -> Member | None:
    """The business page ``link`` points to: relative to the index's folder, to the
    export root, or (last) the page of that file name in the business folder."""
    href = link.split("#")[0].split("?")[0].strip()
    if not href or "://" in href or href.startswith("mailto:"):
        return None
    key = posixpath.normpath(match_key(href)).lstrip("./")
    folder = posixpath.dirname(index.key)
    for candidate in (posixpath.normpath(posixpath.join(folder, key)), key):
        for page_key, member in pages.items():
            if page_key == candidate or page_key.endswith("/" + candidate):
                return member
    name = posixpath.basename(key)
    return next((m for k, m in pages.items() if posixpath.basename(k) == name), None)


def _split_events(record: HtmlRecord, offset: float | None) -> list[Event]:
    """The events of one record: its fields cut into groups wherever a label repeats."""
    groups: list[list[tuple[str, str]]] = [[]]
    for label, value in record.fields:
        if any(is_label(label, key) for key in ("event", "id")) and any(
            lab == label for lab, _v in groups[-1]
        ):
            groups.append([])
        groups[-1].append((label, value))
    events: list[Event] = []
    for group in groups:
        event = next((v for lab, v in group if v and is_label(lab, "event")), None)
        if not event:
            continue
        when = next((v for lab, v in group if v and is_label(lab, "received_on")), None)
        when = when or next((v for lab, v in group if v and is_label(lab, "time")), None)
        moment = parse_text_date(when, offset) if when else None
        events.append((event, moment or record.time(offset=offset)))
    return events


def _page_events(r: MetaReader, page: Member, offset: float | None) -> tuple[str, list[Event]]:
    """(business name from the page's heading, events) of one business page."""
    root = r.html(page)
    if root is None:
        return "", []
    r.sink.recognized(page.path)
    heading = next(iter(root.iter("h1", "h2")), None)
    name = node_text(heading) or page_title(root)
    events: list[Event] = []
    for record in page_records(root):
        events.extend(_split_events(record, offset))
    return name, events


def off_meta_pages(offset: float | None = None) -> Extractor:
    """The reader of the off-Meta index page (times at ``offset`` hours from UTC); a page
    without records and without business pages next to it is an unexpected structure."""

    def extract(r: MetaReader, root: Any, m: Member) -> None:
        pages = _business_pages(r, m)
        read: set[str] = set()
        records = page_records(root)
        for rec in records:
            app = rec.title or next((t for t in rec.link_texts if t), "")
            linked = [p for link in rec.links if (p := _target(link, m, pages)) is not None]
            if rec.links and not linked:
                continue  # a business whose page is missing: no event
            events = _split_events(rec, offset)
            for page in linked:
                if page.key in read:
                    continue
                read.add(page.key)
                name, found = _page_events(r, page, offset)
                app = app or name
                events.extend(found)
            if not rec.links and not events:
                events = [(None, rec.time(offset=offset))]  # old pages: business and date
            for event, when in events:
                r.add("off_platform", m, app=app, event=event, timestamp=when)
        for key, page in sorted(pages.items()):
            if key not in read:  # a page no index entry links to
                name, found = _page_events(r, page, offset)
                for event, when in found:
                    r.add("off_platform", page, app=name or None, event=event, timestamp=when)
        if not records and not pages:
            raise ShapeError("no records")

    return extract
