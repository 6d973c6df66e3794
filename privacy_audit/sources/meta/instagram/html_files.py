"""Instagram HTML files, read through :mod:`..html` records (times at UTC-8)."""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta.facebook import html_files as fbh
from privacy_audit.sources.meta.facebook.json_files import add_contact_point, add_identifier
from privacy_audit.sources.meta.html import INSTAGRAM_OFFSET, HtmlRecord, page_records, shaped
from privacy_audit.sources.meta.labels import on_off
from privacy_audit.sources.meta.load import Spec
from privacy_audit.sources.meta.off_meta_html import off_meta_pages
from privacy_audit.sources.meta.reader import MetaReader, contact_kind

_TZ = INSTAGRAM_OFFSET


def _records(root: Any) -> list[HtmlRecord]:
    records = page_records(root)
    if not records:
        raise ValueError("no records")
    return records


#: ``personal_information.html`` / ``instagram_profile_information.html``: an e-mail or
#: phone number only when the value has that shape
personal_information = sp.identifiers(
    sp.Shape(
        sp.HtmlRecords(_TZ),
        {
            "email": sp.label("email", conv=sp.EMAIL),
            "phone": sp.label("phone", conv=sp.PHONE),
            "username": sp.label("username"),
            "name": sp.label("name"),
        },
    )
)


def account_information(r: MetaReader, root: Any, m: Member) -> None:
    """``account_information.html``: contact syncing and 2FA flags."""
    for rec in _records(root):
        for key in ("contact_syncing", "two_factor"):
            value = rec.get(key)
            if value:
                r.add("settings", m, key=key, value=on_off(value) or value)


def synced_contacts(r: MetaReader, root: Any, m: Member) -> None:
    """``synced_contacts.html``: one record per synced phone contact."""
    for rec in _records(root):
        name = " ".join(p for p in (rec.get("first_name"), rec.get("last_name")) if p)
        point = rec.get("contact_info") or next((v for v in rec.values() if contact_kind(v)), None)
        if name or point:
            add_contact_point(
                r,
                m,
                "synced_contacts",
                name or rec.title,
                point,
                rec.time("imported_time", _TZ) if rec.get("imported_time") else None,
            )


def relations(origin: str):
    """Followers / following: one record per account (username in the title or a link)."""

    def extract(r: MetaReader, root: Any, m: Member) -> None:
        for rec in _records(root):
            name = rec.title or next((v for v in rec.values() if v), None)
            if not name and rec.links:
                name = rec.links[0].rstrip("/").rsplit("/", 1)[-1]
            if name:
                r.add("contacts", m, origin=origin, name=name, created_at=rec.time(offset=_TZ))

    return extract


def logins(kind: str):
    """Login / logout / signup / devices pages."""

    def extract(r: MetaReader, root: Any, m: Member) -> None:
        for rec in _records(root):
            ips = [rec.get("ip")] if rec.get("ip") else shaped(rec.values(), "ip")
            when = rec.time("last_login" if kind == "device" else "time", _TZ)
            agent = rec.get("user_agent")
            r.add(
                "activity",
                m,
                kind=kind,
                timestamp=when,
                ip=ips[0] if ips else None,
                user_agent=agent,
                device=rec.get("device") or (agent if kind == "device" else None),
            )
            if kind == "registration":
                for key in ("email", "phone", "username"):
                    if rec.get(key):
                        add_identifier(r, m, key, rec.get(key))

    return extract


_FOLLOWERS = ("followers.html", *(f"followers_{i}.html" for i in range(1, 100)))

HTML_SPECS: tuple[Spec, ...] = (
    Spec(("personal_information.html", "instagram_profile_information.html"), personal_information),
    Spec(("account_information.html",), account_information),
    Spec(("synced_contacts.html",), synced_contacts),
    Spec(_FOLLOWERS, relations("followers")),
    Spec(("following.html",), relations("following")),
    Spec(("login_activity.html",), logins("login")),
    Spec(("logout_activity.html",), logins("logout")),
    Spec(("signup_information.html", "signup_details.html"), logins("registration")),
    Spec(("devices.html",), logins("device")),
    Spec(("advertisers_using_your_activity_or_information.html",), fbh.advertisers),
    Spec(("your_activity_off_meta_technologies.html",), off_meta_pages(_TZ)),
    Spec(("your_activity_off_meta_technologies_settings.html",), fbh.off_meta_settings),
    Spec(("two-factor_authentication.html",), fbh.settings),
)
