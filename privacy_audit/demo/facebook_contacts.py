"""The contacts side of the demo Facebook export: uploaded address books in both
layouts and the friend suggestions they lead to.

2024: ``your_address_books.json``; 2025-26: the same upload split over three
``label_values`` files. "People you may know" and the suggestions the user sent are
built from the same people, so the audit can connect them.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.demo._base import days, label_values, utc
from privacy_audit.demo.personas import Contact
from privacy_audit.demo.world import World

#: contacts first imported before this time are in ``contacts_uploaded_before_2021``
CUTOFF_2021 = utc(2021, 1, 1)
OTHER_INFO = "personal_information/other_personal_information"


def book_times(world: World) -> list[tuple[int, int]]:
    """(created, updated) of each uploaded contact, the same in every layout."""
    rng = world.rng("fb-book")
    start = world.persona.export_time - days(2200)
    times = []
    for _contact in world.book:
        created = start + rng.randrange(days(1800))
        times.append((created, created + rng.randrange(days(300))))
    return times


def contact_points(contact: Contact) -> list[str]:
    """The contact points of an uploaded contact as written: the number, then the e-mail."""
    return [contact.typed, contact.email] if contact.email else [contact.typed]


def address_book(world: World) -> dict[str, Any]:
    """The 2024 ``your_address_books.json``: one entry per contact, its points in details."""
    entries = [
        {
            "name": contact.name,
            "details": [{"contact_point": point} for point in contact_points(contact)],
            "created_timestamp": created,
            "updated_timestamp": updated,
        }
        for contact, (created, updated) in zip(world.book, book_times(world), strict=True)
    ]
    return {"address_book_v2": {"address_book": entries}}


def uploads_2026(world: World, labels: dict[str, str]) -> dict[str, Any]:
    """The 2025-26 shape of the same upload: contacts first imported before 2021 in
    ``contacts_uploaded_before_2021.json`` (one ``dict`` per contact point), the others
    in ``your_imported_contacts.json`` (one record per contact point), and a third of
    the people again, by name only, in ``contacts_uploaded_from_your_phone.json``."""
    before: list[list[tuple[str, Any]]] = []
    imported: list[dict[str, Any]] = []
    from_phone: list[dict[str, Any]] = []
    for index, (contact, (created, updated)) in enumerate(
        zip(world.book, book_times(world), strict=True)
    ):
        for point in contact_points(contact):
            if created < CUTOFF_2021:
                before.append(
                    [
                        ("user_id", str(100000000000 + index)),
                        (labels["point"], point),
                        (labels["first_import"], created),
                        (labels["latest_import"], updated),
                        (labels["name"], contact.name),
                    ]
                )
            else:
                imported.append(
                    {
                        "timestamp": updated,
                        "media": [],
                        "label_values": label_values(
                            [
                                (labels["update_time"], created),
                                (labels["contact_name"], contact.name),
                                (labels["point"], point),
                            ]
                        ),
                        "fbid": str(200000000000 + len(imported)),
                    }
                )
        if index % 3 == 0:
            from_phone.append(
                {
                    "media": [],
                    "label_values": label_values(
                        [
                            (labels["name"], contact.name),
                            (labels["upload_time"], created),
                            (labels["created"], created),
                        ]
                    ),
                    "fbid": str(300000000000 + index),
                }
            )
    return {
        "personal_information/profile_information/contacts_uploaded_before_2021.json": {
            "media": [],
            "label_values": label_values([(labels["contacts"], before)]),
            "fbid": "900000000001",
        },
        f"{OTHER_INFO}/your_imported_contacts.json": imported,
        f"{OTHER_INFO}/contacts_uploaded_from_your_phone.json": from_phone,
    }


def suggested_people(world: World) -> list[str]:
    """Who "People you may know" suggests: uploaded contacts who are not friends yet,
    two people only in WhatsApp, and a few friends of friends (not in any list)."""
    friends = set(world.friends)
    book = [c.name for i, c in enumerate(world.book) if i % 4 == 2 and c.name not in friends]
    on_whatsapp = [c.name for c in world.whatsapp[len(world.whatsapp) - 2 :]]
    rng = world.rng("fb-pymk")
    p = world.persona
    others = [
        f"{rng.choice(p.first_names)} {rng.choice(p.last_names)}" for _ in range(6 * world.scale)
    ]
    return book + on_whatsapp + others


def people_you_may_know(world: World, labels: dict[str, str]) -> dict[str, Any]:
    """``people_you_may_know.json``: the :func:`suggested_people` and when they were made."""
    when = world.persona.export_time - days(12)
    return {
        "media": [],
        "label_values": label_values(
            [(labels["pymk_created"], when), (labels["pymk"], suggested_people(world))]
        ),
        "fbid": "900000000002",
    }


def suggested_friends(world: World, labels: dict[str, str]) -> list[dict[str, Any]]:
    """Suggestions the user sent to friends: two uploaded contacts."""
    when = world.persona.export_time - days(40)
    names = [c.name for c in world.book[1:9:7]]
    return [
        {
            "media": [],
            "label_values": [
                *label_values(
                    [
                        (labels["created"], when + i),
                        (labels["modified"], when + i),
                        (labels["sent"], when + i),
                    ]
                ),
                {
                    "dict": [{"dict": label_values([(labels["name"], name)]), "title": ""}],
                    "title": labels["name"],
                },
            ],
            "fbid": str(400000000000 + i),
        }
        for i, name in enumerate(names)
    ]
