"""argparse's own words (usage, option titles, its error messages) in the user's language.

argparse looks its texts up through a module-level ``gettext``; while
:func:`argparse_in` is active that lookup goes to our catalogs instead, so the help and
the usage errors of ``privacy-audit`` are Italian for an Italian user, not half English.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from privacy_audit.i18n import N_, Translator

#: the texts of argparse (Python 3.11+) that reach a user of this command line
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)


@contextmanager
def argparse_in(tr: Translator) -> Iterator[None]:
    """While active, argparse builds, prints and fails in ``tr``'s language."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = tr.gettext, tr.ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
