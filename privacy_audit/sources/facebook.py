"""Importer for Facebook "Download Your Information" exports (JSON and HTML).

Layouts: 2018-19 (``about_you/``, no ``_v2`` keys), 2020-23 flat folders, Dec 2023
``your_activity_across_facebook/``, 2024+ ``your_facebook_activity/`` category folders,
and the 2025-26 ``label_values`` shapes. Files are found by name anywhere in the
tree; which extractor reads which file is listed in :data:`JSON_SPECS` and
:data:`meta_fb_html.HTML_SPECS`.
"""

from __future__ import annotations

from privacy_audit.model import SourceSink
from privacy_audit.sources import meta_fb_activity as act
from privacy_audit.sources import meta_fb_json as fbj
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.meta_detect import (
    IG_SCOPE,
    combined_with,
    facebook_layout,
    is_messenger_only,
    shape_of,
)
from privacy_audit.sources.meta_load import Spec, for_service, load_meta, skip_folders
from privacy_audit.sources.meta_messages import thread_json

JSON_SPECS: tuple[Spec, ...] = (
    Spec(("profile_information.json",), fbj.profile),
    Spec(("your_address_books.json",), fbj.address_book),
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
    Spec(("message_logs.json",), fbj.phone_logs("sms_log", "message_logs", "sms_logs", "mms_logs")),
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
    Spec(
        (
            "advertisers_using_your_activity_or_information.json",
            "advertisers_who_uploaded_a_contact_list_with_your_information.json",
        ),
        act.advertisers,
    ),
    Spec(("advertisers_you've_interacted_with.json",), act.advertisers_interacted),
    Spec(
        ("contacts_sync_settings.json", "upload_contacts_settings.json"),
        act.generic_settings("contacts"),
    ),
)

#: Facebook never reads the Instagram part of a combined Accounts Center export
SKIP = skip_folders(*IG_SCOPE)


def html_specs() -> tuple[Spec, ...]:
    """The HTML extractors (imported lazily: lxml work only for HTML exports)."""
    from privacy_audit.sources.meta_fb_html import HTML_SPECS

    return HTML_SPECS


def html_thread():
    """The HTML message-thread reader."""
    from privacy_audit.sources.meta_html import thread_html

    return thread_html


class FacebookImporter:
    """Facebook DYI exports (see module docstring)."""

    service = "facebook"

    def detect(self, archive: ExportArchive) -> Detection | None:
        """A Facebook detection when Facebook files outnumber nothing else's."""
        shape = shape_of(archive)
        score = shape.fb + shape.threads
        if score == 0 or shape.name.startswith("instagram-") or shape.ig > shape.fb:
            return None
        if is_messenger_only(archive, shape):
            return None
        return Detection("facebook", "dyi", shape.format, facebook_layout(shape), score)

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Read every known Facebook file of ``archive`` into ``sink``."""
        want_html = detection.format in ("html", "mixed")
        load_meta(
            archive,
            detection,
            sink,
            ctx,
            json_specs=JSON_SPECS,
            html_specs=html_specs() if want_html else (),
            threads=thread_json,
            html_threads=html_thread() if want_html else None,
            skip=SKIP,
        )
        if combined_with(shape_of(archive), "instagram"):  # Accounts Center export: IG part
            from privacy_audit.sources.instagram import load_part

            load_part(archive, detection, for_service(sink, "instagram"), ctx)


IMPORTER = FacebookImporter()
