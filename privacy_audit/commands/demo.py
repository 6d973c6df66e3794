"""``privacy-audit demo PERSONA -o DIR [--scale N]``: write synthetic demo exports.

Prints one line per file written (stdout), so the output can be fed to
``privacy-audit inspect`` or ``audit``.
"""

from __future__ import annotations

import argparse

from privacy_audit.demo import PERSONAS, write_persona
from privacy_audit.i18n import Translator
from privacy_audit.terminal import safe_line


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Write the persona's exports into ``args.output``; exit code 0."""
    paths = write_persona(args.persona, args.output, scale=args.scale)
    persona = PERSONAS[args.persona.strip().lower()]
    header = tr.ngettext(
        "Wrote {count} demo export of persona '{name}':",
        "Wrote {count} demo exports of persona '{name}':",
        len(paths),
    )
    print(tr.gettext(persona.description))
    print(header.format(count=len(paths), name=persona.key))
    for path in paths:
        print(f"  {safe_line(str(path))}")
    return 0
