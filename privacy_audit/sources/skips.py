"""Warnings for a file of an export that is skipped whole, saying which file and why.

The rest of the export is still read; the warning names the file (never its content) and
gives the reason in the user's language: refused by the archive reader (too large, a zip
bomb, damaged: the refusal's own message), not JSON, nested too deeply, not a readable
web page, or not of the expected shape.
"""

from __future__ import annotations

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_, Translator

SKIPPED_FILE = N_("{file} was skipped: {reason}")
WAS_SKIPPED = N_("The file was skipped.")
NOT_JSON = N_("it is not valid JSON.")
TOO_DEEP = N_("it is nested too deeply to be read safely.")
NOT_HTML = N_("it is not a readable web page.")
ODD_SHAPE = N_("its content does not have the expected shape.")


def refused(tr: Translator, exc: InputError) -> str:
    """The warning for a member the archive reader refused (its own message says why)."""
    return f"{exc.render_what(tr)} {tr.gettext(WAS_SKIPPED)}"


def unreadable(tr: Translator, file: str, exc: Exception, *, html: bool = False) -> str:
    """The warning for a member whose bytes could not be parsed (``exc`` from the parser)."""
    if isinstance(exc, RecursionError) or "depth limit" in str(exc):
        reason = TOO_DEEP
    elif isinstance(exc, ValueError):
        reason = NOT_HTML if html else NOT_JSON
    else:
        reason = ODD_SHAPE
    return tr.gettext(SKIPPED_FILE).format(file=file, reason=tr.gettext(reason))
