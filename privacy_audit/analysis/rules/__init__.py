"""The finding rules, one function per DESIGN.md finding id, collected in :data:`RULES`."""

from __future__ import annotations

from privacy_audit.analysis.findings import Rule
from privacy_audit.analysis.rules import business, contacts, identity, whatsapp

#: every rule, in DESIGN.md order (the audit sorts the findings afterwards)
RULES: tuple[Rule, ...] = (
    identity.phone_shared_across_services,
    contacts.contacts_uploaded,
    contacts.contacts_shared_across_services,
    contacts.contacts_uploaded_not_friends,
    identity.accounts_center_linked,
    business.off_meta_activity,
    business.advertisers_have_your_contact,
    business.business_chats,
    whatsapp.whatsapp_privacy_settings,
    identity.shared_devices_ips,
    identity.two_factor_off,
    whatsapp.number_exposed_in_groups,
)
