"""Fictional phone numbers and the contact pool of a persona.

Numbers are unique and stay in blocks meant for fiction or unlikely to be anyone's:
US 555-01XX in many area codes, Italian mobiles 3XX 555 XXXX. Each is written the
ways people type numbers in a phone book (often without the country code).
"""

from __future__ import annotations

import random

from privacy_audit.demo.personas import Contact, Persona

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
    used: set[tuple[str, str]] = set()
    for index in range(size):
        for _ in range(4):  # a few tries for a name not taken yet (big pools repeat names)
            first = firsts[int(draw() * len(firsts))]
            last = lasts[int(draw() * len(lasts))]
            if (first, last) not in used:
                break
        used.add((first, last))
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
