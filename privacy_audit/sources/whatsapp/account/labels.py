"""Labels and values of the WhatsApp account report, in the languages people have.

The report's JSON keys are English, but ``label_values`` labels and the HTML pages follow
the phone's language. Labels are compared after :func:`norm` (lower case, accents kept,
anything else turned into ``_``), by tokens, so ``Last seen and online``, ``last_seen``
and ``Ultimo accesso e online`` all land on the setting ``last_seen``.
"""

from __future__ import annotations

import ipaddress
import re

from privacy_audit.phones import contact_point_kind, phones_in_text

_NON_WORD = re.compile(r"[^\w]+")


def norm(label: object) -> str:
    """``"Ultimo accesso e online"`` -> ``"ultimo_accesso_e_online"``."""
    return _NON_WORD.sub("_", str(label).strip().lower()).strip("_")


#: identifier kind -> label fragments (normalised)
IDENTIFIER_LABELS: dict[str, tuple[str, ...]] = {
    "phone": (
        "phone_number",
        "phone",
        "your_phone_number",
        "numero_di_telefono",
        "telefono",
        "telefonnummer",
        "número_de_teléfono",
        "numéro_de_téléphone",
        "telefoonnummer",
        "número_de_telefone",
        "número_de_celular",
        "wa_phone_number",
        "msisdn",
    ),
    "name": (
        "name",
        "push_name",
        "profile_name",
        "display_name",
        "your_name",
        "nome",
        "nome_profilo",
        "nombre",
        "nom",
        "naam",
        "business_name",
        "nome_attività",
    ),
    "about": (
        "about",
        "info",
        "informazioni",
        "acerca_de",
        "infos",
        "over",
        "sobre",
        "status_text",
    ),
    "email": ("email", "e_mail", "business_email", "indirizzo_email"),
}

#: setting key -> label fragments; checked in this order (first match wins)
SETTING_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("share_with_facebook", ("share_with_facebook", "facebook", "condividi_le_informazioni")),
    (
        "two_step_verification",
        (
            "two_step",
            "2fa",
            "verifica_in_due",
            "zwei_schritt",
            "verificación_en_dos",
            "vérification_en_deux",
            "verificatie_in_twee",
            "confirmação_em_duas",
        ),
    ),
    (
        "silence_unknown_callers",
        (
            "silence_unknown",
            "silenzia",
            "unbekannte_anrufer",
            "silenciar",
            "silence_des",
            "onbekende_bellers",
        ),
    ),
    (
        "read_receipts",
        (
            "read_receipt",
            "conferme_di_lettura",
            "lesebestätigung",
            "confirmaciones_de_lectura",
            "confirmations_de_lecture",
            "leesbevestiging",
            "confirmações_de_leitura",
        ),
    ),
    (
        "blocked_contacts",
        ("blocked", "bloccat", "blockiert", "bloqueado", "bloqués", "geblokkeerd"),
    ),
    (
        "last_seen",
        (
            "last_seen",
            "ultimo_accesso",
            "zuletzt_online",
            "última_vez",
            "ult_vez",
            "vu_à",
            "dernière_connexion",
            "laatst_gezien",
            "visto_por_último",
        ),
    ),
    ("online", ("online",)),
    (
        "profile_photo",
        (
            "profile_photo",
            "profile_picture",
            "foto_profilo",
            "foto_del_profilo",
            "immagine_del_profilo",
            "profilbild",
            "foto_de_perfil",
            "photo_de_profil",
            "profielfoto",
        ),
    ),
    (
        "groups",
        (
            "groups",
            "gruppi",
            "gruppen",
            "grupos",
            "groupes",
            "groepen",
            "group_add",
            "add_to_group",
        ),
    ),
    ("status", ("status", "stato", "estados", "statut", "estado")),
    ("about", ("about", "informazioni", "info", "acerca", "over", "sobre")),
    ("live_location", ("live_location", "posizione_in_tempo_reale")),
    ("calls", ("calls", "chiamate")),
    ("disappearing_messages", ("disappearing", "effimeri", "temporizzati")),
)

#: words that make a label a setting (and not profile data) when found in settings files
SETTINGS_HINTS = (
    "privacy",
    "setting",
    "impostazion",
    "einstellung",
    "ajuste",
    "paramètre",
    "instelling",
    "configura",
)

_VALUES: dict[str, tuple[str, ...]] = {
    "contacts_except": (
        "contacts_except",
        "my_contacts_except",
        "i_miei_contatti_tranne",
        "miei_contatti_tranne",
        "meine_kontakte_außer",
        "mis_contactos_excepto",
        "mes_contacts_sauf",
        "mijn_contacten_behalve",
        "meus_contatos_exceto",
        "contacts_excluded",
    ),
    "everyone": (
        "everyone",
        "everybody",
        "all",
        "anyone",
        "public",
        "tutti",
        "chiunque",
        "jeder",
        "alle",
        "todos",
        "tout_le_monde",
        "iedereen",
        "qualquer_pessoa",
    ),
    "contacts": (
        "contacts",
        "my_contacts",
        "i_miei_contatti",
        "miei_contatti",
        "contatti",
        "meine_kontakte",
        "kontakte",
        "mis_contactos",
        "contactos",
        "mes_contacts",
        "mijn_contacten",
        "contacten",
        "meus_contatos",
        "contatos",
    ),
    "nobody": ("nobody", "no_one", "none", "nessuno", "niemand", "nadie", "personne", "ninguém"),
    "on": (
        "on",
        "true",
        "yes",
        "enabled",
        "active",
        "1",
        "sì",
        "si",
        "attivo",
        "attivato",
        "attiva",
        "abilitato",
        "an",
        "ein",
        "aktiviert",
        "sí",
        "activado",
        "activé",
        "oui",
        "aan",
        "ingeschakeld",
        "ativado",
        "sim",
    ),
    "off": (
        "off",
        "false",
        "no",
        "disabled",
        "inactive",
        "0",
        "disattivato",
        "disattivo",
        "disabilitato",
        "aus",
        "deaktiviert",
        "desactivado",
        "désactivé",
        "non",
        "uit",
        "uitgeschakeld",
        "desativado",
        "não",
        "nein",
    ),
}
_VALUE_OF = {alias: value for value, aliases in _VALUES.items() for alias in aliases}


def setting_key(label: str) -> str | None:
    """The canonical setting key for a label (normalised or not), or None."""
    key = norm(label)
    for canonical, fragments in SETTING_LABELS:
        if any(fragment in key for fragment in fragments):
            return canonical
    return None


def identifier_kind(label: str) -> str | None:
    """``phone``/``name``/``about``/``email`` for a profile label, or None."""
    key = norm(label)
    for kind, aliases in IDENTIFIER_LABELS.items():
        if key in aliases:
            return kind
    if "phone" in key or "telefon" in key or "teléfono" in key:
        return "phone"
    return None


def setting_value(value: object) -> str:
    """everyone|contacts|contacts_except|nobody|on|off where recognisable, else the raw text."""
    if isinstance(value, bool):
        return "on" if value else "off"
    text = norm(value)
    if text in _VALUE_OF:
        return _VALUE_OF[text]
    for prefix in _VALUES["contacts_except"]:
        if text.startswith(prefix):
            return "contacts_except"
    return str(value).strip()


def looks_like_phone(value: object) -> bool:
    """True for a string that is a phone number of 7-15 digits (``phonenumbers`` decides;
    see :func:`privacy_audit.phones.contact_point_kind`)."""
    if not isinstance(value, str):
        return False
    digits = sum(ch.isdigit() for ch in value)
    return 7 <= digits <= 15 and contact_point_kind(value) == "phone"


def phones_in(text: str) -> list[str]:
    """The phone numbers of 7-15 digits in free text (``phonenumbers``' matcher)."""
    return [n for n in phones_in_text(text) if 7 <= sum(ch.isdigit() for ch in n) <= 15]


def looks_like_ip(value: object) -> bool:
    """True for an IPv4/IPv6 address string."""
    if not isinstance(value, str):
        return False
    try:
        ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    return True
