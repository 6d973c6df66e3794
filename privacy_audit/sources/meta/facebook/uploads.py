"""The 2025-26 Facebook files of uploaded contacts and friend suggestions (JSON and HTML).

A current Facebook download may hold no ``your_address_books.json``; the contacts Meta
keeps from the user's phone are in three ``label_values`` files instead:

- ``contacts_uploaded_before_2021``: one ``dict`` per contact point under "Contacts"
  (``user_id``, Contact point, Time of first/latest import, Name);
- ``your_imported_contacts``: a list of records (Update time, Contact name, Contact point);
- ``contacts_uploaded_from_your_phone``: a list of records (Name, Upload time, Creation
  time) without any contact point: the people count as uploaded, matched by name only.

Friend suggestions: ``people_you_may_know`` (a batch time and a list of names),
``suggested_friends`` (one record per suggestion, the name in a nested "Name" group) and
``friends_you_see_less`` (friends, not suggestions: read as contacts of their own origin).

Fields are found by label in every language of :mod:`..labels`, and by shape where a
label is unknown (a contact point looks like a number or an e-mail; a ``user_id`` is not
a contact point). HTML twins hold the same records as ``_a6-g`` sections with
``_a6_q``/``_a6_r`` label/value cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.facebook.json_files import add_contact_point
from privacy_audit.sources.meta.labels import is_label
from privacy_audit.sources.meta.reader import (
    Leaf,
    MetaReader,
    contact_kind,
    flatten_label_values,
    label_records,
    records_of,
    seconds,
    text,
)
from privacy_audit.sources.text import parse_text_date

#: labels of a contact's time, most telling first (when the contact reached Meta)
UPLOAD_TIMES = ("first_import", "upload_time", "latest_import", "update_time", "created")
#: labels of a suggestion's time, most telling first
SUGGESTION_TIMES = ("suggestion_sent", "suggestions_created", "created", "time")
_NAME_KEYS = ("name", "contact_name")


# -- shared: one record as (label, value, timestamp) fields ---------------------------
Field = tuple[str, str | None, int | None]


def _leaf_fields(leaves: Iterable[Leaf]) -> list[Field]:
    return [(leaf.label, leaf.value or leaf.href, leaf.ts) for leaf in leaves]


def _html_fields(fields: Sequence[tuple[str, str]]) -> list[Field]:
    out: list[Field] = []
    for label, value in fields:
        moment = parse_text_date(value) if value and not contact_kind(value) else None
        if moment is not None and not _is_name_label(label):
            out.append((label, None, int(moment.timestamp())))
        else:
            out.append((label, value or None, None))
    return out


def _is_name_label(label: str) -> bool:
    return any(is_label(label, key) for key in _NAME_KEYS)


def _first_time(fields: Sequence[Field], keys: Sequence[str]) -> int | None:
    """The first non-zero time labelled like ``keys`` (in that order), else any time."""
    for key in keys:
        for label, _value, ts in fields:
            if ts and is_label(label, key):
                return ts
    return next((ts for _label, _value, ts in fields if ts), None)


def _name(fields: Sequence[Field], fallback: str | None = None) -> str | None:
    for key in _NAME_KEYS:
        for label, value, _ts in fields:
            if value and is_label(label, key):
                return value
    if fallback:
        return fallback
    plain = [v for label, v, _ts in fields if v and not contact_kind(v) and not _is_id(label)]
    return plain[0] if plain else None


def _is_id(label: str) -> bool:
    return is_label(label, "id")


def _points(fields: Sequence[Field]) -> list[str]:
    """Contact points: labelled ones, else values shaped like a number or an e-mail."""
    labelled = [v for label, v, _ts in fields if v and is_label(label, "contact_info")]
    if labelled:
        return labelled
    return [v for label, v, _ts in fields if v and contact_kind(v) and not _is_id(label)]


def _add_upload(r: MetaReader, m: Member, fields: Sequence[Field], title: str | None) -> None:
    name = _name(fields, title)
    created = _first_time(fields, UPLOAD_TIMES)
    points: list[str | None] = list(_points(fields))
    if not name and not points:
        return
    for point in points or [None]:
        add_contact_point(r, m, "address_book", name, point, created)


def _add_suggestions(
    r: MetaReader, m: Member, origin: str, fields: Sequence[Field], names: Iterable[str]
) -> None:
    when = _first_time(fields, SUGGESTION_TIMES)
    for value in names:
        phone = value if contact_kind(value) == "phone" else None
        r.add(
            "suggestions",
            m,
            origin=origin,
            name=None if phone else value,
            phone_raw=phone,
            suggested_at=when,
        )


def _suggested_names(fields: Sequence[Field]) -> list[str]:
    """The suggested people of a batch: values labelled "Friend suggestions", else every
    text value that is not a time."""
    labelled = [v for label, v, _ts in fields if v and is_label(label, "suggestions")]
    if labelled:
        return labelled
    return [v for _label, v, ts in fields if v and not ts]


# -- JSON -----------------------------------------------------------------------------
def _json_records(data: Any) -> list[list[Leaf]]:
    """The records of a ``label_values`` document: a list of records, the ``dict``s of
    a ``vec``, or the one record of a single object."""
    if isinstance(data, list):
        records = [
            list(flatten_label_values(rec.get("label_values")))
            for rec in data
            if isinstance(rec, dict) and isinstance(rec.get("label_values"), list)
        ]
        if data and not records:
            raise ValueError("no label_values records")
        return records
    if not isinstance(data, dict) or not isinstance(data.get("label_values"), list):
        raise ValueError("no label_values")
    nested = label_records(data["label_values"])
    return nested or [list(flatten_label_values(data["label_values"]))]


def uploaded_contacts_json(r: MetaReader, data: Any, m: Member) -> None:
    """``contacts_uploaded_before_2021`` / ``your_imported_contacts`` /
    ``contacts_uploaded_from_your_phone`` (JSON): one contact per record."""
    for leaves in _json_records(data):
        _add_upload(r, m, _leaf_fields(leaves), None)


def people_you_may_know_json(r: MetaReader, data: Any, m: Member) -> None:
    """``people_you_may_know.json``: batches of suggested names with the batch time
    (older exports: ``people_you_may_know_v2`` records of ``name``/``timestamp``)."""
    if isinstance(data, dict) and not isinstance(data.get("label_values"), list):
        entries = records_of(data, "people_you_may_know_v2", "people_you_may_know")
        if not entries and not any(isinstance(v, list) for v in data.values()):
            raise ValueError("no suggestions")
        for entry in entries:
            if isinstance(entry, dict) and text(entry.get("name")):
                _add_suggestions(
                    r,
                    m,
                    "people_you_may_know",
                    [("time", None, seconds(entry.get("timestamp")))],
                    [str(text(entry.get("name")))],
                )
        return
    batches = data if isinstance(data, list) else [data]
    for batch in batches:
        if not isinstance(batch, dict):
            continue
        fields = _leaf_fields(flatten_label_values(batch.get("label_values")))
        _add_suggestions(r, m, "people_you_may_know", fields, _suggested_names(fields))


def suggested_friends_json(r: MetaReader, data: Any, m: Member) -> None:
    """``suggested_friends.json``: one record per suggestion (times, nested "Name")."""
    for leaves in _json_records(data):
        fields = _leaf_fields(leaves)
        name = _name(fields)
        if name:
            _add_suggestions(r, m, "suggested_friends", fields, [name])


def friends_you_see_less_json(r: MetaReader, data: Any, m: Member) -> None:
    """``friends_you_see_less.json``: friends whose posts are shown less (one per record)."""
    records = data if isinstance(data, list) else [data]
    for record in records:
        if not isinstance(record, dict):
            continue
        fields = _leaf_fields(flatten_label_values(record.get("label_values")))
        name = _name(fields)
        if name:
            when = seconds(record.get("timestamp")) or _first_time(fields, ("time",))
            r.add("contacts", m, origin="friends_seen_less", name=name, created_at=when)


# -- HTML -----------------------------------------------------------------------------
def _html_records(root: Any) -> list[tuple[list[Field], str | None, int | None]]:
    """(fields, title, footer time) of each innermost record of a page."""
    from privacy_audit.sources.meta.html import leaf_records

    records = leaf_records(root)
    if not records:
        raise ValueError("no records")
    out = []
    for rec in records:
        footer = parse_text_date(rec.date_text) if rec.date_text else None
        out.append(
            (
                _html_fields(rec.fields),
                rec.title or None,
                int(footer.timestamp()) if footer else None,
            )
        )
    return out


def uploaded_contacts_html(r: MetaReader, root: Any, m: Member) -> None:
    """The HTML twins of the three uploaded-contacts files: one contact per record."""
    for fields, _title, footer in _html_records(root):
        _add_upload(r, m, [*fields, ("", None, footer)], None)


def people_you_may_know_html(r: MetaReader, root: Any, m: Member) -> None:
    """``people_you_may_know.html``: the batch time row and the list of suggested names."""
    for fields, _title, footer in _html_records(root):
        fields = [*fields, ("", None, footer)]
        _add_suggestions(r, m, "people_you_may_know", fields, _suggested_names(fields))


def suggested_friends_html(r: MetaReader, root: Any, m: Member) -> None:
    """``suggested_friends.html``: one record per suggestion."""
    for fields, _title, footer in _html_records(root):
        name = _name(fields)
        if name:
            _add_suggestions(r, m, "suggested_friends", [*fields, ("", None, footer)], [name])


def friends_you_see_less_html(r: MetaReader, root: Any, m: Member) -> None:
    """``friends_you_see_less.html``: one friend per record, dated by the footer."""
    for fields, title, footer in _html_records(root):
        name = _name(fields, title)
        if name:
            when = footer or _first_time(fields, ("time",))
            r.add("contacts", m, origin="friends_seen_less", name=name, created_at=when)


#: file names (without suffix) of the uploaded-contacts files
UPLOAD_FILES = (
    "contacts_uploaded_before_2021",
    "your_imported_contacts",
    "contacts_uploaded_from_your_phone",
)
