"""Importer for Instagram "Download Your Information" exports (JSON and HTML).

Layouts: <=2022 flat folders (``contacts/``, ``login_and_account_creation/``...) and
2023+ category folders (``connections/``, ``security_and_login_information/``,
``your_instagram_activity/``), including the 2025 ``label_values`` shapes. Instagram
HTML shows times at UTC-8; they are converted to UTC.
"""

from __future__ import annotations

from privacy_audit.model import SourceSink
from privacy_audit.sources import meta_fb_activity as act
from privacy_audit.sources import meta_fb_json as fbj
from privacy_audit.sources import meta_ig_json as igj
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.meta_detect import (
    FB_SCOPE,
    combined_with,
    instagram_layout,
    shape_of,
)
from privacy_audit.sources.meta_load import Spec, for_service, load_meta, skip_folders
from privacy_audit.sources.meta_messages import thread_json

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
        igj.logins("registration", "account_history_registration_info"),
    ),
    Spec(("devices.json",), igj.devices),
    Spec(("advertisers_using_your_activity_or_information.json",), act.advertisers),
    Spec(("your_activity_off_meta_technologies.json",), act.off_meta),
    Spec(("your_activity_off_meta_technologies_settings.json",), act.off_meta_settings),
    Spec(("two-factor_authentication.json", "two_factor_authentication.json"), fbj.two_factor),
    Spec(("autofill_information.json",), fbj.autofill),
)

#: Instagram never reads the Facebook part of a combined Accounts Center export
SKIP = skip_folders(*FB_SCOPE)


class InstagramImporter:
    """Instagram DYI exports (see module docstring)."""

    service = "instagram"

    def detect(self, archive: ExportArchive) -> Detection | None:
        """An Instagram detection when Instagram files are there and outnumber Facebook's."""
        shape = shape_of(archive)
        named = shape.name.startswith("instagram-")
        if shape.name.startswith(("facebook-", "messenger-")):
            return None
        if (shape.ig == 0 and not (named and shape.threads)) or shape.fb > shape.ig:
            return None
        score = shape.ig + shape.ig_threads + (shape.threads if not shape.fb else 0)
        return Detection("instagram", "dyi", shape.format, instagram_layout(shape), score)

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Read every known Instagram file of ``archive`` into ``sink``."""
        load_part(archive, detection, sink, ctx)
        if combined_with(shape_of(archive), "facebook"):  # Accounts Center export: FB part
            from privacy_audit.sources.facebook import JSON_SPECS as FB_JSON
            from privacy_audit.sources.facebook import SKIP as FB_SKIP
            from privacy_audit.sources.facebook import html_specs, html_thread

            html = detection.format in ("html", "mixed")
            load_meta(
                archive, detection, for_service(sink, "facebook"), ctx,
                json_specs=FB_JSON, html_specs=html_specs() if html else (),
                threads=thread_json, html_threads=html_thread() if html else None, skip=FB_SKIP,
            )  # fmt: skip


def load_part(
    archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
) -> None:
    """Read the Instagram files of ``archive`` (outside any Facebook folder) into ``sink``."""
    want_html = detection.format in ("html", "mixed")
    html_specs: tuple[Spec, ...] = ()
    html_threads = None
    if want_html:
        from privacy_audit.sources.meta_html import thread_html_ig
        from privacy_audit.sources.meta_ig_html import HTML_SPECS

        html_specs, html_threads = HTML_SPECS, thread_html_ig
    load_meta(
        archive, detection, sink, ctx,
        json_specs=JSON_SPECS, html_specs=html_specs,
        threads=thread_json, html_threads=html_threads, skip=SKIP,
    )  # fmt: skip


IMPORTER = InstagramImporter()
