"""Hand-made Evidence for the analysis tests, built with model.EvidenceBuilder."""

from __future__ import annotations

from typing import Any

from privacy_audit.analysis import crossref as xr
from privacy_audit.analysis.rulekit import RuleContext
from privacy_audit.i18n import translator
from privacy_audit.model import Evidence, EvidenceBuilder, SourceInfo, SourceSink

LAYOUTS = {
    ("facebook", "dyi"): "facebook-2024",
    ("instagram", "dyi"): "instagram-2023",
    ("messenger", "dyi"): "messenger-2024",
    ("whatsapp", "account_report"): "whatsapp-report-2022",
    ("whatsapp", "chat"): "whatsapp-chat-android",
}
FILES = {
    "identifiers": "personal_information/profile_information.json",
    "contacts": "your_address_books.json",
    "activity": "security_and_login_information/account_activity.json",
    "off_platform": "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
    "advertisers": "ads_information/advertisers_using_your_activity_or_information.json",
    "linked_accounts": "facebook_accounts_center/accounts_center.json",
    "settings": "settings.json",
    "messages": "chat.txt",
    "groups": "whatsapp_connections/groups.json",
    "suggestions": "connections/friends/people_you_may_know.json",
}


class Factory:
    """Adds rows per (service, kind) source and builds the Evidence."""

    def __init__(self) -> None:
        self.builder = EvidenceBuilder()
        self.sinks: dict[tuple[str, str], SourceSink] = {}

    def source(self, service: str, kind: str | None = None) -> SourceSink:
        kind = kind or ("dyi" if service != "whatsapp" else "account_report")
        if (service, kind) not in self.sinks:
            info = SourceInfo(
                f"{service}-{kind}.zip", service, kind, "json", LAYOUTS[(service, kind)]
            )
            self.sinks[(service, kind)] = self.builder.source(info)
        return self.sinks[(service, kind)]

    def add(self, service: str, table: str, src: str | None = None, **row: Any) -> Factory:
        row.setdefault("source_file", FILES[table])
        self.source(service, src).add(table, **row)
        return self

    def build(self) -> Evidence:
        return self.builder.build()


def context(evidence: Evidence, lang: str = "en") -> RuleContext:
    """The rule context the audit would build for ``evidence``."""
    return RuleContext(
        evidence=evidence,
        tables=xr.crossref(evidence),
        tr=translator(lang),
        services=evidence.services(),
    )


ME = "+393470000001"


def full_factory() -> Factory:
    """Evidence that raises every finding id (small, hand-made)."""
    f = Factory()
    for service in ("facebook", "instagram", "whatsapp"):
        f.add(service, "identifiers", kind="phone", value=ME, raw=ME, valid=True)
    f.add("facebook", "identifiers", kind="email", value="me@example.it")
    f.add("instagram", "identifiers", kind="email", value="ME@example.it")
    f.add("facebook", "identifiers", kind="name", value="Giulia Prova")
    # uploads: 3 people on Facebook, 1 on Instagram; friends: Anna only
    f.add(
        "facebook",
        "contacts",
        origin="address_book",
        name="Marco Rossi",
        phone_e164="+393470000010",
        created_at=1_600_000_000,
    )
    f.add(
        "facebook",
        "contacts",
        origin="address_book",
        name="Anna Bianchi",
        phone_e164="+393470000011",
        created_at=1_650_000_000,
    )
    f.add(
        "facebook",
        "contacts",
        origin="address_book",
        name="Luca Verdi",
        email="luca@example.org",
        created_at=1_700_000_000,
    )
    f.add(
        "instagram",
        "contacts",
        origin="synced_contacts",
        name="Sara Neri",
        phone_e164="+393470000013",
        created_at=1_710_000_000,
    )
    f.add("facebook", "contacts", origin="friends", name="Anna Bianchi")
    # WhatsApp: Marco by number (confirmed), Sara by name only (probable)
    f.add("whatsapp", "contacts", origin="whatsapp_contacts", phone_e164="+393470000010")
    f.add("whatsapp", "contacts", src="chat", origin="chat_participant", name="sara  NERI")
    # friend suggestions: Marco by number (confirmed), Luca by name (probable), a stranger
    f.add(
        "facebook",
        "suggestions",
        origin="people_you_may_know",
        phone_raw="+393470000010",
        phone_e164="+393470000010",
        suggested_at=1_720_000_000,
    )
    f.add(
        "facebook",
        "suggestions",
        origin="suggested_friends",
        name="Luca  Verdi",
        suggested_at=1_710_000_000,
    )
    f.add("facebook", "suggestions", origin="people_you_may_know", name="Piero Sconosciuto")
    # same IP and device on two services
    f.add(
        "facebook",
        "activity",
        kind="login",
        ip="203.0.113.17",
        device="Pixel 8",
        timestamp=1_700_000_000,
    )
    f.add(
        "instagram",
        "activity",
        kind="login",
        ip="203.0.113.17",
        device="pixel 8",
        timestamp=1_700_100_000,
    )
    f.add("whatsapp", "activity", kind="registration", timestamp=1_400_000_000)
    f.add("facebook", "off_platform", app="Viaggi Sole", event="PURCHASE", timestamp=1_700_000_000)
    f.add("facebook", "off_platform", app="Viaggi Sole", event="SEARCH", timestamp=1_700_003_600)
    f.add("facebook", "off_platform", app="Moda Rapida", event="VIEW", timestamp=1_700_007_200)
    f.add("facebook", "advertisers", name="Viaggi Sole S.r.l.", relation="uploaded_list")
    f.add("facebook", "advertisers", name="Vela Blu", relation="uploaded_list")
    f.add("facebook", "advertisers", name="Moda Rapida", relation="used_activity")
    f.add(
        "facebook",
        "linked_accounts",
        account="giulia",
        linked_to="instagram",
        via="accounts_center",
        linked_at=1_620_000_000,
    )
    f.add(
        "facebook",
        "linked_accounts",
        account="Giulia",
        linked_to="whatsapp",
        via="accounts_center",
        linked_at=1_760_000_000,
    )
    f.add("facebook", "settings", key="two_factor", value="on")
    f.add("whatsapp", "settings", key="two_step_verification", value="false")
    f.add("whatsapp", "settings", key="last_seen", value="everyone")
    f.add("whatsapp", "settings", key="profile_photo", value="everyone")
    f.add("whatsapp", "settings", key="status", value="contacts")
    f.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="Viaggi Sole",
        is_group=False,
        sender="Viaggi Sole",
        timestamp=1_700_010_000,
    )
    f.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="Viaggi Sole",
        is_group=False,
        sender="Giulia Prova",
        timestamp=1_700_010_100,
    )
    # a group of 12 strangers plus Marco (a contact) and the user
    for i in range(12):
        f.add(
            "whatsapp",
            "messages",
            src="chat",
            chat="Calcetto",
            is_group=True,
            sender=f"+39 347 000 02{i:02d}",
            sender_phone_raw=f"+39 347 000 02{i:02d}",
            timestamp=1_700_020_000 + i,
        )
    f.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="Calcetto",
        is_group=True,
        sender="Marco",
        sender_phone_e164="+393470000010",
        timestamp=1_700_030_000,
    )
    return f
