"""The finding rules, one function per DESIGN.md finding id: :data:`RULES` and :func:`evaluate`.

Each rule lives in the module of its subject (``identity``, ``contacts``, ``business``,
``whatsapp``) and is built with :mod:`privacy_audit.analysis.rulekit`.
"""

from __future__ import annotations

from privacy_audit.analysis.result import SEVERITIES, Finding
from privacy_audit.analysis.rulekit import Rule, RuleContext
from privacy_audit.analysis.rules import business, contacts, identity, suggestions, whatsapp

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
    suggestions.contacts_suggested_as_friends,
)


def evaluate(ctx: RuleContext) -> list[Finding]:
    """Run every rule; findings ordered by severity, then points, then id."""
    found = [f for rule in RULES if (f := rule(ctx)) is not None]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda f: (order[f.severity], -f.points, f.id))
