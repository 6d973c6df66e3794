"""Synthetic WhatsApp exports for tests, benchmarks and demos (no real data anywhere).

Chats: :func:`make_chat` returns the text of a chat export in any platform / language /
date order / clock combination together with what a correct parser must find
(:class:`ChatTruth`); :func:`write_chat` writes it as a ``.txt`` or as the ``.zip`` the
phone makes. Account reports: :func:`report_members` / :func:`write_report` (see
``whatsapp_report_builders``, re-exported here).
"""

from __future__ import annotations

import random
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from .whatsapp_report_builders import (  # noqa: F401 - re-exported API
    REPORT_TRUTH,
    report_members,
    write_report,
)

NNBSP = "\u202f"
NBSP = "\u00a0"
LRM = "\u200e"


@dataclass(frozen=True)
class Lang:
    """What WhatsApp writes in one language."""

    file_prefix: str
    encryption: str
    created: str  # {a} {g}
    added: str  # {a} {b}
    left: str  # {a}
    media_android: str
    media_ios: str
    deleted: str
    edited: str
    attached_android: str
    attached_ios: str


LANGS: dict[str, Lang] = {
    "it": Lang(
        "Chat WhatsApp con ",
        "I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori di "
        "questa chat, nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.",
        '{a} ha creato il gruppo "{g}"',
        "{a} ha aggiunto {b}",
        "{a} è uscito",
        "<Media omessi>",
        "immagine omessa",
        "Questo messaggio è stato eliminato",
        "<Questo messaggio è stato modificato>",
        "(file allegato)",
        "allegato",
    ),
    "en": Lang(
        "WhatsApp Chat with ",
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not "
        "even WhatsApp, can read or listen to them.",
        '{a} created group "{g}"',
        "{a} added {b}",
        "{a} left",
        "<Media omitted>",
        "image omitted",
        "This message was deleted",
        "<This message was edited>",
        "(file attached)",
        "attached",
    ),
    "de": Lang(
        "WhatsApp Chat mit ",
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses "
        "Chats kann sie lesen oder anhören, nicht einmal WhatsApp.",
        '{a} hat die Gruppe "{g}" erstellt',
        "{a} hat {b} hinzugefügt",
        "{a} hat die Gruppe verlassen",
        "<Medien weggelassen>",
        "Bild weggelassen",
        "Diese Nachricht wurde gelöscht",
        "<Diese Nachricht wurde bearbeitet>",
        "(Datei angehängt)",
        "Anhang",
    ),
    "es": Lang(
        "Chat de WhatsApp con ",
        "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de "
        "este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.",
        '{a} creó el grupo "{g}"',
        "{a} añadió a {b}",
        "{a} salió del grupo",
        "<Multimedia omitido>",
        "imagen omitida",
        "Se eliminó este mensaje",
        "<Se editó este mensaje>",
        "(archivo adjunto)",
        "adjunto",
    ),
    "fr": Lang(
        "Discussion WhatsApp avec ",
        "Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même "
        "WhatsApp, ne peut les lire ou les écouter.",
        "{a} a créé le groupe « {g} »",
        "{a} a ajouté {b}",
        "{a} est parti",
        "<Médias omis>",
        "image absente",
        "Ce message a été supprimé",
        "<Ce message a été modifié>",
        "(fichier joint)",
        "pièce jointe",
    ),
    "pt": Lang(
        "Conversa do WhatsApp com ",
        "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta. "
        "Ninguém fora desta conversa, nem mesmo o WhatsApp, pode lê-las ou ouvi-las.",
        '{a} criou o grupo "{g}"',
        "{a} adicionou {b}",
        "{a} saiu",
        "<Mídia oculta>",
        "imagem ocultada",
        "Esta mensagem foi apagada",
        "<Esta mensagem foi editada>",
        "(arquivo anexado)",
        "anexo",
    ),
    "nl": Lang(
        "WhatsApp-chat met ",
        "Berichten en oproepen zijn end-to-end versleuteld. Niemand buiten deze chat, "
        "zelfs WhatsApp niet, kan ze lezen of beluisteren.",
        '{a} heeft groep "{g}" aangemaakt',
        "{a} heeft {b} toegevoegd",
        "{a} heeft de groep verlaten",
        "<media weggelaten>",
        "afbeelding weggelaten",
        "Dit bericht is verwijderd",
        "<Dit bericht is bewerkt>",
        "(bestand bijgevoegd)",
        "bijlage",
    ),
}

NAMES = ("Giulia Rossi", "Marco", "Anna Bianchi", "Luca 🚲", "Sofia", "Dr. Paolo Verdi")
PHONE_SENDERS = ("+39 333 123 4567", "+39 347 765 4321", "+44 7700 900123")
ADDED_NUMBERS = ("+39 320 555 0101", "+49 151 23456789")
WORDS = "ciao come stai domani sera cena calcetto va bene perfetto grazie a dopo".split()


@dataclass
class ChatTruth:
    """What a correct parser must find in a generated chat."""

    messages: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    senders: set[str] = field(default_factory=set)
    phone_senders: set[str] = field(default_factory=set)
    group_numbers: set[str] = field(default_factory=set)
    edited: int = 0
    first: datetime | None = None
    last: datetime | None = None


@dataclass
class Chat:
    """A generated chat export and its truth."""

    text: str
    truth: ChatTruth
    name: str
    lang: str
    platform: str


def _fmt_date(ts: datetime, order: str, sep: str, year_digits: int, pad: bool) -> str:
    year = f"{ts.year:04d}" if year_digits == 4 else f"{ts.year % 100:02d}"
    day = f"{ts.day:02d}" if pad else str(ts.day)
    month = f"{ts.month:02d}" if pad else str(ts.month)
    parts = {"dmy": (day, month, year), "mdy": (month, day, year), "ymd": (year, month, day)}
    return sep.join(parts[order])


def _fmt_time(ts: datetime, clock: str, seconds: bool, dotted: bool, ampm: str) -> str:
    colon = "." if dotted else ":"
    if clock == "24h":
        out = f"{ts.hour:02d}{colon}{ts.minute:02d}"
        return out + (f"{colon}{ts.second:02d}" if seconds else "")
    hour = ts.hour % 12 or 12
    out = f"{hour}{colon}{ts.minute:02d}" + (f"{colon}{ts.second:02d}" if seconds else "")
    am = ts.hour < 12
    marker = {
        "AM": "AM" if am else "PM",
        "am": "am" if am else "pm",
        "a.m.": "a.m." if am else "p.m.",
        "a. m.": f"a.{NBSP}m." if am else f"p.{NBSP}m.",
    }[ampm]
    space = NNBSP if ampm in ("AM", "am", "a. m.") else " "
    return out + space + marker


def make_chat(
    n: int = 200,
    *,
    platform: str = "android",
    lang: str = "it",
    order: str = "dmy",
    sep: str = "/",
    year_digits: int = 2,
    clock: str = "24h",
    ampm: str = "AM",
    comma: bool = True,
    dash: str = "-",
    dotted_time: bool = False,
    pad: bool = True,
    group: bool = True,
    seed: int = 0,
    start: datetime = datetime(2023, 1, 1, 8, 0),
    step_minutes: int = 90,
    crlf: bool = False,
    bom: bool = False,
    rates: dict[str, float] | None = None,
) -> Chat:
    """Generate a chat export text of ``n`` messages and what a parser must find.

    ``rates`` (fractions of messages): ``media``, ``deleted``, ``system``, ``multiline``,
    ``edited``, ``attached``, ``phone`` (sender shown as a number), ``injection`` (a body
    line that looks like a date but is not a header).
    """
    rng = random.Random(seed)
    L = LANGS[lang]
    r = {
        "media": 0.05,
        "deleted": 0.02,
        "system": 0.02,
        "multiline": 0.05,
        "edited": 0.02,
        "attached": 0.02,
        "phone": 0.1,
        "injection": 0.01,
    }
    r.update(rates or {})
    chat_name = "Calcetto del giovedì" if group else "Marco"
    truth = ChatTruth()
    lines: list[str] = []
    ts = start
    seconds = platform == "ios"

    def header(when: datetime) -> str:
        d = _fmt_date(when, order, sep, year_digits, pad)
        t = _fmt_time(when, clock, seconds, dotted_time, ampm)
        if platform == "ios":
            return f"[{d}{',' if comma else ''} {t}] "
        return f"{d}{',' if comma else ''} {t} {dash} "

    def system(when: datetime, body: str) -> None:
        truth.by_kind["system"] += 1
        if platform == "ios" and group:
            lines.append(f"{LRM}{header(when)}{chat_name}: {LRM}{body}")
        else:
            lines.append(header(when) + body)

    first_sender = NAMES[0]
    system(ts, L.encryption)
    if group:
        system(ts, L.created.format(a=first_sender, g=chat_name))
        num = ADDED_NUMBERS[0]
        system(ts, L.added.format(a=first_sender, b=num))
        truth.group_numbers.add(num)
    truth.first = ts
    people = list(NAMES if group else NAMES[:2])
    for _ in range(n - len(lines)):
        ts = ts + timedelta(minutes=rng.randint(0, step_minutes), seconds=rng.randint(0, 59))
        if not seconds:
            ts = ts.replace(second=0)
        roll = rng.random()
        if roll < r["system"] and group:
            num = ADDED_NUMBERS[rng.randint(0, len(ADDED_NUMBERS) - 1)]
            if rng.random() < 0.5:
                system(ts, L.added.format(a=rng.choice(people), b=num))
                truth.group_numbers.add(num)
            else:
                system(ts, L.left.format(a=rng.choice(people[1:])))
            continue
        if not group:  # a 1:1 chat: the exporter and one unsaved number
            sender = rng.choice((NAMES[0], PHONE_SENDERS[0]))
            shown = sender
            if sender == PHONE_SENDERS[0]:
                truth.phone_senders.add(sender)
                shown = f"\u202a{sender}\u202c" if platform == "ios" else sender
        elif rng.random() < r["phone"]:
            sender = rng.choice(PHONE_SENDERS)
            truth.phone_senders.add(sender)
            shown = f"\u202a{sender}\u202c" if platform == "ios" else sender
        else:
            sender = shown = rng.choice(people)
        truth.senders.add(sender)
        roll = rng.random()
        extra = ""
        if roll < r["media"]:
            kind = "media"
            body = L.media_ios if platform == "ios" else L.media_android
            body = (LRM + body) if platform == "ios" else body
        elif roll < r["media"] + r["attached"]:
            kind = "media"
            if platform == "ios":
                body = f"{LRM}<{L.attached_ios}: 00000042-PHOTO-2023-01-01-12-00-00.jpg>"
            else:
                body = f"IMG-20230101-WA{rng.randint(0, 9999):04d}.jpg {L.attached_android}"
                extra = "\n" + rng.choice(WORDS)  # caption on the next line
        elif roll < r["media"] + r["attached"] + r["deleted"]:
            kind = "deleted"
            body = (LRM if platform == "ios" else "") + L.deleted
        else:
            kind = "text"
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
            if rng.random() < r["edited"]:
                body += " " + L.edited
                truth.edited += 1
            if rng.random() < r["multiline"]:
                extra = "\n" + " ".join(rng.choice(WORDS) for _ in range(3))
            if rng.random() < r["injection"]:
                extra += "\nvedi " + header(ts) + "finto: " + rng.choice(WORDS)
        truth.by_kind[kind] += 1
        lines.append(f"{header(ts)}{shown}: {body}{extra}")
    truth.last = ts
    truth.messages = sum(truth.by_kind.values())
    newline = "\r\n" if crlf else "\n"
    text = newline.join(line.replace("\n", newline) for line in lines) + newline
    if bom:
        text = "\ufeff" + text
    return Chat(text, truth, chat_name, lang, platform)


def chat_file_name(chat: Chat, suffix: str = ".txt") -> str:
    """The name the phone gives the export (``Chat WhatsApp con X.txt``)."""
    return f"{LANGS[chat.lang].file_prefix}{chat.name}{suffix}"


def write_chat(chat: Chat, folder: Path, *, as_zip: bool = False, media: int = 2) -> Path:
    """Write ``chat`` as the phone does: a ``.txt``, or a ``.zip`` with media files.

    iOS zips hold ``_chat.txt``; Android zips hold the named ``.txt``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if not as_zip:
        path = folder / chat_file_name(chat)
        path.write_bytes(chat.text.encode("utf-8"))
        return path
    path = folder / chat_file_name(chat, ".zip")
    inner = "_chat.txt" if chat.platform == "ios" else chat_file_name(chat)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(inner, chat.text.encode("utf-8"))
        for i in range(media):
            zf.writestr(f"IMG-20230101-WA{i:04d}.jpg", b"\xff\xd8\xff" + bytes(64))
    return path
