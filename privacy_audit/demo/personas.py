"""The demo people: who they are, and the fictional people and businesses around them.

Every name, number, e-mail and address is made up: phone numbers use the "555"
blocks (US 555-01XX, Italian mobiles 3XX 555 XXXX), e-mails example.com/.org/.it,
IP addresses the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
2001:db8::/32). Businesses are invented.

The data is designed so that, together, the two personas raise every finding:
the same phone on Facebook, Instagram and WhatsApp; WhatsApp contacts that are also
in the Facebook and Instagram uploads; uploaded contacts who are not friends; Accounts
Center links including WhatsApp; off-Meta activity; advertisers with a list who also
appear off Meta and as a WhatsApp business chat; WhatsApp settings open to everyone;
the same IPs and phone on several services; two-factor off; a big group of strangers.
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy_audit.demo._base import utc
from privacy_audit.i18n import N_


@dataclass(frozen=True)
class Business:
    """A business in the persona's life and where it shows up."""

    name: str
    uploaded_list: bool = False  # advertiser uploaded a list with the persona's info
    used_activity: bool = False  # advertiser used the persona's activity
    in_store: bool = False
    off_meta: bool = False  # sends off-Meta activity
    interacted: bool = False  # persona clicked one of its ads
    whatsapp: str | None = None  # "ad" (click-to-WhatsApp ad) or "direct" chat
    events: tuple[str, ...] = ("PAGE_VIEW", "VIEW_CONTENT")


@dataclass(frozen=True)
class Contact:
    """Someone in the persona's phone book."""

    name: str
    e164: str
    typed: str  # how it was typed in the phone book
    email: str | None = None


@dataclass(frozen=True)
class Persona:
    """Everything the export writers need to know about one demo person."""

    key: str
    lang: str  # UI language of the accounts (labels, chat system lines)
    region: str
    description: str  # English one-liner, marked for translation
    first_name: str
    last_name: str
    fb_username: str
    ig_username: str
    email: str
    phone_e164: str
    phone_fb: str  # as typed in the Facebook profile
    phone_ig: str  # as shown by Instagram
    phone_wa: str  # as shown by WhatsApp
    export_time: int  # when the exports were made (Unix seconds)
    fb_registered: int
    ig_registered: int
    wa_registered: int
    wa_platform: str
    fb_two_factor: bool
    wa_two_step: bool
    wa_privacy: dict[str, str]
    ips: dict[str, str]  # role -> address (home, work, mobile, v6, cafe)
    phone_model: tuple[str, str, str, str]  # manufacturer, model code, os version, name
    phone_user_agent: str
    laptop_user_agent: str
    instagram_user_agent: str
    wa_app_version: str
    businesses: tuple[Business, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    family: tuple[str, ...]  # close people who chat with the persona
    group_name: str  # the big group exposing the number
    small_group: str
    book_size: int  # address book entries at scale 1
    wa_extra: int  # WhatsApp contacts not in the Facebook upload
    ig_extra: int  # Instagram-synced contacts not in the Facebook upload
    friends_extra: int  # Facebook friends not in the phone book
    chat_iphone: bool  # True: the persona's chats are iOS exports
    seed: int
    numbers: str  # "it" or "us"
    utc_offset: int  # hours from UTC of the persona's clock (no DST: no tz database needed)
    off_meta_v2: bool = False  # Facebook off-Meta file in the older v2 shape

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}"


GIULIA = Persona(
    key="giulia",
    lang="it",
    region="IT",
    description=N_(
        "Giulia, Bologna: Italian Facebook, Instagram and WhatsApp, contacts uploaded "
        "everywhere, WhatsApp open to everyone, a school parents' group of 60 people."
    ),
    first_name="Giulia",
    last_name="Ferraro",
    fb_username="giuliaferraro92",
    ig_username="giulia.ferraro.bo",
    email="giulia.ferraro@example.it",
    phone_e164="+393475550142",
    phone_fb="347 555 0142",
    phone_ig="+39 347 555 0142",
    phone_wa="+39 347 555 0142",
    export_time=utc(2026, 11, 18, 9, 12, 40),
    fb_registered=utc(2009, 2, 14, 18, 3, 11),
    ig_registered=utc(2014, 7, 2, 20, 41, 5),
    wa_registered=utc(2013, 5, 21, 16, 8, 30),
    wa_platform="Android",
    fb_two_factor=True,
    wa_two_step=False,
    wa_privacy={
        "last_seen": "everyone",
        "online": "same_as_last_seen",
        "profile_photo": "everyone",
        "about": "everyone",
        "status": "contacts",
        "groups": "everyone",
        "read_receipts": "on",
        "silence_unknown_callers": "off",
    },
    ips={
        "home": "203.0.113.17",
        "work": "198.51.100.42",
        "mobile": "192.0.2.88",
        "v6": "2001:db8:4a1:7c00::1f",
    },
    phone_model=("samsung", "SM-S911B", "14", "Samsung Galaxy S23"),
    phone_user_agent=(
        "Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) "
        "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.102 "
        "Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.52.108;]"
    ),
    laptop_user_agent=(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    ),
    instagram_user_agent=(
        "Instagram 357.0.0.25.101 Android (34/14; 420dpi; 1080x2340; samsung; SM-S911B; "
        "dm1q; qcom; it_IT; 653403370)"
    ),
    wa_app_version="Android-2.26.21.74",
    businesses=(
        Business(
            "Viaggi Sole",
            uploaded_list=True,
            off_meta=True,
            interacted=True,
            whatsapp="ad",
            events=("PAGE_VIEW", "SEARCH", "VIEW_CONTENT", "LEAD"),
        ),
        Business(
            "Ortofresco Consegne",
            uploaded_list=True,
            off_meta=True,
            events=("ACTIVATE_APP", "ADD_TO_CART", "PURCHASE"),
        ),
        Business("Vela Blu Assicurazioni", uploaded_list=True, used_activity=True),
        Business(
            "Moda Rapida",
            used_activity=True,
            off_meta=True,
            interacted=True,
            events=("PAGE_VIEW", "ADD_TO_CART", "PURCHASE"),
        ),
        Business("Palestra Fenice", off_meta=True, whatsapp="direct", events=("LEAD",)),
        Business("Libreria Lanterna", off_meta=True, in_store=True),
        Business(
            "Farmacia del Borgo Online",
            off_meta=True,
            used_activity=True,
            events=("SEARCH", "VIEW_CONTENT"),
        ),
    ),
    first_names=tuple(
        (
            "Marco Luca Giuseppe Francesca Chiara Alessandro Sara Matteo Giorgia Andrea "
            "Federica Davide Elena Simone Valentina Lorenzo Martina Stefano Anna Paolo "
            "Silvia Roberto Laura Nicola Elisa Fabio Paola Antonio Ilaria Riccardo Noemi "
            "Tommaso Beatrice Emanuele Alessia Gabriele Serena Pietro Caterina Niccolò"
        ).split()
    ),
    last_names=tuple(
        name.replace("_", " ")  # "De_Santis" is one surname: split first, then the space
        for name in (
            "Rossi Russo Bianchi Romano Colombo Bruno Ricci Marino Greco Gallo Conti "
            "Esposito Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri Fontana Santoro "
            "Mariani Rinaldi Caruso Galli Martini Leone Longo Gentile Martinelli Vitale "
            "Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferrari Fabbri "
            "Benedetti Pellegrini Sanna Farina Cattaneo Morelli Amato Silvestri Mazza Testa "
            "Grasso Pellegrino Carbone Giuliani Bellini Zanetti Cristiani Neri Gatti"
        ).split()
    ),
    family=("Mamma", "Luca Bernardi", "Chiara Ferraro"),
    group_name="Genitori 3B Scuola Rodari",
    small_group="Calcetto del giovedì",
    book_size=240,
    wa_extra=60,
    ig_extra=40,
    friends_extra=80,
    chat_iphone=False,
    seed=20261118,
    numbers="it",
    utc_offset=1,
)

ALEX = Persona(
    key="alex",
    lang="en",
    region="US",
    description=N_(
        "Alex, Portland: English Facebook, Instagram and WhatsApp on an iPhone, "
        "two-factor off, chats with businesses found through ads."
    ),
    first_name="Alex",
    last_name="Morgan",
    fb_username="alexmorgan.pdx",
    ig_username="alex.m.pdx",
    email="alex.morgan@example.com",
    phone_e164="+15035550147",
    phone_fb="(503) 555-0147",
    phone_ig="+1 503-555-0147",
    phone_wa="+1 (503) 555-0147",
    export_time=utc(2026, 11, 16, 22, 47, 3),
    fb_registered=utc(2012, 9, 3, 1, 22, 0),
    ig_registered=utc(2016, 3, 19, 17, 5, 44),
    wa_registered=utc(2019, 6, 11, 15, 30, 12),
    wa_platform="iPhone",
    fb_two_factor=False,
    wa_two_step=True,
    wa_privacy={
        "last_seen": "contacts",
        "online": "everyone",
        "profile_photo": "everyone",
        "about": "contacts",
        "status": "contacts",
        "groups": "everyone",
        "read_receipts": "on",
        "silence_unknown_callers": "off",
    },
    ips={
        "home": "198.51.100.7",
        "work": "192.0.2.140",
        "mobile": "203.0.113.201",
        "v6": "2001:db8:ab:12::42",
    },
    phone_model=("Apple", "iPhone15,3", "18.1", "iPhone 14 Pro Max"),
    phone_user_agent=(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/489.0.0.40.104;FBBV/654321098;"
        "FBDV/iPhone15,3;FBMD/iPhone;FBSN/iOS;FBSV/18.1;FBSS/3;FBCR/;FBID/phone;FBLC/en_US]"
    ),
    laptop_user_agent=(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
        "Gecko) Version/18.1 Safari/605.1.15"
    ),
    instagram_user_agent=(
        "Instagram 357.0.0.25.101 (iPhone15,3; iOS 18_1; en_US; en; scale=3.00; "
        "1290x2796; 653403370)"
    ),
    wa_app_version="iOS-2.26.21.71",
    businesses=(
        Business(
            "Harbor Lane Coffee",
            uploaded_list=True,
            off_meta=True,
            interacted=True,
            whatsapp="ad",
            events=("ACTIVATE_APP", "ADD_TO_CART", "PURCHASE"),
        ),
        Business(
            "Northwind Outfitters",
            uploaded_list=True,
            off_meta=True,
            events=("PAGE_VIEW", "ADD_TO_CART"),
        ),
        Business("Contoso Bank", uploaded_list=True, used_activity=True),
        Business(
            "Fabrikam Fitness",
            off_meta=True,
            whatsapp="direct",
            events=("COMPLETE_REGISTRATION", "LEAD"),
        ),
        Business(
            "Tailspin Travel", used_activity=True, off_meta=True, events=("SEARCH", "PAGE_VIEW")
        ),
        Business("Wingtip Toys", off_meta=True, interacted=True, in_store=True),
    ),
    first_names=tuple(
        (
            "Jordan Taylor Casey Riley Morgan Jamie Avery Quinn Drew Sam Chris Pat Robin "
            "Emily Olivia Liam Noah Emma Ava Sophia Mason Ethan Harper Mia Lucas Ella Jack "
            "Grace Henry Chloe Owen Zoe Nathan Lily Isaac Nora Caleb Ruby Dylan Hazel"
        ).split()
    ),
    last_names=tuple(
        (
            "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
            "Hernandez Lopez Wilson Anderson Thomas Moore Jackson Martin Lee Perez Thompson "
            "White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Torres "
            "Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter "
            "Roberts O'Brien Patel Kim Chen"
        ).split()
    ),
    family=("Sam Patel", "Mom", "Jess Morgan"),
    group_name="Maple Street Neighbors",
    small_group="Tuesday Trivia Crew",
    book_size=150,
    wa_extra=40,
    ig_extra=60,
    friends_extra=120,
    chat_iphone=True,
    seed=20261116,
    numbers="us",
    utc_offset=-8,
    off_meta_v2=True,
)

ALL: dict[str, Persona] = {p.key: p for p in (GIULIA, ALEX)}
