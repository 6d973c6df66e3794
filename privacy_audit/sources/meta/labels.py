"""Localised labels of Meta exports, mapped to the canonical keys the importers use.

``label_values`` and ``string_map_data`` records are labelled in the account's
language. Each canonical key lists its labels in English, Italian, German, Spanish,
French and Dutch (and a few Portuguese ones); matching is case- and space-insensitive.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_RAW: dict[str, str] = {
    "email": """email | email address | e-mail | e-mail address | indirizzo email |
        indirizzo e-mail | e-mail-adresse | correo electrónico | dirección de correo electrónico |
        adresse e-mail | adresse email | e-mailadres | endereço de email""",
    "phone": """phone number | phone | mobile number | numero di telefono | numero di cellulare |
        telefonnummer | handynummer | número de teléfono | número de celular |
        numéro de téléphone | numéro de mobile | telefoonnummer | mobiel nummer |
        número de telefone""",
    "phone_confirmed": """phone confirmed | phone number confirmed | numero di telefono confermato |
        telefonnummer bestätigt | número de teléfono confirmado | numéro de téléphone confirmé |
        telefoonnummer bevestigd""",
    "username": """username | user name | nome utente | benutzername | nombre de usuario |
        nom d'utilisateur | nom d’utilisateur | gebruikersnaam | nome de usuário""",
    "name": """name | full name | nome | nome completo | nome e cognome | vollständiger name |
        nombre | nombre completo | nom | nom complet | naam | volledige naam""",
    "first_name": """first name | given name | nome | vorname | nombre | prénom | voornaam |
        primeiro nome""",
    "last_name": """last name | surname | family name | cognome | nachname | apellido | apellidos |
        nom de famille | achternaam | sobrenome""",
    "contact_info": """contact information | contact info | contact point | contact |
        informazioni di contatto | informazioni di contatto del contatto | recapito |
        kontaktinformationen | kontaktdaten | información de contacto | datos de contacto |
        coordonnées | informations de contact | contactgegevens | contactinformatie |
        informações de contato""",
    "imported_time": """imported time | import time | date imported | ora di importazione |
        data di importazione | importiert am | importzeit | zeitpunkt des imports |
        hora de importación | fecha de importación | heure d'importation | date d'importation |
        importtijd | geïmporteerd op""",
    "contact_name": """contact name | nome del contatto | nome contatto | kontaktname |
        name des kontakts | nombre del contacto | nom du contact | naam van contactpersoon |
        contactnaam | nome do contato""",
    "contacts": """contacts | contatti | kontakte | contactos | contacten | contatos""",
    "first_import": """time of first import | ora della prima importazione |
        data della prima importazione | zeitpunkt des ersten imports |
        hora de la primera importación | heure de la première importation |
        tijdstip van eerste import | hora da primeira importação""",
    "latest_import": """time of latest import | ora dell'ultima importazione |
        data dell'ultima importazione | zeitpunkt des letzten imports |
        hora de la última importación | heure de la dernière importation |
        tijdstip van laatste import | hora da última importação""",
    "upload_time": """upload time | ora di caricamento | data di caricamento | upload-zeit |
        zeitpunkt des uploads | hora de subida | fecha de subida | heure de téléversement |
        heure d'importation | uploadtijd | tijdstip van upload | hora do carregamento""",
    "update_time": """update time | ora di aggiornamento | data di aggiornamento |
        aktualisierungszeit | zeitpunkt der aktualisierung | hora de actualización |
        heure de mise à jour | updatetijd | tijdstip van update | hora da atualização""",
    "suggestions": """friend suggestions | suggerimenti di amicizia | suggerimenti di amici |
        freundschaftsvorschläge | sugerencias de amistad | sugerencias de amigos |
        suggestions d'amis | suggestions d’amis | vriendschapsvoorstellen |
        vriendensuggesties | sugestões de amizade""",
    "suggestions_created": """when these suggestions were created |
        quando sono stati creati questi suggerimenti | data di creazione dei suggerimenti |
        wann diese vorschläge erstellt wurden | cuándo se crearon estas sugerencias |
        quand ces suggestions ont été créées | wanneer deze suggesties zijn gemaakt |
        quando estas sugestões foram criadas""",
    "suggestion_sent": """suggestion sent time | ora di invio del suggerimento |
        zeitpunkt des gesendeten vorschlags | hora de envío de la sugerencia |
        heure d'envoi de la suggestion | tijdstip waarop de suggestie is verzonden |
        hora de envio da sugestão""",
    "ip": """ip address | ip | indirizzo ip | ip-adresse | dirección ip | adresse ip | ip-adres |
        endereço ip""",
    "time": """time | date | timestamp | ora | orario | data | data e ora | zeit | uhrzeit |
        datum | zeitpunkt | hora | fecha | fecha y hora | heure | date et heure | tijd |
        tijdstip""",
    "user_agent": """user agent | agente utente | user-agent | browser""",
    "device": """device | device name | dispositivo | nome del dispositivo | gerät | gerätename |
        appareil | apparaat | apparaatnaam""",
    "location": """location | estimated location | posizione | luogo | posizione stimata |
        standort | ort | ubicación | lugar | lieu | emplacement | locatie | plaats""",
    "action": """action | azione | aktion | handlung | acción | actie""",
    "site": """site | sito | website | sitio | site web""",
    "last_login": """last login | last log in | ultimo accesso | letzte anmeldung |
        último inicio de sesión | dernière connexion | laatste keer ingelogd | laatste login""",
    "last_logout": """last logout | ultima disconnessione | letzte abmeldung |
        último cierre de sesión | dernière déconnexion | laatste keer uitgelogd""",
    "contact_syncing": """contact syncing | contacts syncing | sincronizzazione dei contatti |
        sincronizzazione contatti | kontaktsynchronisierung | kontakte synchronisieren |
        sincronización de contactos | synchronisation des contacts | contacten synchroniseren |
        contactsynchronisatie""",
    "two_factor": """two-factor authentication | two factor authentication | 2fa |
        two-factor authentication status | autenticazione a due fattori |
        zwei-faktor-authentifizierung | zweistufige authentifizierung |
        autenticación en dos pasos | autenticación de dos factores |
        authentification à deux facteurs | tweestapsverificatie |
        twee-factor-authenticatie""",
    "events": """events | eventi | ereignisse | eventos | événements | gebeurtenissen""",
    "event": """event | evento | ereignis | événement | gebeurtenis | type | tipo | typ""",
    "received_on": """received on | received | ricevuto il | ricevuto | erhalten am |
        empfangen am | recibido el | recibido | reçu le | reçu | ontvangen op | ontvangen""",
    "id": """id | user_id | user id | id utente | id dell'utente | benutzer-id | id de usuario |
        id d'utilisateur | gebruikers-id | id do usuário""",
    "title": """title | titolo | titel | título | titre | ad title""",
    "service": """service | service name | app | servizio | dienst | servicio | app name""",
    "account": """account | account name | account type""",
    "created": """created | creation time | date created | created on | creato | data di creazione |
        erstellt | erstellt am | creado | fecha de creación | créé | date de création |
        gemaakt | aangemaakt op""",
    "updated": """updated | last active | last updated | ultimo aggiornamento | ultima attività |
        aktualisiert | zuletzt aktiv | actualizado | última actividad | mis à jour |
        dernière activité | bijgewerkt | laatst actief""",
    "linked": """linked | linked on | link time | collegato | collegato il | verknüpft |
        verknüpft am | vinculado | vinculado el | associé | associé le | gekoppeld |
        gekoppeld op""",
    "friends_since": """friends since | amici dal | befreundet seit | amigos desde |
        amis depuis | vrienden sinds""",
}


@lru_cache(maxsize=8192)
def norm_label(label: str) -> str:
    """A label as compared: NFC, lower case, single spaces, no trailing colon."""
    text = unicodedata.normalize("NFC", label).replace("\u00a0", " ").casefold()
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


LABELS: dict[str, frozenset[str]] = {
    key: frozenset(norm_label(part) for part in raw.split("|") if part.strip())
    for key, raw in _RAW.items()
}


_KEYS_OF_LABEL: dict[str, frozenset[str]] = {}

#: the key of every label that speaks of a phone number (:func:`is_phone_label`: any
#: wording, singular or plural), besides its own canonical key
PHONE_WORDS = "phone_words"


def label_keys(label: str) -> frozenset[str]:
    """Every canonical key that ``label`` (any language) means, and :data:`PHONE_WORDS`
    for a label that speaks of a phone number; cached per label."""
    keys = _KEYS_OF_LABEL.get(label)
    if keys is None:
        norm = norm_label(label)
        keys = frozenset(key for key, labels in LABELS.items() if norm in labels)
        if is_phone_label(label):
            keys |= {PHONE_WORDS}
        if len(_KEYS_OF_LABEL) < 65536:
            _KEYS_OF_LABEL[label] = keys
    return keys


def is_label(label: str | None, key: str) -> bool:
    """True when ``label`` (any language) means the canonical ``key``."""
    return bool(label) and norm_label(str(label)) in LABELS[key]


_PHONE_WORDS = ("phone", "telefon", "telefono", "teléfono", "téléphone", "telefoon", "mobile",
                "cellulare", "handy", "móvil", "portable", "mobiel")  # fmt: skip


def is_phone_label(label: str | None) -> bool:
    """True for any label that speaks of a phone number (singular, plural, any language)."""
    text = norm_label(label or "")
    return any(word in text for word in _PHONE_WORDS)


# -- words inside values ------------------------------------------------------------
_LOGOUT_WORDS = (
    "log out",
    "logout",
    "logged out",
    "sign out",
    "abmelden",
    "abgemeldet",
    "disconnessione",
    "disconnesso",
    "uscita",
    "esci",
    "cerrar sesión",
    "cierre de sesión",
    "déconnexion",
    "se déconnecter",
    "uitloggen",
    "uitgelogd",
    "afmelden",
    "sair",
    "terminar sessão",
)
_LOGIN_WORDS = (
    "log in",
    "login",
    "logged in",
    "sign in",
    "anmelden",
    "angemeldet",
    "anmeldung",
    "accesso",
    "accedi",
    "accesso effettuato",
    "iniciar sesión",
    "inicio de sesión",
    "connexion",
    "se connecter",
    "inloggen",
    "ingelogd",
    "aanmelden",
    "entrar",
    "iniciar sessão",
)


@lru_cache(maxsize=1024)
def login_kind(action: str | None) -> str | None:
    """``"logout"``, ``"login"`` or None for a localised login/logout action."""
    text = norm_label(action or "")
    if not text:
        return None
    if any(word in text for word in _LOGOUT_WORDS):
        return "logout"
    if any(word in text for word in _LOGIN_WORDS):
        return "login"
    return None


_ON = frozenset(
    """on true yes enabled enable active activated attivo attiva attivato attivata abilitato
    abilitata sì si aktiviert aktiv ein an ja activado activada activo sí habilitado activé
    activée oui ingeschakeld aan actief vero wahr verdadero vrai waar""".split()
)
_OFF = frozenset(
    """off false no disabled disable inactive deactivated disattivo disattivato disattivata
    disabilitato disabilitata deaktiviert inaktiv aus nein desactivado desactivada inactivo
    deshabilitado désactivé désactivée non uitgeschakeld uit nee inactief falso falsch faux
    onwaar""".split()
)


def on_off(value: object) -> str | None:
    """``"on"``/``"off"`` for a boolean-like value in any of the languages, else None."""
    if isinstance(value, bool):
        return "on" if value else "off"
    text = norm_label(str(value or ""))
    if text in _ON:
        return "on"
    if text in _OFF:
        return "off"
    return None


#: substrings of advertiser-list labels meaning "a list with your information was uploaded"
_UPLOADED = (
    "uploaded",
    "upload",
    "containing entries",
    "caricat",
    "elenco",
    "hochgeladen",
    "liste",
    "subid",
    "lista",
    "téléchargé",
    "importé",
    "geüpload",
    "lijst",
)


def advertiser_relation(label: str | None) -> str:
    """``uploaded_list`` or ``used_activity`` for a label of "advertisers using your
    activity or information" (their site/app/store interactions are ``used_activity``)."""
    text = norm_label(label or "")
    if any(word in text for word in _UPLOADED):
        return "uploaded_list"
    return "used_activity"


#: a word of an Accounts Center service name (lower case) -> the canonical service id
SERVICE_ID_OF_WORD = {
    "facebook": "facebook",
    "instagram": "instagram",
    "whatsapp": "whatsapp",
    "messenger": "messenger",
    "meta horizon": "meta_horizon",
    "oculus": "meta_horizon",
    "threads": "threads",
}


def service_id(raw: str | None) -> str | None:
    """The canonical service id (``whatsapp``, ``meta_horizon``...) of an Accounts Center
    ``service_name`` in any form ("WhatsApp", "Meta Horizon"); an unknown one normalised."""
    if not raw:
        return None
    text = norm_label(raw)
    for key, value in SERVICE_ID_OF_WORD.items():
        if key in text:
            return value
    return text or None
