"""Tell Facebook, Instagram and Messenger exports apart, with their layout and format.

Only member names are looked at (plus the first bytes of one file for Messenger's
end-to-end-encrypted "secure storage" download). Facebook exports contain
``messages/`` too; an export is Messenger-only when it has message threads but none of
the Facebook profile/friends/activity files and nothing of Instagram (or when its name
says ``messenger-``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from privacy_audit.sources.archive import ExportArchive, Member

FB_FILES = frozenset(
    """profile_information your_address_books accounts_center your_friends friends
    who_you_ve_followed account_activity logins_and_logouts ip_address_activity
    used_ip_addresses where_you_re_logged_in active_sessions recognized_devices mobile_devices
    your_off-facebook_activity record_details administrative_records
    email_address_verifications your_facebook_activity_history people_you_may_know
    received_friend_requests sent_friend_requests removed_friends device_location
    primary_location login_protection_data information_about_your_last_login
    advertisers_who_uploaded_a_contact_list_with_your_information call_logs message_logs
    profile_update_history two-factor_authentication contacts_uploaded_before_2021
    your_imported_contacts contacts_uploaded_from_your_phone suggested_friends
    friends_you_see_less""".split()
)
FB_FOLDERS = (
    "your_facebook_activity",
    "your_activity_across_facebook",
    "apps_and_websites_off_of_facebook",
    "facebook_accounts_center",
    "about_you",
    "friends_and_followers",
    "calls_and_messages",
)
#: Facebook files a Messenger-only export does not have
FB_PROFILE_FILES = frozenset(
    """profile_information your_friends friends who_you_ve_followed people_you_may_know
    received_friend_requests sent_friend_requests removed_friends your_off-facebook_activity
    your_facebook_activity_history profile_update_history suggested_friends
    friends_you_see_less contacts_uploaded_before_2021""".split()
)
IG_FILES = frozenset(
    """personal_information account_information synced_contacts followers_1 following
    close_friends login_activity logout_activity signup_information signup_details devices
    profile_based_in account_based_in instagram_profile_information password_change_activity
    blocked_profiles blocked_accounts pending_follow_requests liked_posts posts_viewed
    ads_viewed videos_watched recently_unfollowed_profiles possible_emails""".split()
)
IG_FOLDERS = (
    "your_instagram_activity",
    "apps_and_websites_off_of_instagram",
    "instagram_ads_and_businesses",
    "login_and_account_creation",
    "login_and_profile_creation",
    "followers_and_following",
    "ads_and_businesses",
)
#: a message thread: ``messages/<folder>/<thread>/message_N`` for any thread folder
#: (``inbox``, ``archived_threads``, ``message_requests``, ``filtered_threads``,
#: ``e2ee_cutover``, Instagram's ``cross-app-inbox`` and any later sibling), or
#: ``messages/<thread>/message_N`` in the oldest exports
THREAD_RE = re.compile(r"(?:^|/)messages/(?:[^/]+/)?[^/]+/message(?:_\d+)?\.(?:json|html)$")
_ROOT_PAGES = ("start_here.html", "index.html")
#: folders that belong to the other service in a combined Accounts Center export
IG_SCOPE = ("instagram-", "your_instagram_activity", "apps_and_websites_off_of_instagram",
            "instagram_ads_and_businesses")  # fmt: skip
FB_SCOPE = ("facebook-", "your_facebook_activity", "your_activity_across_facebook",
            "apps_and_websites_off_of_facebook")  # fmt: skip


def folders_of(folders: list[str], prefixes: tuple[str, ...]) -> bool:
    """True when one of ``folders`` starts with one of ``prefixes``."""
    return any(folder.startswith(prefixes) for folder in folders)


@dataclass
class MetaShape:
    """What a Meta export's member names say."""

    fb: int = 0
    ig: int = 0
    fb_profile: int = 0
    threads: int = 0
    ig_threads: int = 0
    json: int = 0
    html: int = 0
    folders: set[str] = field(default_factory=set)
    name: str = ""

    @property
    def format(self) -> str:
        """``json``, ``html`` or ``mixed``."""
        if self.json and self.html:
            return "mixed"
        return "html" if self.html else "json"


def _stem(member: Member) -> str:
    """``PurePosixPath(member.key).stem`` with string operations (300,000 members)."""
    name = member.key.rstrip("/").rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def shape_of(archive: ExportArchive) -> MetaShape:
    """Count the characteristic Facebook/Instagram/Messenger members of ``archive``."""
    shape = MetaShape(name=archive.display_name.lower())
    for member in archive.members:
        if member.suffix not in (".json", ".html"):
            continue
        key = "/" + member.key
        folders = key.split("/")[1:-1]
        shape.folders.update(folders)
        stem = _stem(member)
        is_thread = bool(THREAD_RE.search(member.key))
        counted = False
        if is_thread:
            if "your_instagram_activity" in folders:
                shape.ig_threads += 1
            else:
                shape.threads += 1
            counted = True
        elif stem in FB_FILES and not folders_of(folders, IG_SCOPE):
            shape.fb += 1
            shape.fb_profile += stem in FB_PROFILE_FILES
            counted = True
        elif stem in IG_FILES and not folders_of(folders, FB_SCOPE):
            shape.ig += 1
            counted = True
        elif stem in (
            "your_activity_off_meta_technologies",
            "autofill_information",
            "advertisers_using_your_activity_or_information",
            "secret_conversations",
            "your_activity_off_meta_technologies_settings",
        ) or (PurePosixPath(member.key).name in _ROOT_PAGES):
            counted = True
        if counted:
            if member.suffix == ".json":
                shape.json += 1
            else:
                shape.html += 1
    shape.fb += sum(1 for f in FB_FOLDERS if f in shape.folders)
    shape.ig += sum(1 for f in IG_FOLDERS if f in shape.folders)
    return shape


def combined_with(shape: MetaShape, other: str) -> bool:
    """True when the export also holds a ``<other>-…`` folder (a combined Accounts Center
    export of several profiles, e.g. ``meta-…/facebook-…/`` + ``meta-…/instagram-…/``)."""
    return any(folder.startswith(f"{other}-") for folder in shape.folders)


def is_messenger_only(archive: ExportArchive, shape: MetaShape) -> bool:
    """True for a Messenger export (DYI of a Messenger account, or its secure storage)."""
    name = shape.name
    if name.startswith(("facebook-", "instagram-")):
        return False
    if name.startswith("messenger-"):
        return shape.threads > 0 or shape.fb > 0 or is_secure_storage(archive)
    if shape.threads and not shape.fb_profile and not shape.ig and not shape.ig_threads:
        return True
    return not shape.fb and not shape.ig and is_secure_storage(archive)


def is_secure_storage(archive: ExportArchive) -> bool:
    """True for Messenger's "secure storage" download: thread JSON files at the root."""
    candidates = [m for m in archive.members if m.suffix == ".json" and m.key.count("/") <= 1]
    if not candidates or len(candidates) * 2 < sum(1 for m in archive.non_media()):
        return False
    for member in candidates[:3]:
        head = archive.head(member)  # empty when unreadable: the real read reports it
        if b'"threadName"' in head or b'"senderName"' in head:
            return True
    return False


def facebook_layout(shape: MetaShape) -> str:
    """facebook-2018 | facebook-2020 | facebook-2023 | facebook-2024."""
    folders = shape.folders
    if "your_facebook_activity" in folders:
        return "facebook-2024"
    if "your_activity_across_facebook" in folders:
        return "facebook-2023"
    if folders & {"about_you", "calls_and_messages", "ads", "friends", "location_history"}:
        return "facebook-2018"
    if folders & {"connections", "logged_information", "personal_information"}:
        return "facebook-2024"
    return "facebook-2020"


def instagram_layout(shape: MetaShape) -> str:
    """instagram-2022 (flat folders) | instagram-2023 (category folders)."""
    category = {
        "your_instagram_activity",
        "connections",
        "security_and_login_information",
        "apps_and_websites_off_of_instagram",
        "preferences",
    }
    return "instagram-2023" if shape.folders & category else "instagram-2022"
