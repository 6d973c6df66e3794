"""The Facebook files the importer reads: file names -> extractor, for JSON and HTML.

Files are found by name anywhere in the tree (every layout, see
:mod:`~privacy_audit.sources.meta.facebook.importer`); the JSON extractors are in
:mod:`.json_files` and :mod:`.activity`, the HTML ones in :mod:`.html_files`.
"""

from __future__ import annotations

from privacy_audit.sources.meta.facebook import activity as act
from privacy_audit.sources.meta.facebook import json_files as fbj
from privacy_audit.sources.meta.facebook import uploads as up
from privacy_audit.sources.meta.load import ServiceFiles, Spec, ThreadReader, skip_folders
from privacy_audit.sources.meta.shape import IG_SCOPE

JSON_SPECS: tuple[Spec, ...] = (
    Spec(("profile_information.json",), fbj.profile),
    Spec(("your_address_books.json",), fbj.address_book),
    Spec(("contacts_uploaded_before_2021.json",), up.contacts_before_2021),
    Spec(
        ("your_imported_contacts.json", "contacts_uploaded_from_your_phone.json"),
        up.imported_contacts,
    ),
    Spec(("people_you_may_know.json",), up.people_you_may_know_json),
    Spec(("suggested_friends.json",), up.suggested_friends_json),
    Spec(("friends_you_see_less.json",), up.friends_you_see_less_json),
    Spec(("your_friends.json", "friends.json"), fbj.name_list("friends", "friends_v2", "friends")),
    Spec(
        ("who_you've_followed.json", "following.json", "people_you_follow.json"),
        fbj.name_list("following", "following_v3", "following_v2", "following"),
    ),
    Spec(
        ("followers.json", "people_who_followed_you.json"),
        fbj.name_list("followers", "followers_v2", "followers"),
    ),
    Spec(("accounts_center.json",), fbj.accounts_center),
    Spec(("call_logs.json",), fbj.phone_logs("call_log", "call_logs")),
    Spec(
        ("message_logs.json",),
        fbj.phone_logs("sms_log", "message_logs.sms_logs", "message_logs.mms_logs"),
    ),
    Spec(("autofill_information.json",), fbj.autofill),
    Spec(("email_address_verifications.json",), fbj.email_verifications),
    Spec(("record_details.json", "administrative_records.json"), fbj.record_details),
    Spec(("two-factor_authentication.json", "two_factor_authentication.json"), fbj.two_factor),
    Spec(("account_activity.json",), act.account_activity),
    Spec(("logins_and_logouts.json",), act.logins),
    Spec(("ip_address_activity.json", "used_ip_addresses.json"), act.ip_activity),
    Spec(("where_you're_logged_in.json", "active_sessions.json"), act.sessions),
    Spec(("recognized_devices.json",), act.recognized_devices),
    Spec(("mobile_devices.json",), act.mobile_devices),
    Spec(("login_protection_data.json",), act.login_protection),
    Spec(("secret_conversations.json",), act.secret_conversations),
    Spec(("your_facebook_activity_history.json",), act.activity_history),
    Spec(
        ("your_off-facebook_activity.json", "your_activity_off_meta_technologies.json"),
        act.off_meta,
    ),
    Spec(
        (
            "your_activity_off_meta_technologies_settings.json",
            "your_off-facebook_activity_settings.json",
        ),
        act.off_meta_settings,
    ),
    Spec(("connected_apps_and_websites.json", "apps_and_websites.json"), act.connected_apps),
    Spec(("advertisers_using_your_activity_or_information.json",), act.advertisers_using),
    Spec(
        ("advertisers_who_uploaded_a_contact_list_with_your_information.json",),
        act.advertisers_uploaded,
    ),
    Spec(("advertisers_you've_interacted_with.json",), act.advertisers_interacted),
    Spec(
        ("contacts_sync_settings.json", "upload_contacts_settings.json"),
        act.contact_settings,
    ),
)

#: Facebook never reads the Instagram part of a combined Accounts Center export
SKIP = skip_folders(*IG_SCOPE)


def html_files() -> tuple[tuple[Spec, ...], ThreadReader]:
    """The HTML extractors and thread reader (imported lazily: lxml work only for HTML)."""
    from privacy_audit.sources.meta.facebook.html_files import HTML_SPECS
    from privacy_audit.sources.meta.html import thread_html

    return HTML_SPECS, thread_html


FACEBOOK = ServiceFiles("facebook", JSON_SPECS, html_files, SKIP)
