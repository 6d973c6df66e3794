"""The personal values of a real pipeline's input: what redaction must leave out."""

from __future__ import annotations

from privacy_audit.analysis.result import AuditResult
from privacy_audit.model import SERVICES, Evidence

#: the persona's names, numbers, e-mails and IPs, column by column
PERSONAL_COLUMNS = [
    ("contacts", "name"),
    ("contacts", "phone_raw"),
    ("contacts", "phone_e164"),
    ("contacts", "email"),
    ("messages", "sender"),
    ("messages", "chat"),
    ("messages", "sender_phone_raw"),
    ("messages", "sender_phone_e164"),
    ("activity", "ip"),
    ("groups", "name"),
    ("linked_accounts", "account"),
]


def personal_values(evidence: Evidence, result: AuditResult) -> set[str]:
    """Every personal value of the input (companies and service names are not)."""
    values: set[str] = set()
    for table, column in PERSONAL_COLUMNS:
        values |= {str(v) for v in evidence.tables[table][column].dropna().unique()}
    ids = evidence.identifiers
    own = ids[ids["kind"].isin(["name", "username", "email", "phone"])]
    values |= {str(v) for v in own["value"].dropna()} | {str(v) for v in own["raw"].dropna()}
    companies = set(result.crossref["advertisers"]["name"]) | set(
        result.crossref["off_meta_top"]["app"]
    )
    return {v for v in values if v not in companies and v.casefold() not in SERVICES}
