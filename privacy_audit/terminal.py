"""Text printed to a terminal: names from exports neutralised, one line stays one line.

File, member and chat names are chosen by other people. Printed raw, an escape
sequence can change the terminal's title, clear the screen or hide a line; a carriage
return or a newline can forge a line; a right-to-left override can reorder what is
shown. Everything the command line prints goes through :func:`safe_line` or
:func:`safe_text` (each control replaced by U+FFFD), and JSON through :func:`safe_json`
(the same characters written as ``\\uXXXX`` escapes: the data is unchanged).
"""

from __future__ import annotations

import re

#: C0 controls (tab, newline and carriage return too), DEL, C1 controls, and the
#: bidirectional embedding, override and isolate controls
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: the same in UTF-8 JSON: orjson escapes C0 itself; DEL, C1 and bidi stay raw
_JSON_UNSAFE = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def safe_line(text: str) -> str:
    """``text`` for one line of a terminal: every control character becomes U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def safe_text(text: str) -> str:
    """Several lines for a terminal: the newlines kept, every other control neutralised."""
    return "\n".join(safe_line(line) for line in text.split("\n"))


def safe_json(data: bytes) -> bytes:
    """UTF-8 JSON with DEL, C1 and bidi controls written as ``\\u`` escapes (same data)."""
    return _JSON_UNSAFE.sub(lambda m: b"\\u%04x" % ord(m.group().decode("utf-8")), data)
