"""Phone numbers to E.164 with the ``phonenumbers`` library (to be completed)."""

from __future__ import annotations

from privacy_audit.model import Evidence


def normalize_evidence(evidence: Evidence, region: str | None = None) -> Evidence:
    """Fill phone_e164/phone_valid everywhere in ``evidence``."""
    return evidence
