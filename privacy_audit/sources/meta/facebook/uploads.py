"""The 2025-26 Facebook files of uploaded contacts and friend suggestions (JSON and HTML),
as field specs (:mod:`..spec`).

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

Fields are found by their label in every language of :mod:`..labels`. HTML twins hold
the same records as ``_a6-g`` sections with ``_a6_q``/``_a6_r`` label/value cells.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.meta.reader import contact_kind
from privacy_audit.sources.meta.spec import (
    PHONE,
    TEXT,
    TIME,
    Each,
    FileSpec,
    Getter,
    HtmlRecords,
    Keyed,
    LabelRecords,
    MapRecords,
    Shape,
    first,
    item,
    key,
    label,
    label_time,
    parent,
)
from privacy_audit.sources.meta.spec_html import HtmlFields

#: file names (without suffix) of the uploaded-contacts files
UPLOAD_FILES = (
    "contacts_uploaded_before_2021",
    "your_imported_contacts",
    "contacts_uploaded_from_your_phone",
)


def _not_a_phone(value: Any) -> str | None:
    """A suggested person's name: the value unless it is written as a phone number."""
    found = TEXT(value)
    return None if contact_kind(found) == "phone" else found


#: when the contact reached Meta, most telling label first (0 means unknown: next one)
_UPLOADED_AT: Getter = first(
    label_time("first_import"),
    label_time("upload_time"),
    label_time("latest_import"),
    label_time("update_time"),
    label_time("created"),
)
_CONTACT: dict[str, Getter] = {
    "name": first(label("contact_name", TEXT), label("name", TEXT)),
    "point": label("contact_info", TEXT),
    "created_at": _UPLOADED_AT,
}


def _uploaded(shape: Shape) -> FileSpec:
    """Uploaded contacts: one row per contact point (a name alone is one row too)."""
    return FileSpec("contacts", shape, const={"origin": "address_book"}, contact_point="point")


#: ``contacts_uploaded_before_2021``: the ``dict`` records of the "Contacts" ``vec``
contacts_before_2021 = _uploaded(Shape(LabelRecords(), _CONTACT))
#: ``your_imported_contacts`` / ``contacts_uploaded_from_your_phone``: lists of records
imported_contacts = _uploaded(Shape(MapRecords(), _CONTACT))
#: the HTML twins of the three files (one innermost record per contact point)
uploaded_contacts_html = _uploaded(Shape(HtmlRecords(innermost=True), _CONTACT))

#: ``people_you_may_know.json``: the names of the "Friend suggestions" ``vec`` with the
#: batch time (older exports: ``people_you_may_know_v2`` records of name/timestamp)
people_you_may_know_json = FileSpec(
    "suggestions",
    Shape(
        Keyed("people_you_may_know_v2", "people_you_may_know"),
        {"name": key("name"), "suggested_at": key("timestamp", conv=TIME)},
        require=("name",),
    ),
    Shape(
        LabelRecords(whole=True),
        {
            "name": item(_not_a_phone),
            "phone_raw": item(PHONE),
            "suggested_at": parent(first(label_time("suggestions_created"), label_time("*"))),
        },
        each=Each(label="suggestions"),
    ),
    const={"origin": "people_you_may_know"},
)

_SUGGESTED: dict[str, Getter] = {
    "name": label("name", TEXT),
    "suggested_at": first(label_time("suggestion_sent"), label_time("created")),
}
#: ``suggested_friends``: one record per suggestion (times and a nested "Name" group)
suggested_friends_json = FileSpec(
    "suggestions",
    Shape(MapRecords(), _SUGGESTED, require=("name",)),
    const={"origin": "suggested_friends"},
)
suggested_friends_html = FileSpec(
    "suggestions",
    Shape(HtmlRecords(innermost=True), _SUGGESTED, require=("name",)),
    const={"origin": "suggested_friends"},
)

#: ``friends_you_see_less``: friends whose posts are shown less (one per record)
friends_you_see_less_json = FileSpec(
    "contacts",
    Shape(
        MapRecords(),
        {"name": label("name", TEXT), "created_at": key("timestamp", conv=TIME)},
        require=("name",),
    ),
    const={"origin": "friends_seen_less"},
)
friends_you_see_less_html = FileSpec(
    "contacts",
    Shape(
        HtmlRecords(innermost=True),
        {"name": label("name", TEXT), "created_at": label_time("time")},
        require=("name",),
    ),
    const={"origin": "friends_seen_less"},
)


#: ``people_you_may_know.html``: the names of the fields labelled "Friend suggestions"
#: (one per person) with the record's batch time row, else its footer date
people_you_may_know_html = FileSpec(
    "suggestions",
    Shape(
        HtmlFields(innermost=True, label="suggestions"),
        {
            "name": item(_not_a_phone),
            "phone_raw": item(PHONE),
            "suggested_at": parent(label_time("suggestions_created")),
        },
    ),
    const={"origin": "people_you_may_know"},
)
