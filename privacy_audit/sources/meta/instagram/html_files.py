"""Instagram HTML files, as field specs (:mod:`..spec`, :mod:`..spec_html`); times at
UTC-8. Files shaped like Facebook's are read by Facebook's specs."""

from __future__ import annotations

from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta import spec_html as sh
from privacy_audit.sources.meta.facebook import html_files as fbh
from privacy_audit.sources.meta.html import INSTAGRAM_OFFSET
from privacy_audit.sources.meta.load import Spec
from privacy_audit.sources.meta.off_meta_html import off_meta_pages

_TZ = INSTAGRAM_OFFSET
_RECORDS = sp.HtmlRecords(_TZ)

#: ``personal_information.html`` / ``instagram_profile_information.html``: an e-mail or
#: phone number only when the value has that shape
personal_information = sp.identifiers(
    sp.Shape(
        _RECORDS,
        {
            "email": sp.label("email", conv=sp.EMAIL),
            "phone": sp.label("phone", conv=sp.PHONE),
            "username": sp.label("username"),
            "name": sp.label("name"),
        },
    )
)

#: ``account_information.html``: the contact syncing and 2FA settings of each record
account_information = sp.FileSpec(
    "settings",
    sp.Shape(
        sh.HtmlLabelled(("contact_syncing", "two_factor")),
        {"key": sh.field_label(), "value": sp.item(sh.ON_OFF_OR_AS_WRITTEN)},
    ),
)

_FULL_NAME = sp.join(sp.label("first_name"), sp.label("last_name"), sep=" ", distinct=False)

#: ``synced_contacts.html``: one record per synced phone contact (first and last name,
#: else the heading; the contact point by label, else the first value shaped like one)
synced_contacts = sp.FileSpec(
    "contacts",
    sp.Shape(
        _RECORDS,
        {
            "_name": _FULL_NAME,
            "name": sp.first(_FULL_NAME, sp.title()),
            "point": sp.first(sp.label("contact_info"), sh.shaped("contact")),
            "created_at": sh.field_time("imported_time"),
        },
        require=(("_name", "point"),),
    ),
    const={"origin": "synced_contacts"},
    contact_point="point",
)


def relations(origin: str) -> sp.FileSpec:
    """Followers / following: one record per account (its heading, else its first value,
    else the name in its link)."""
    return sp.FileSpec(
        "contacts",
        sp.Shape(
            _RECORDS,
            {
                "name": sp.first(sp.title(sp.RAW), sh.first_value(), sh.link_name()),
                "created_at": sp.label_time("time"),
            },
            require=("name",),
        ),
        const={"origin": origin},
    )


def logins(kind: str) -> sp.FileSpec:
    """Login / logout / signup / devices pages: one event per record (a device named by
    its user agent when it has no name; signup's e-mail, phone and username are the
    user's own identifiers)."""
    device = sp.label("device")
    agent = sp.label("user_agent")
    also: tuple[sp.FileSpec, ...] = ()
    if kind == "registration":
        also = (
            sp.identifiers(
                sp.Shape(
                    _RECORDS,
                    {
                        "email": sp.label("email"),
                        "phone": sp.label("phone"),
                        "username": sp.label("username"),
                    },
                )
            ),
        )
    return sp.FileSpec(
        "activity",
        sp.Shape(
            _RECORDS,
            {
                "timestamp": sp.label_time("last_login" if kind == "device" else "time"),
                "ip": sp.first(sp.label("ip"), sh.shaped("ip")),
                "user_agent": agent,
                "device": sp.first(device, agent) if kind == "device" else device,
            },
        ),
        const={"kind": kind},
        also=also,
    )


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
