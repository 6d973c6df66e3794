"""Who is in which list, for one persona at one scale.

Indices into one contact pool decide the overlaps, so they are exact and stable:
- the Facebook/Messenger upload is ``pool[:book]``;
- WhatsApp contacts are two thirds of the upload plus ``wa_extra`` people only on WhatsApp;
- Instagram's synced contacts are the second half of the upload plus ``ig_extra`` others;
- Facebook friends are two in five of the uploaded people plus friends not in the book;
- the big group holds a few contacts and many strangers (numbers only).

Book sizes are multiples of 15, so every list grows exactly with the scale.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from privacy_audit.demo._base import spread
from privacy_audit.demo.numbers import contact_pool
from privacy_audit.demo.personas import Contact, Persona

#: members of the big group at every scale: contacts, strangers
GROUP_CONTACTS, GROUP_STRANGERS = 9, 52


@dataclass(frozen=True)
class World:
    """The contact lists of one persona."""

    persona: Persona
    scale: int
    book: list[Contact]
    whatsapp: list[Contact]
    instagram: list[Contact]
    friends: list[str]
    group_contacts: list[Contact]
    group_strangers: list[Contact]
    small_group: list[Contact]

    def rng(self, salt: str) -> random.Random:
        """A random generator for one file, independent of the others."""
        return random.Random(f"{self.persona.seed}:{self.scale}:{salt}")

    def base_rng(self, salt: str) -> random.Random:
        """A random generator that does not depend on the scale (for per-scale counts)."""
        return random.Random(f"{self.persona.seed}:{salt}")

    def times(self, rng: random.Random, start: int, end: int, count: int) -> list[int]:
        """``count`` sorted times in ``[start, end]``, busy in the persona's daytime."""
        return spread(rng, start, end, count, self.persona.utc_offset)


def build_world(persona: Persona, scale: int) -> World:
    """The contact lists of ``persona`` at ``scale``."""
    book_n = persona.book_size * scale
    wa_n = persona.wa_extra * scale
    ig_n = persona.ig_extra * scale
    strangers_at = book_n + wa_n + ig_n
    pool = contact_pool(persona, strangers_at + GROUP_STRANGERS)
    book = pool[:book_n]
    wa_only = pool[book_n : book_n + wa_n]
    ig_only = pool[book_n + wa_n : strangers_at]
    whatsapp = [c for i, c in enumerate(book) if i % 3 != 0] + wa_only
    instagram = book[book_n // 2 :] + ig_only
    rng = random.Random(f"{persona.seed}:{scale}:friends")
    extra_friends = [
        f"{rng.choice(persona.first_names)} {rng.choice(persona.last_names)}"
        for _ in range(persona.friends_extra * scale)
    ]
    friends = [c.name for i, c in enumerate(book) if i % 5 < 2] + extra_friends
    group_contacts = [c for i, c in enumerate(whatsapp) if i % 7 == 1][:GROUP_CONTACTS]
    small_group = [c for i, c in enumerate(whatsapp) if i % 11 == 4][:6]
    return World(
        persona=persona,
        scale=scale,
        book=book,
        whatsapp=whatsapp,
        instagram=instagram,
        friends=friends,
        group_contacts=group_contacts,
        group_strangers=pool[strangers_at:],
        small_group=small_group,
    )
