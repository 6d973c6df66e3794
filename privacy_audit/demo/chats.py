"""WhatsApp chat exports ("Export chat"), Android ``.txt`` and iOS ``_chat.txt`` zips.

Headers, system lines and placeholders as WhatsApp writes them in Italian and English:
Android ``dd/mm/yy, HH:MM - Name: text``; iOS ``[dd/mm/yy, HH:MM:SS] Name: text`` (it)
and ``[m/d/yy, h:mm:ss\u202fPM] Name: text`` (en-US), with U+200E before iOS system
text and placeholders, and U+202A/U+202C around unsaved numbers on iOS.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from privacy_audit.demo._base import days, to_datetime, zip_bytes
from privacy_audit.demo.numbers import whatsapp_display
from privacy_audit.demo.personas import Contact
from privacy_audit.demo.world import World

LRM = "\u200e"
NNBSP = "\u202f"


SYSTEM = {
    "it": {
        "e2e": "I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori "
        "di questa chat, nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.",
        "tap": " Tocca per saperne di più.",
        "business_meta": "Questa azienda usa un servizio sicuro di Meta per gestire questa "
        "chat. Tocca per saperne di più.",
        "business_account": "Questa chat è con un account aziendale. Tocca per maggiori "
        "informazioni.",
        "created": "{who} ha creato il gruppo {quote}{group}{unquote}",
        "added_you": "{who} ti ha aggiunto",
        "added": "{who} ha aggiunto {whom}",
        "joined": "{who} è entrato usando il link d'invito al gruppo",
        "left": "{who} è uscito",
        "media_android": "<Media omessi>",
        "media_ios": "immagine omessa",
        "attached_ios": "<allegato: {file}>",
        "deleted": "Questo messaggio è stato eliminato",
        "edited": " <Questo messaggio è stato modificato>",
        "missed": "Chiamata vocale persa",
    },
    "en": {
        "e2e": "Messages and calls are end-to-end encrypted. No one outside of this chat, "
        "not even WhatsApp, can read or listen to them.",
        "tap": " Tap to learn more.",
        "business_meta": "This business uses a secure service from Meta to manage this "
        "chat. Tap to learn more.",
        "business_account": "This chat is with a business account. Tap for more info.",
        "created": "{who} created group {quote}{group}{unquote}",
        "added_you": "{who} added you",
        "added": "{who} added {whom}",
        "joined": "{who} joined using this group's invite link",
        "left": "{who} left",
        "media_android": "<Media omitted>",
        "media_ios": "image omitted",
        "attached_ios": "<attached: {file}>",
        "deleted": "This message was deleted",
        "edited": " <This message was edited>",
        "missed": "Missed voice call",
    },
}

TEXTS = {
    "it": (
        "Ciao! 😊",
        "Tutto bene?",
        "Domani c'è l'uscita didattica, ricordatevi il pranzo al sacco",
        "Qualcuno ha il numero della maestra?",
        "Grazie mille!",
        "Perfetto, a domani",
        "Io arrivo verso le 18",
        "Ok 👍",
        "Chi porta le bibite?",
        "Buona serata a tutti",
        "Sì, va benissimo",
        "Ho lasciato la giacca in palestra, qualcuno l'ha vista?",
        "Ricordo a tutti la riunione di giovedì alle 17:30",
        "Auguri!!! 🎉🎂",
    ),
    "en": (
        "Hey! 😊",
        "All good?",
        "Reminder: street cleaning on Thursday, move your cars",
        "Does anyone have a ladder I can borrow?",
        "Thanks so much!",
        "Perfect, see you tomorrow",
        "I'll be there around 6",
        "Ok 👍",
        "Who's bringing snacks?",
        "Have a good night everyone",
        "Yes, works for me",
        "Found a set of keys by the mailbox, DM me",
        "Block party planning meeting Thursday 5:30pm",
        "Happy birthday!!! 🎉🎂",
    ),
}

BUSINESS_SCRIPT = {
    "it": {
        "ad": (
            ("me", "Ciao! Posso avere maggiori informazioni su questo?"),
            (
                "biz",
                "Ciao Giulia! Grazie per averci scritto dall'annuncio 🌞 "
                "Per quali date cerchi il pacchetto Sardegna?",
            ),
            ("me", "Dal 10 al 17 giugno, due adulti e un bambino"),
            ("biz", "Perfetto, ti mando il preventivo a questo numero entro domani"),
        ),
        "direct": (
            ("me", "Buongiorno, vorrei sapere gli orari del corso di pilates"),
            ("biz", "Buongiorno! Lunedì e mercoledì alle 19. Prima lezione gratuita 💪"),
        ),
    },
    "en": {
        "ad": (
            ("me", "Hello! Can I get more info on this?"),
            (
                "biz",
                "Hi Alex! Thanks for reaching out from our ad ☕ "
                "The holiday blend subscription is $18/month, want the link?",
            ),
            ("me", "Sure, send it over"),
            ("biz", "Here you go! We'll also text you when new roasts drop"),
        ),
        "direct": (
            ("me", "Hi, do you still have the free trial week?"),
            ("biz", "Hi! Yes, sign up in the app and show this chat at the desk 💪"),
        ),
    },
}


THANKS = {"it": "Grazie, ci sentiamo!", "en": "Thanks, talk soon!"}


@dataclass
class Line:
    """One message or system line of a chat."""

    time: int
    author: str | None  # None: system line
    text: str


@dataclass
class Chat:
    """A chat to export."""

    title: str
    lines: list[Line] = field(default_factory=list)


def _display(world: World, contact: Contact, *, saved: bool) -> str:
    return contact.name if saved else whatsapp_display(contact.e164)


def _ios_author(name: str) -> str:
    return f"\u202a{name}\u202c" if name.startswith("+") else name


def format_chat(world: World, chat: Chat, *, ios: bool, media_file: str | None = None) -> str:
    """The text of an exported chat in the persona's language and platform."""
    lang = world.persona.lang
    offset = world.persona.utc_offset * 3600
    out = []
    for line in chat.lines:
        moment = to_datetime(line.time + offset)
        if ios:
            if lang == "en":
                hour = moment.hour % 12 or 12
                ampm = "AM" if moment.hour < 12 else "PM"
                stamp = (
                    f"[{moment.month}/{moment.day}/{moment:%y}, {hour}:{moment:%M:%S}{NNBSP}{ampm}]"
                )
            else:
                stamp = f"[{moment:%d/%m/%y, %H:%M:%S}]"
            text = line.text.replace("\n", "\r\n")
            if line.author is None:
                out.append(f"{stamp} {chat.title}: {LRM}{text}")
            else:
                out.append(f"{stamp} {_ios_author(line.author)}: {text}")
        else:
            stamp = f"{moment:%d/%m/%y, %H:%M}" if lang == "it" else f"{moment:%m/%d/%y, %H:%M}"
            if line.author is None:
                out.append(f"{stamp} - {line.text}")
            else:
                out.append(f"{stamp} - {line.author}: {line.text}")
    newline = "\r\n" if ios else "\n"
    return newline.join(out) + newline


def _body(rng: random.Random, lang: str, *, ios: bool) -> str:
    s = SYSTEM[lang]
    roll = rng.random()
    if roll < 0.08:
        return LRM + s["media_ios"] if ios else s["media_android"]
    if roll < 0.11:
        return s["deleted"]
    text = rng.choice(TEXTS[lang])
    if roll < 0.14:
        return text + s["edited"]
    if roll < 0.18:
        return text + "\n" + rng.choice(TEXTS[lang])
    return text


def direct_chat(world: World, who: str, count: int, start: int, *, ios: bool) -> Chat:
    """A one-to-one chat between the persona and ``who``."""
    rng = world.rng(f"chat-{who}")
    p = world.persona
    lang = p.lang
    chat = Chat(who)
    times = world.times(rng, start, p.export_time - days(1), count)
    chat.lines.append(
        Line(times[0] - 60, None, SYSTEM[lang]["e2e"] + ("" if ios else SYSTEM[lang]["tap"]))
    )
    for t in times:
        author = rng.choice((p.full_name, who))
        chat.lines.append(Line(t, author, _body(rng, lang, ios=ios)))
        if rng.random() < 0.02:
            chat.lines.append(Line(t + 30, None, SYSTEM[lang]["missed"]))
    return chat


def group_chat(world: World, title: str, count: int, start: int, *, ios: bool, big: bool) -> Chat:
    """A group chat; ``big`` adds the strangers (numbers only) to it."""
    rng = world.rng(f"chat-{title}")
    p = world.persona
    s = SYSTEM[p.lang]
    quote, unquote = ("\u201c", "\u201d") if ios else ('"', '"')
    saved = world.group_contacts if big else world.small_group
    strangers = world.group_strangers if big else []
    admin = saved[0].name
    chat = Chat(title)
    t0 = start
    chat.lines.append(Line(t0, None, s["e2e"] + ("" if ios else s["tap"])))
    chat.lines.append(
        Line(
            t0 + 5, None, s["created"].format(who=admin, quote=quote, group=title, unquote=unquote)
        )
    )
    chat.lines.append(Line(t0 + 9, None, s["added_you"].format(who=admin)))
    members = [c.name for c in saved[1:]] + [whatsapp_display(c.e164) for c in strangers]
    for index, member in enumerate(members):
        when = t0 + 60 + index * 40
        if index % 4 == 3:
            chat.lines.append(Line(when, None, s["joined"].format(who=member)))
        else:
            chat.lines.append(Line(when, None, s["added"].format(who=admin, whom=member)))
    speakers = [admin, p.full_name, *members]
    weights = [8, 5] + [3 if i < len(saved) - 1 else 1 for i in range(len(members))]
    times = world.times(rng, t0 + days(2), p.export_time - days(1), count)
    authors = rng.choices(speakers, weights=weights, k=len(times))
    for t, author in zip(times, authors, strict=True):
        chat.lines.append(Line(t, author, _body(rng, p.lang, ios=ios)))
    if big and members:
        chat.lines.append(Line(times[-1] + 120, None, s["left"].format(who=members[-1])))
    return chat


def business_chat(world: World, name: str, style: str, start: int, *, ios: bool) -> Chat:
    """A chat with a business: ``style`` "ad" (click-to-WhatsApp ad) or "direct"."""
    p = world.persona
    s = SYSTEM[p.lang]
    rng = world.rng(f"chat-{name}")
    chat = Chat(name)
    chat.lines.append(
        Line(start, None, s["business_meta" if style == "ad" else "business_account"])
    )
    script = BUSINESS_SCRIPT[p.lang][style]
    t = start + 20
    for _ in range(world.scale):
        for who, text in script:
            chat.lines.append(Line(t, p.full_name if who == "me" else name, text))
            t += 60 + rng.randrange(3 * 3600)
        t += days(5)
    # a follow-up two weeks later (so the day of the month tells day from month)
    chat.lines.append(Line(t + days(13), p.full_name, THANKS[p.lang]))
    return chat


def chat_file_name(world: World, title: str, *, ios: bool) -> str:
    """How WhatsApp names the export of chat ``title``."""
    if ios:
        return f"WhatsApp Chat - {title}.zip"
    return (
        f"Chat WhatsApp con {title}.txt"
        if world.persona.lang == "it"
        else f"WhatsApp Chat with {title}.txt"
    )


#: a tiny stand-in for a photo: JPEG start and end markers around a JFIF header
FAKE_JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def ios_zip(world: World, chat: Chat, *, media_at: int | None = None) -> bytes:
    """The iOS export zip of ``chat``; ``media_at`` attaches one photo at that line index."""
    members: dict[str, bytes] = {}
    if media_at is not None:
        line = chat.lines[media_at]
        moment = to_datetime(line.time + world.persona.utc_offset * 3600)
        name = f"00000{media_at + 10:03d}-PHOTO-{moment:%Y-%m-%d-%H-%M-%S}.jpg"
        marker = SYSTEM[world.persona.lang]["attached_ios"].format(file=name)
        line.text = f"{LRM}{marker}"
        members[name] = FAKE_JPEG
    members["_chat.txt"] = format_chat(world, chat, ios=True).encode("utf-8")
    return zip_bytes(members, to_datetime(world.persona.export_time))


def chat_exports(world: World) -> tuple[dict[str, bytes], dict[str, int]]:
    """File name -> bytes of every chat export, and group name -> member count."""
    p = world.persona
    scale = world.scale
    ios = p.chat_iphone
    t = p.export_time
    files: dict[str, bytes] = {}
    chats: list[tuple[Chat, bool, int | None]] = []

    chats.append((direct_chat(world, p.family[0], 80 * scale, t - days(400), ios=ios), ios, None))
    big = group_chat(world, p.group_name, 150 * scale, t - days(330), ios=ios, big=True)
    chats.append((big, ios, None))
    for business in p.businesses:
        if business.whatsapp:
            start = t - days(90 if business.whatsapp == "ad" else 200)
            chats.append(
                (business_chat(world, business.name, business.whatsapp, start, ios=ios), ios, None)
            )
    if ios:
        small = group_chat(world, p.small_group, 60 * scale, t - days(250), ios=True, big=False)
        chats.append((small, True, None))
        first = chats[0][0]
        chats[0] = (first, True, len(first.lines) // 2)
    else:
        # an older chat exported from the iPhone the persona had before, with one photo
        small = group_chat(world, p.small_group, 60 * scale, t - days(1500), ios=True, big=False)
        for line in small.lines:
            line.time -= days(900)
        chats.append((small, True, len(small.lines) - 3))

    for chat, chat_ios, media_at in chats:
        name = chat_file_name(world, chat.title, ios=chat_ios)
        if chat_ios:
            files[name] = ios_zip(world, chat, media_at=media_at)
        else:
            files[name] = format_chat(world, chat, ios=False).encode("utf-8")
    sizes = {
        p.group_name: 2 + len(world.group_contacts) - 1 + len(world.group_strangers) - 1,
        p.small_group: 1 + len(world.small_group),
    }
    return files, sizes
