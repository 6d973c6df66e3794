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

import random
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


_IT_MOBILE = (
    "320 324 327 328 329 330 331 333 334 335 338 339 340 342 345 346 347 348 349 350 351 "
    "360 366 368 371 377 380 388 389 391 392 393"
).split()
_US_AREA = (
    "201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 224 225 228 229 "
    "231 234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 303 304 "
    "305 307 308 309 310 312 313 314 315 316 317 318 319 320 321 323 325 330 334 336 337 "
    "339 347 351 352 360 361 385 386 401 402 404 405 406 407 408 409 410 412 413 414 415 "
    "417 419 423 424 425 432 434 435 440 443 469 478 479 480 484 501 502 503 504 505 507 "
    "508 509 510 512 513 515 516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 "
    "573 574 575 580 585 586 601 602 603 605 606 607 608 609 610 612 614 615 616 617 618 "
    "619 620 623 626 630 631 636 641 646 650 651 660 661 662 678 682 701 702 703 704 706 "
    "707 708 712 713 714 715 716 717 718 719 720 724 727 731 732 734 740 754 757 760 763 "
    "765 770 772 773 774 775 781 785 786 801 802 803 804 805 806 808 810 812 813 814 815 "
    "816 817 818 828 830 831 832 843 845 847 848 850 856 857 858 859 860 862 863 864 865 "
    "870 872 878 901 903 904 906 907 908 909 910 912 913 914 915 916 917 918 919 920 925 "
    "928 931 936 937 940 941 947 949 951 952 954 956 970 971 972 973 978 979 980 985 989"
).split()


def italian_number(index: int) -> tuple[str, str, str]:
    """Unique fictional Italian mobile number ``index``: (E.164, prefix, 7 digits)."""
    turn, slot = divmod(index, len(_IT_MOBILE))
    prefix = _IT_MOBILE[slot]
    rest = (9103 * turn + 37 * slot + 142) % 10000  # a bijection for each prefix
    digits = f"555{rest:04d}"
    return f"+39{prefix}{digits}", prefix, digits


def us_number(index: int) -> tuple[str, str, str]:
    """Unique fictional US number ``index`` in a 555-01XX block: (E.164, area, 7 digits)."""
    turn, slot = divmod(index, len(_US_AREA))
    area = _US_AREA[(slot * 37) % len(_US_AREA)]
    line = (31 * turn + 7 * slot + 47) % 100  # a bijection for each area code
    digits = f"55501{line:02d}"
    return f"+1{area}{digits}", area, digits


def typed_italian(rng: random.Random, prefix: str, digits: str) -> str:
    """An Italian mobile written the ways people write it (often without +39)."""
    style = rng.random()
    if style < 0.45:
        return f"{prefix} {digits[:3]} {digits[3:]}"
    if style < 0.65:
        return f"+39 {prefix} {digits[:3]} {digits[3:]}"
    if style < 0.80:
        return f"{prefix}{digits}"
    if style < 0.90:
        return f"+39{prefix}{digits}"
    if style < 0.95:
        return f"0039 {prefix} {digits}"
    return f"{prefix}-{digits[:3]}-{digits[3:]}"


def typed_us(rng: random.Random, area: str, digits: str) -> str:
    """A US number written the ways people write it."""
    style = rng.random()
    if style < 0.40:
        return f"({area}) {digits[:3]}-{digits[3:]}"
    if style < 0.60:
        return f"{area}-{digits[:3]}-{digits[3:]}"
    if style < 0.80:
        return f"+1 {area}-{digits[:3]}-{digits[3:]}"
    if style < 0.90:
        return f"+1{area}{digits}"
    return f"{area}.{digits[:3]}.{digits[3:]}"


def whatsapp_display(e164: str) -> str:
    """A number as WhatsApp shows an unsaved contact: ``+39 347 555 0142``."""
    if e164.startswith("+39"):
        n = e164[3:]
        return f"+39 {n[:3]} {n[3:6]} {n[6:]}"
    n = e164[2:]
    return f"+1 ({n[:3]}) {n[3:6]}-{n[6:]}"


def contact_pool(persona: Persona, size: int) -> list[Contact]:
    """``size`` fictional contacts, the same ones on every run (a prefix of a longer pool)."""
    rng = random.Random(persona.seed)
    out = []
    domains = (
        "example.com",
        "example.org",
        "example.it" if persona.numbers == "it" else "example.net",
    )
    firsts, lasts, draw = persona.first_names, persona.last_names, rng.random
    for index in range(size):
        first = firsts[int(draw() * len(firsts))]
        last = lasts[int(draw() * len(lasts))]
        if persona.numbers == "it":
            e164, prefix, digits = italian_number(index + 1)
            typed = typed_italian(rng, prefix, digits)
        else:
            e164, area, digits = us_number(index + 1)
            typed = typed_us(rng, area, digits)
        email = None
        if rng.random() < 0.12:
            email = f"{first}.{last}{index}@{domains[index % 3]}".lower().replace(" ", "")
            email = email.replace("'", "")
        out.append(Contact(f"{first} {last}", e164, typed, email))
    return out


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
        (
            "Rossi Russo Bianchi Romano Colombo Bruno Ricci Marino Greco Gallo Conti "
            "Esposito Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri Fontana Santoro "
            "Mariani Rinaldi Caruso Galli Martini Leone Longo Gentile Martinelli Vitale "
            "Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferrari Fabbri "
            "Benedetti Pellegrini Sanna Farina Cattaneo Morelli Amato Silvestri Mazza Testa "
            "Grasso Pellegrino Carbone Giuliani Bellini Zanetti Cristiani Neri Gatti"
        )
        .replace("_", " ")
        .split()
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
