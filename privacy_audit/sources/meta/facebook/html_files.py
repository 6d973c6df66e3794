"""Facebook (and Messenger) HTML files, as field specs (:mod:`..spec`, :mod:`..spec_html`).

HTML has no ids and localised dates; values are matched by label (any language) and,
where labels are unreliable, by shape (e-mail, phone, IP address). Times of Facebook
HTML are taken as UTC (the export does not say which zone it used). The off-Meta index
page, which reads the business pages it links to, is the one reader written as code
(:mod:`..off_meta_html`).
"""

from __future__ import annotations

from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta import spec_html as sh
from privacy_audit.sources.meta.facebook import uploads as up
from privacy_audit.sources.meta.labels import (
    advertiser_relation,
    is_phone_label,
    norm_label,
)
from privacy_audit.sources.meta.load import Spec
from privacy_audit.sources.meta.off_meta_html import off_meta_pages

_FIELDS = sh.HtmlFields()
_RECORDS = sp.HtmlRecords()


def _full_name(label: str) -> bool:
    return norm_label(label) in ("full_name", "full name")


#: ``profile_information.html``: e-mails and phone numbers by shape (a phone only under a
#: phone label), name and username by label; each field is one identifier at most
profile = sp.identifiers(
    sp.Shape(
        _FIELDS,
        {
            "email": sh.field_shaped("email"),
            "phone": sh.field_shaped("phone", is_phone_label),
            "name": sp.label("name"),
            "username": sp.label("username"),
        },
        first_kind=True,
    ),
)

#: ``autofill_information.html``: e-mails and phones by shape, the full name by label
autofill = sp.identifiers(
    sp.Shape(
        _FIELDS,
        {
            "email": sh.field_shaped("email"),
            "phone": sh.field_shaped("phone"),
            "name": sh.field_labelled(_full_name),
        },
        first_kind=True,
    ),
)

#: ``your_address_books.html``: one row per contact point of a record (a record without
#: any is one row), named by its heading or "Name" field
address_book = sp.FileSpec(
    "contacts",
    sp.Shape(
        sh.HtmlFields(shape="contact", or_one=True),
        {
            "name": sp.parent(sp.first(sp.title(), sp.label("name", sp.TEXT))),
            "point": sp.item(sp.TEXT),
            "created_at": sp.parent(sp.label_time("created")),
        },
    ),
    const={"origin": "address_book"},
    contact_point="point",
)


def names(origin: str) -> sp.FileSpec:
    """Friends / following / followers pages: one record per person."""
    return sp.FileSpec(
        "contacts",
        sp.Shape(
            _RECORDS,
            {"name": sp.first(sp.title(), sp.label("name")), "created_at": sp.label_time("time")},
            require=("name",),
        ),
        const={"origin": origin},
    )


_SERVICE_NAME = sp.first(sp.label("service"), sp.title(sp.RAW))
_SERVICE = sh.convert(_SERVICE_NAME, sp.SERVICE)
_ACCOUNT = sp.first(sp.label("username"), sp.label("name"))
#: ``accounts_center.html``: linked accounts (Instagram, WhatsApp ...), and the e-mails,
#: phone number and username of each, as the identifiers of that service
accounts_center = sp.FileSpec(
    "linked_accounts",
    sp.Shape(
        _RECORDS,
        {"account": _ACCOUNT, "linked_to": _SERVICE, "linked_at": sh.field_time("linked")},
        require=(("account", "linked_to"),),
    ),
    const={"via": "accounts_center"},
    also=(
        sp.identifiers(
            sp.Shape(
                _RECORDS,
                {
                    "_account": _ACCOUNT,
                    "_linked": _SERVICE,
                    "service": sh.convert(_SERVICE_NAME, sp.META_SERVICE),
                    "email": sh.all_shaped("email"),
                    "phone": sp.label("phone"),
                    "username": sp.label("username"),
                },
                require=(("_account", "_linked"),),
            )
        ),
    ),
)

_LOGIN_KINDS = ("login", "account_activity")


def activity(kind: str) -> sp.FileSpec:
    """Logins, account activity, IPs, sessions and devices: one record per event (the
    kind of a login page's event from its action or heading)."""
    action = sh.convert(sp.first(sp.label("action"), sp.title(sp.RAW)), sp.LOGIN_KIND)
    device = sp.label("device")
    return sp.FileSpec(
        "activity",
        sp.Shape(
            _RECORDS,
            {
                "kind": sp.first(action, sp.const(kind))
                if kind in _LOGIN_KINDS
                else sp.const(kind),
                "timestamp": sp.first(sp.label_time("updated"), sp.label_time("time")),
                "ip": sp.first(sp.label("ip"), sh.shaped("ip")),
                "user_agent": sp.label("user_agent"),
                "device": sp.first(device, sp.title(sp.RAW)) if kind == "device" else device,
                "location": sh.joined_labels("city", "region", "country", keys=("location",)),
            },
        ),
    )


#: Off-Meta activity settings: each label becomes ``off_meta.<label>``
off_meta_settings = sp.FileSpec(
    "settings",
    sp.Shape(
        _FIELDS,
        {"key": sh.setting_key("off_meta."), "value": sp.item(sh.NON_EMPTY)},
        require=("key",),
    ),
)

_ADVERTISER = sh.value_or_label()


def _advertisers(relation: sp.Getter | None) -> sp.FileSpec:
    columns: dict[str, sp.Getter] = {"name": _ADVERTISER}
    if relation is not None:
        columns["relation"] = relation
    return sp.FileSpec(
        "advertisers",
        sp.Shape(sh.HtmlFields(or_title=True), columns, require=("name",)),
        const={} if relation is not None else {"relation": "uploaded_list"},
    )


#: Advertisers using your activity or information: one per field (or heading alone),
#: the relation from the label (or heading) it is listed under
advertisers = _advertisers(
    sh.convert(sp.first(sh.field_label(), sp.parent(sp.title(sp.RAW))), advertiser_relation)
)
#: Advertisers who uploaded a contact list with your information
advertisers_uploaded = _advertisers(None)

#: ``advertisers_you've_interacted_with.html``: one record per ad, named by its "Title"
#: row (2024+) or its heading
advertisers_interacted = sp.FileSpec(
    "advertisers",
    sp.Shape(_RECORDS, {"name": sp.first(sp.label("title"), sp.title())}, require=("name",)),
    const={"relation": "interacted"},
)

#: 2FA and contact-upload settings pages: ``two_factor``, else ``settings.<label>``
settings = sp.FileSpec(
    "settings",
    sp.Shape(
        _FIELDS,
        {
            "key": sh.setting_key("settings.", "two_factor"),
            "value": sp.item(sh.ON_OFF_OR_AS_WRITTEN),
        },
        require=("key",),
    ),
)


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
    Spec(("advertisers_using_your_activity_or_information.html",), advertisers),
    Spec(
        ("advertisers_who_uploaded_a_contact_list_with_your_information.html",),
        advertisers_uploaded,
    ),
    Spec(("advertisers_you've_interacted_with.html",), advertisers_interacted),
    Spec(("two-factor_authentication.html", "contacts_sync_settings.html"), settings),
)
