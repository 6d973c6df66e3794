"""Print the marked strings that have no Italian translation, as .po entries to fill in.

Usage: python scripts/missing_translations.py [PATH_FILTER]
Only strings extracted from files whose path contains PATH_FILTER are listed. The texts of
the context cards (data in resources/cards/texts.toml) are listed as from that file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir

from privacy_audit.analysis.cardkit import card_texts
from privacy_audit.i18n import translator

PACKAGE = Path(__file__).resolve().parent.parent / "privacy_audit"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "tr": None}


def main() -> None:
    """Print missing entries."""
    path_filter = sys.argv[1] if len(sys.argv) > 1 else ""
    italian = translator("it")
    seen: set[str] = set()
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    cards = [
        ("resources/cards/texts.toml", 0, text, None, None)
        for entries in card_texts().values()
        for text in entries.values()
    ]
    extracted = extract_from_dir(
        str(PACKAGE), method_map=method_map, options_map=options, keywords=KEYWORDS
    )
    for filename, line, message, _c, _x in [*extracted, *cards]:
        if path_filter not in filename:
            continue
        plural = isinstance(message, (list, tuple))
        msgid = message[0] if plural else message
        if not msgid or msgid in seen or italian.has_translation(msgid):
            continue
        seen.add(msgid)
        esc = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
        print(f"#: {filename}:{line}")
        print(f'msgid "{esc(msgid)}"')
        if plural:
            print(f'msgid_plural "{esc(message[1])}"')
            print('msgstr[0] ""\nmsgstr[1] ""\n')
        else:
            print('msgstr ""\n')


if __name__ == "__main__":
    main()
