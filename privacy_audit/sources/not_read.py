"""Why a file of an export was not read by an importer: the reason codes and their texts.

Plain data (no pandas): :mod:`privacy_audit.sources.sweep` gives the codes, ``inspect``
and the report show the texts.
"""

from __future__ import annotations

from privacy_audit.i18n import N_

#: reason code -> the text shown (inspect, report)
REASONS = {
    "swept": N_("not known to this version; read by shape, nothing to count found"),
    "found": N_("not known to this version; phone numbers or e-mail addresses found by shape"),
    "too_large": N_("not known to this version; too large to read by shape"),
    "budget": N_(
        "not known to this version; not read: the size limit for unknown files of "
        "this export was reached"
    ),
    "unreadable": N_("not known to this version; not valid JSON or HTML"),
    "other_format": N_("not a JSON or HTML data file"),
    "navigation": N_("navigation page of the export"),
}
