"""The Instagram files the importer reads: file names -> extractor, for JSON and HTML.

The Instagram-only JSON extractors are in :mod:`.json_files`, the HTML ones in
:mod:`.html_files`; files shaped like Facebook's are read by Facebook's extractors.
"""

from __future__ import annotations

from privacy_audit.sources.meta.facebook import activity as act
from privacy_audit.sources.meta.facebook import json_files as fbj
from privacy_audit.sources.meta.instagram import json_files as igj
from privacy_audit.sources.meta.load import ServiceFiles, Spec, ThreadReader, skip_folders
from privacy_audit.sources.meta.shape import FB_SCOPE

_FOLLOWERS = ("followers.json", *(f"followers_{i}.json" for i in range(1, 100)))

JSON_SPECS: tuple[Spec, ...] = (
    Spec(
        ("personal_information.json", "instagram_profile_information.json"),
        igj.personal_information,
    ),
    Spec(("account_information.json",), igj.account_information),
    Spec(("synced_contacts.json",), igj.synced_contacts),
    Spec(_FOLLOWERS, igj.relations("followers", "relationships_followers")),
    Spec(("following.json",), igj.relations("following", "relationships_following")),
    Spec(("login_activity.json",), igj.logins("login", "account_history_login_history")),
    Spec(("logout_activity.json",), igj.logins("logout", "account_history_logout_history")),
    Spec(
        ("signup_information.json", "signup_details.json"),
        igj.signup("account_history_registration_info"),
    ),
    Spec(("devices.json",), igj.devices),
    Spec(("advertisers_using_your_activity_or_information.json",), act.advertisers_using),
    Spec(("your_activity_off_meta_technologies.json",), act.off_meta),
    Spec(("your_activity_off_meta_technologies_settings.json",), act.off_meta_settings),
    Spec(("two-factor_authentication.json", "two_factor_authentication.json"), fbj.two_factor),
    Spec(("autofill_information.json",), fbj.autofill),
)

#: Instagram never reads the Facebook part of a combined Accounts Center export
SKIP = skip_folders(*FB_SCOPE)


def html_files() -> tuple[tuple[Spec, ...], ThreadReader]:
    """The HTML extractors and thread reader (imported lazily: lxml work only for HTML)."""
    from privacy_audit.sources.meta.html import thread_html_ig
    from privacy_audit.sources.meta.instagram.html_files import HTML_SPECS

    return HTML_SPECS, thread_html_ig


INSTAGRAM = ServiceFiles("instagram", JSON_SPECS, html_files, SKIP)
