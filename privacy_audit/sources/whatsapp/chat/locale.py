"""What WhatsApp writes into chat exports, in the languages people have.

Placeholders, markers and system phrases for it, en, de, es, fr, pt and nl (plus a few
more where they were documented). Everything here is data plus the few compiled regular
expressions :mod:`privacy_audit.sources.whatsapp.chat.parse` uses; matching is done on
the first line of a message body, after the invisible marks were removed.

Sources: ``shared/formats/whatsapp.md`` §2.5-2.6 and §4.4.
"""

from __future__ import annotations

import re

#: Android "exported without media" placeholders, written between ``<`` and ``>``.
_GENERIC_MEDIA = (
    "Media omitted",
    "Media omessi",
    "Media omesso",
    "Multimedia omitido",
    "Archivo omitido",
    "Medien weggelassen",
    "Medien ausgeschlossen",
    "Datei weggelassen",
    "Médias omis",
    "Fichier omis",
    "Mídia oculta",
    "Mídia omitida",
    "Ficheiro não revelado",
    "Multimédia omitido",
    "media weggelaten",
    "Bestand weggelaten",
    "Без медиафайлов",
    "Файл пропущен",
    "pominięto multimedia",
    "medya dahil edilmedi",
    "Media utelatt",
    "Media utelämnad",
    "Medier udeladt",
)

#: Typed placeholders (iOS, and newer Android builds), one per media type.
_TYPED_MEDIA = (
    # en
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "GIF omitted",
    "document omitted",
    "Contact card omitted",
    "view once voice message omitted",
    "live location shared",
    # it
    "immagine omessa",
    "video omesso",
    "audio omesso",
    "sticker omesso",
    "sticker non incluso",
    "adesivo omesso",
    "GIF omessa",
    "GIF esclusa",
    "documento omesso",
    "Scheda contatto omessa",
    "biglietto da visita omesso",
    "posizione in tempo reale condivisa",
    # de
    "Bild weggelassen",
    "Video weggelassen",
    "Audio weggelassen",
    "Sticker weggelassen",
    "GIF weggelassen",
    "Dokument weggelassen",
    "Kontaktkarte ausgelassen",
    "Kontaktkarte weggelassen",
    "Live-Standort wird geteilt.",
    # es
    "imagen omitida",
    "video omitido",
    "audio omitido",
    "sticker omitido",
    "GIF omitido",
    "documento omitido",
    "tarjeta de contacto omitida",
    "Tarjeta de contacto omitida",
    # fr
    "image absente",
    "image omise",
    "vidéo absente",
    "vidéo omise",
    "audio omis",
    "audio absent",
    "sticker omis",
    "autocollant omis",
    "GIF retiré",
    "document omis",
    "fiche contact omise",
    "Carte de contact omise",
    # pt
    "imagem ocultada",
    "imagem omitida",
    "vídeo omitido",
    "vídeo ocultado",
    "áudio ocultado",
    "áudio omitido",
    "figurinha omitida",
    "sticker ocultado",
    "GIF ocultado",
    "documento ocultado",
    "cartão de contato omitido",
    # nl
    "afbeelding weggelaten",
    "video weggelaten",
    "audio weggelaten",
    "sticker weggelaten",
    "GIF weggelaten",
    "document weggelaten",
    "contactkaart weggelaten",
)

#: Deleted-message tombstones.
_DELETED = (
    "This message was deleted",
    "You deleted this message",
    "Questo messaggio è stato eliminato",
    "Hai eliminato questo messaggio",
    "Diese Nachricht wurde gelöscht",
    "Du hast diese Nachricht gelöscht",
    "Se eliminó este mensaje",
    "Eliminaste este mensaje",
    "Este mensaje fue eliminado",
    "Ce message a été supprimé",
    "Vous avez supprimé ce message",
    "Esta mensagem foi apagada",
    "Você apagou esta mensagem",
    "Apagou esta mensagem",
    "Mensagem apagada",
    "Dit bericht is verwijderd",
    "Je hebt dit bericht verwijderd",
    "null",
)

#: Suffix WhatsApp appends to an edited message (lower case).
_EDITED = tuple(
    f"<{marker}>"
    for marker in (
        "this message was edited",
        "questo messaggio è stato modificato",
        "diese nachricht wurde bearbeitet",
        "se editó este mensaje",
        "ce message a été modifié",
        "esta mensagem foi editada",
        "dit bericht is bewerkt",
    )
)


def strip_edited(body: str) -> str:
    """``body`` without WhatsApp's "message was edited" suffix (unchanged when absent)."""
    if body.endswith(">") and body.lower().endswith(_EDITED):
        return body[: body.rfind("<")].rstrip()
    return body


#: Attachment lines (export with media): Android ``NAME.ext (file attached)``; iOS
#: ``<attached: NAME>`` (also ``< attached: NAME >``) at the end of the body (a caption may
#: precede it) and old iOS
#: ``NAME.ext <attached>``; the iOS document line ``NAME • 3 pages document omitted``.
_ANDROID_ATTACHED = re.compile(
    r"^\S[^\n]*?\.\w{1,5} \((?:file attached|file allegato|datei angehängt|archivo adjunto"
    r"|fichier joint|arquivo anexado|ficheiro anexado|bestand bijgevoegd)\)$",
    re.IGNORECASE,
)
_IOS_ATTACHED = re.compile(
    r"< ?(?:attached|allegato|anhang|adjunto|pièce jointe|piece jointe|anexo|bijlage)"
    r" ?: ?[^>\n]+>$|^\S+\.\w{1,5} <attached>$",
    re.IGNORECASE,
)
_DOCUMENT_SUFFIXES = (
    "document omitted",
    "documento omesso",
    "dokument weggelassen",
    "documento omitido",
    "document omis",
    "documento ocultado",
    "document weggelaten",
)


def is_attachment(body: str) -> bool:
    """True for an attachment line or a document placeholder (first line of a body)."""
    if body.endswith(")"):
        return bool(_ANDROID_ATTACHED.match(body))
    if body.endswith(">"):
        return bool(_IOS_ATTACHED.search(body))
    return body.lower().endswith(_DOCUMENT_SUFFIXES)


#: Endings a body must have for :func:`is_attachment`/:func:`strip_edited` to be worth
#: trying (a cheap prefilter over every message).
SPECIAL_SUFFIXES: tuple[bytes, ...] = (
    b">",
    b")",
    b"omitted",
    b"omesso",
    b"weggelassen",
    b"omitido",
    b"omis",
    b"ocultado",
    b"weggelaten",
)

#: Encryption notices and other system text that WhatsApp attributes to the chat.
_ENCRYPTION = (
    r"messages and calls are end-to-end encrypted",
    r"messages you send to this (?:group|chat) are (?:now )?secured",
    r"messages to this (?:group|chat) are now secured",
    r"i messaggi e le chiamate sono crittografati",
    r"i messaggi (?:inviati a questo gruppo |inviati in questa chat )?sono (?:ora )?"
    r"(?:protetti|crittografati)",
    r"nachrichten und anrufe sind ende-zu-ende",
    r"nachrichten, die du (?:in )?diese[rm]? (?:gruppe|chat) sendest",
    r"los mensajes y las llamadas están cifrados",
    r"los mensajes que envíes a este (?:grupo|chat)",
    r"les messages et les appels sont chiffrés",
    r"les messages envoyés dans ce(?:tte)? (?:groupe|discussion)",
    r"as mensagens e as chamadas são protegidas",
    r"as mensagens e (?:as )?ligações são protegidas",
    r"as mensagens (?:que você envia|enviadas) ",
    r"berichten en oproepen zijn end-to-end",
    r"berichten die je naar deze (?:groep|chat) stuurt",
    r"this business (?:uses|works with)",
    r"this chat is with (?:a|an official) business account",
    r"questa (?:azienda|attività) (?:usa|utilizza|collabora)",
    r"questa chat è con un account (?:business|aziendale)",
    r"dieses unternehmen (?:nutzt|verwendet|arbeitet)",
    r"esta empresa (?:usa|utiliza|trabaja)",
    r"cette entreprise (?:utilise|travaille)",
    r"dit bedrijf (?:gebruikt|werkt)",
)

#: Group and call events (used on bodies WhatsApp may attribute to the chat on iOS,
#: and to spot "authors" that are really part of a system line).
_EVENTS = (
    # en
    r"(?:you|.{1,80}?) (?:created group|created this group|added|removed|left|changed the "
    r"(?:subject|group name|group description|group's icon|settings)|changed this group's"
    r" (?:icon|settings)|joined using|changed (?:their|to) |deleted this group's icon|pinned "
    r"a message|turned (?:on|off) disappearing)",
    r"you were added",
    r"you joined",
    r"you're now an admin",
    r".{1,80}?'s security code changed",
    r"your security code with .{1,80}? changed",
    r"missed (?:voice|video) call",
    r".{1,80}? changed their phone number",
    r"waiting for this message",
    # it
    r"(?:hai|.{1,80}? ha) (?:creato (?:il|questo) gruppo|aggiunto|rimosso|abbandonato|"
    r"cambiato (?:l'oggetto|il nome|la descrizione|l'immagine|le impostazioni|il numero|"
    r"numero)|eliminato l'immagine|fissato un messaggio|attivato|disattivato)",
    r".{1,80}? (?:ti ha aggiunto|è uscit[oa]|è entrat[oa] |si è unit[oa])",
    r"sei stat[oa] aggiunt[oa]",
    r"ora sei (?:un )?amministratore",
    r"il (?:tuo )?codice di sicurezza",
    r"(?:chiamata vocale|videochiamata) persa",
    # de
    r"(?:du hast|.{1,80}? hat) (?:die gruppe|.{1,80}? (?:hinzugefügt|entfernt|erstellt|"
    r"geändert))",
    r"(?:du hast|.{1,80}? hat) den gruppen",
    r".{1,80}? (?:hat die gruppe verlassen|ist über den einladungslink beigetreten|"
    r"hat dich hinzugefügt)",
    r"du wurdest hinzugefügt",
    r"dein sicherheitscode",
    r"verpasster (?:sprach|video)anruf",
    # es
    r"(?:creaste|.{1,80}? creó) el grupo",
    r"(?:añadiste|.{1,80}? añadió|agregaste|.{1,80}? agregó|eliminaste a|"
    r".{1,80}? eliminó a|.{1,80}? salió|.{1,80}? se unió|cambiaste|.{1,80}? cambió)",
    r"tu código de seguridad",
    r"llamada (?:de voz|de video) perdida",
    # fr
    r"(?:vous avez|.{1,80}? a) (?:créé le groupe|ajouté|retiré|changé|modifié|épinglé)",
    r".{1,80}? (?:est parti|a quitté|vous a ajouté|a rejoint)",
    r"votre code de sécurité",
    r"appel (?:vocal|vidéo) manqué",
    # pt
    r"(?:você|.{1,80}?) (?:criou o grupo|adicionou|removeu|saiu|mudou|alterou|entrou)",
    r"seu código de segurança",
    r"chamada de (?:voz|vídeo) perdida",
    # nl
    r"(?:je hebt|u hebt|.{1,80}? heeft) (?:groep|.{1,80}? (?:toegevoegd|verwijderd|"
    r"aangemaakt|gewijzigd))",
    r".{1,80}? (?:heeft de groep verlaten|is lid geworden|heeft je toegevoegd)",
    r"je beveiligingscode",
    r"gemiste (?:spraak|video)oproep",
)

ENCRYPTION_RE = re.compile("^(?:" + "|".join(_ENCRYPTION) + ")", re.IGNORECASE)
SYSTEM_RE = re.compile("^(?:" + "|".join(_ENCRYPTION + _EVENTS) + ")", re.IGNORECASE)

#: System lines that say the chat is with a WhatsApp Business account.
BUSINESS_RE = re.compile(
    r"(?:this business|questa azienda|questa attività|dieses unternehmen|esta empresa|"
    r"cette entreprise|dit bedrijf|business account|account business|account aziendale|"
    r"unternehmenskonto|cuenta de empresa|compte professionnel|zakelijk account|"
    r"conta comercial)",
    re.IGNORECASE,
)

#: Phrases that make a chat a group chat when seen in system lines.
GROUP_RE = re.compile(
    r"(?:created group|this group|group name|the subject|added|removed|invite link|"
    r"creato il gruppo|questo gruppo|aggiunto|rimosso|abbandonato|link d'invito|"
    r"gruppe|hinzugefügt|entfernt|el grupo|añadió|agregó|añadiste|agregaste|"
    r"le groupe|ajouté|retiré|o grupo|adicionou|removeu|groep|toegevoegd|"
    r"messages you send to this group|inviati a questo gruppo)",
    re.IGNORECASE,
)


def _casings(words: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for word in words:
        for variant in (word, word.lower(), word[:1].upper() + word[1:], word.capitalize()):
            out.add(variant)
    return out


LRM = "\u200e"


def _build_exact() -> dict[bytes, int]:
    """Exact first-line bodies (UTF-8) -> kind code (1 media, 3 deleted)."""
    table: dict[str, int] = {}
    for word in _casings(_GENERIC_MEDIA):
        table[f"<{word}>"] = 1
    for word in _casings(_TYPED_MEDIA):
        table[word] = 1
    for word in _casings(_DELETED):
        table[word] = 3
        table[word + "."] = 3
    out: dict[bytes, int] = {b"": 3, b".": 3}
    for body, code in table.items():
        for prefix in ("", LRM, LRM + LRM):
            out[(prefix + body).encode()] = code
    return out


#: Exact body (UTF-8, with or without U+200E before it) -> kind code; looked up for
#: every message through pandas' hash tables.
EXACT_KINDS: dict[bytes, int] = _build_exact()

#: Chat-name prefixes of export file names (with spaces or ``_``), longest first.
CHAT_NAME_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        (
            "WhatsApp Chat with ",
            "WhatsApp Chat - ",
            "WhatsApp Chat mit ",
            "WhatsApp-chat met ",
            "WhatsApp chat met ",
            "WhatsApp-Chat mit ",
            "Chat WhatsApp con ",
            "Chat de WhatsApp con ",
            "Discussion WhatsApp avec ",
            "Conversa do WhatsApp com ",
            "Conversa no WhatsApp com ",
            "Чат WhatsApp с ",
        ),
        key=len,
        reverse=True,
    )
)
