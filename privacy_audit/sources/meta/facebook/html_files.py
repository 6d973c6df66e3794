"""Facebook (and Messenger) HTML files, read through :mod:`..html` records.

HTML has no ids and localised dates; values are matched by label (any language) and,
where labels are unreliable, by shape (e-mail, phone, IP address). Times of Facebook
HTML are taken as UTC (the export does not say which zone it used).
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta.facebook import uploads as up
from privacy_audit.sources.meta.facebook.json_files import add_contact_point, add_identifier
from privacy_audit.sources.meta.html import HtmlRecord, page_records, shaped
from privacy_audit.sources.meta.labels import (
    advertiser_relation,
    is_label,
    is_phone_label,
    login_kind,
    norm_label,
    on_off,
    service_id,
)
from privacy_audit.sources.meta.load import Spec
from privacy_audit.sources.meta.off_meta_html import off_meta_pages
from privacy_audit.sources.meta.reader import MetaReader, contact_kind


def _records(root: Any) -> list[HtmlRecord]:
    records = page_records(root)
    if not records:
        raise ValueError("no records")
    return records


def profile(r: MetaReader, root: Any, m: Member) -> None:
    """``profile_information.html``: name, username, e-mails and phone numbers."""
    for rec in _records(root):
        for label, value in rec.fields:
            kind = contact_kind(value)
            if kind == "email":
                add_identifier(r, m, "email", value)
            elif kind == "phone" and is_phone_label(label):
                add_identifier(r, m, "phone", value)
            elif is_label(label, "name"):
                add_identifier(r, m, "name", value)
            elif is_label(label, "username"):
                add_identifier(r, m, "username", value)


def address_book(r: MetaReader, root: Any, m: Member) -> None:
    """``your_address_books.html``: one record per uploaded contact."""
    for rec in _records(root):
        name = rec.title or rec.get("name")
        points: list[str | None] = [v for v in rec.values() if contact_kind(v)]
        for point in points or [None]:
            add_contact_point(r, m, "address_book", name, point, rec.time("created"))


def names(origin: str) -> sp.FileSpec:
    """Friends / following / followers pages: one record per person."""
    return sp.FileSpec(
        "contacts",
        sp.Shape(
            sp.HtmlRecords(),
            {"name": sp.first(sp.title(), sp.label("name")), "created_at": sp.label_time("time")},
            require=("name",),
        ),
        const={"origin": origin},
    )


def accounts_center(r: MetaReader, root: Any, m: Member) -> None:
    """``accounts_center.html``: linked accounts (Instagram, WhatsApp ...)."""
    for rec in _records(root):
        linked = service_id(rec.get("service") or rec.title)
        account = rec.get("username") or rec.get("name")
        if not linked and not account:
            continue
        r.add(
            "linked_accounts",
            m,
            account=account,
            linked_to=linked,
            via="accounts_center",
            linked_at=rec.time("linked") if rec.get("linked") else None,
        )
        owner = linked if linked in ("facebook", "instagram", "messenger", "whatsapp") else None
        extra = {"service": owner} if owner else {}
        for email in shaped(rec.values(), "email"):
            add_identifier(r, m, "email", email, **extra)
        phone = rec.get("phone")
        if phone:
            add_identifier(r, m, "phone", phone, **extra)
        if rec.get("username"):
            add_identifier(r, m, "username", rec.get("username"), **extra)


def autofill(r: MetaReader, root: Any, m: Member) -> None:
    """``autofill_information.html``: e-mails and phones by shape, full name by label."""
    for rec in _records(root):
        for label, value in rec.fields:
            kind = contact_kind(value)
            if kind:
                add_identifier(r, m, kind, value)
            elif norm_label(label) in ("full_name", "full name"):
                add_identifier(r, m, "name", value)


def activity(kind: str):
    """Logins, account activity, IPs, sessions and devices: one record per event."""

    def extract(r: MetaReader, root: Any, m: Member) -> None:
        for rec in _records(root):
            ips = [rec.get("ip")] if rec.get("ip") else shaped(rec.values(), "ip")
            action = rec.get("action") or rec.title
            found = login_kind(action) if kind in ("login", "account_activity") else None
            location = (
                ", ".join(
                    v
                    for label, v in rec.fields
                    if norm_label(label) in ("city", "region", "country")
                    or is_label(label, "location")
                )
                or None
            )
            device = rec.get("device") or (rec.title if kind == "device" else None)
            r.add(
                "activity",
                m,
                kind=found or kind,
                timestamp=rec.time("updated") or rec.time(),
                ip=ips[0] if ips else None,
                user_agent=rec.get("user_agent"),
                device=device,
                location=location,
            )

    return extract


def off_meta_settings(r: MetaReader, root: Any, m: Member) -> None:
    """Off-Meta activity settings: each label becomes ``off_meta.<label>``."""
    for rec in _records(root):
        for label, value in rec.fields:
            if label:
                r.add("settings", m, key=f"off_meta.{label}", value=value or None)


def advertisers(r: MetaReader, root: Any, m: Member) -> None:
    """Advertisers using your activity or information / who uploaded a list with you."""
    uploaded_only = "uploaded_a_contact_list" in m.key
    for rec in _records(root):
        for label, value in rec.fields or [(rec.title, "")]:
            name = value or (None if label == rec.title else label)
            if not name:
                continue
            relation = "uploaded_list" if uploaded_only else advertiser_relation(label or rec.title)
            r.add("advertisers", m, name=name, relation=relation)


#: ``advertisers_you've_interacted_with.html``: one record per ad, named by its "Title"
#: row (2024+) or its heading
advertisers_interacted = sp.FileSpec(
    "advertisers",
    sp.Shape(
        sp.HtmlRecords(), {"name": sp.first(sp.label("title"), sp.title())}, require=("name",)
    ),
    const={"relation": "interacted"},
)


def settings(r: MetaReader, root: Any, m: Member) -> None:
    """2FA and contact-upload settings pages."""
    for rec in _records(root):
        for label, value in rec.fields:
            if is_label(label, "two_factor"):
                r.add("settings", m, key="two_factor", value=on_off(value) or value)
            elif label:
                r.add("settings", m, key=f"settings.{label}", value=on_off(value) or value)


HTML_SPECS: tuple[Spec, ...] = (
    Spec(("profile_information.html",), profile),
    Spec(("your_address_books.html",), address_book),
    Spec(tuple(f"{name}.html" for name in up.UPLOAD_FILES), up.uploaded_contacts_html),
    Spec(("people_you_may_know.html",), up.people_you_may_know_html),
    Spec(("suggested_friends.html",), up.suggested_friends_html),
    Spec(("friends_you_see_less.html",), up.friends_you_see_less_html),
    Spec(("your_friends.html", "friends.html"), names("friends")),
    Spec(("who_you've_followed.html", "following.html"), names("following")),
    Spec(("followers.html", "people_who_followed_you.html"), names("followers")),
    Spec(("accounts_center.html",), accounts_center),
    Spec(("autofill_information.html",), autofill),
    Spec(("account_activity.html",), activity("account_activity")),
    Spec(("logins_and_logouts.html",), activity("login")),
    Spec(("ip_address_activity.html", "used_ip_addresses.html"), activity("ip")),
    Spec(("where_you're_logged_in.html", "active_sessions.html"), activity("session")),
    Spec(("recognized_devices.html", "mobile_devices.html"), activity("device")),
    Spec(
        ("your_off-facebook_activity.html", "your_activity_off_meta_technologies.html"),
        off_meta_pages(),
    ),
    Spec(("your_activity_off_meta_technologies_settings.html",), off_meta_settings),
    Spec(
        (
            "advertisers_using_your_activity_or_information.html",
            "advertisers_who_uploaded_a_contact_list_with_your_information.html",
        ),
        advertisers,
    ),
    Spec(("advertisers_you've_interacted_with.html",), advertisers_interacted),
    Spec(("two-factor_authentication.html", "contacts_sync_settings.html"), settings),
)
