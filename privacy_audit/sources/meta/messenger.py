"""Importer for Messenger-only exports (JSON and HTML).

Two kinds: the "Download Your Information" export of a Messenger account (message
threads, uploaded address book, autofill, devices — the Facebook file formats without
the Facebook profile), and the end-to-end-encrypted chats' "secure storage" download
(one JSON file per thread at the root, camelCase keys). Facebook exports also contain
``messages/``; :func:`.shape.is_messenger_only` tells them apart.
"""

from __future__ import annotations

from collections import Counter

from privacy_audit.model import SourceSink
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.meta.facebook import activity as act
from privacy_audit.sources.meta.facebook import json_files as fbj
from privacy_audit.sources.meta.load import Spec, load_meta, skip_folders
from privacy_audit.sources.meta.messages import thread_json
from privacy_audit.sources.meta.reader import MetaReader
from privacy_audit.sources.meta.shape import is_messenger_only, is_secure_storage, shape_of

JSON_SPECS: tuple[Spec, ...] = (
    Spec(("your_address_books.json",), fbj.address_book),
    Spec(
        ("messenger_contacts.json", "your_messenger_contacts.json"),
        fbj.name_list("messenger_contacts", "messenger_contacts_v2", "contacts_v2", "contacts"),
    ),
    Spec(("accounts_center.json",), fbj.accounts_center),
    Spec(("autofill_information.json",), fbj.autofill),
    Spec(("profile_information.json",), fbj.profile),
    Spec(("secret_conversations.json",), act.secret_conversations),
    Spec(("logins_and_logouts.json",), act.logins),
    Spec(("where_you're_logged_in.json", "active_sessions.json"), act.sessions),
    Spec(("ip_address_activity.json",), act.ip_activity),
    Spec(("two-factor_authentication.json", "two_factor_authentication.json"), fbj.two_factor),
    Spec(
        ("contacts_sync_settings.json", "upload_contacts_settings.json"),
        act.contact_settings,
    ),
)

SKIP = skip_folders("instagram-", "your_instagram_activity")


def _secure_storage_threads(reader: MetaReader) -> list[Member]:
    return [m for m in reader.archive.members if m.suffix == ".json" and m.key.count("/") <= 1]


def chat_owner(threads: list[tuple[str, str | None, list[str]]]) -> str | None:
    """The account owner: in every thread, never the title of a one-to-one chat."""
    if not threads:
        return None
    common = set(threads[0][2]).intersection(*(set(p) for _f, _t, p in threads[1:]))
    titles = {title for _f, title, people in threads if len(people) == 2}
    candidates = common - titles
    if len(candidates) == 1:
        return candidates.pop()
    lasts = Counter(people[-1] for _f, _t, people in threads if people and people[-1] in common)
    return lasts.most_common(1)[0][0] if lasts else None


def add_chat_contacts(reader: MetaReader) -> None:
    """Everyone the user chatted with, as ``messenger_contacts`` (the owner left out)."""
    owner = chat_owner(reader.thread_people)
    added: set[str] = set()
    for path, _title, people in reader.thread_people:
        for name in people:
            if name != owner and name not in added:
                added.add(name)
                reader.sink.add(
                    "contacts", origin="messenger_contacts", name=name, source_file=path
                )


class MessengerImporter:
    """Messenger-only exports (see module docstring)."""

    service = "messenger"

    def detect(self, archive: ExportArchive) -> Detection | None:
        """A Messenger detection for Messenger-only exports, else None."""
        shape = shape_of(archive)
        if not is_messenger_only(archive, shape):
            return None
        if shape.threads == 0 and is_secure_storage(archive):
            return Detection("messenger", "dyi", "json", "messenger-e2ee", 2)
        return Detection(
            "messenger", "dyi", shape.format, "messenger-2024", max(1, shape.threads + shape.fb)
        )

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Read the threads and the Messenger account files of ``archive`` into ``sink``."""
        want_html = detection.format in ("html", "mixed")
        html_specs: tuple[Spec, ...] = ()
        html_threads = None
        if want_html:
            from privacy_audit.sources.meta.facebook.html_files import HTML_SPECS
            from privacy_audit.sources.meta.html import thread_html

            html_specs, html_threads = HTML_SPECS, thread_html
        secure = detection.layout == "messenger-e2ee"
        reader = load_meta(
            archive,
            detection,
            sink,
            ctx,
            json_specs=() if secure else JSON_SPECS,
            html_specs=html_specs,
            threads=thread_json,
            html_threads=html_threads,
            skip=SKIP,
            extra=_secure_storage_threads if secure else None,
        )
        add_chat_contacts(reader)


IMPORTER = MessengerImporter()
