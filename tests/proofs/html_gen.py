"""Meta-like HTML pages, well-formed or broken, for the HTML importers."""

from __future__ import annotations

import html
import random

RECORD = (
    '<section class="_a6-g"><h2 class="_2ph_ _a6-h">{title}</h2>'
    '<div class="_2pi8 _2pic _a6-p"><table>'
    '<tr><td class="_a6_q">{label}</td><td class="_2piu _a6_r">{value}</td></tr>'
    '<tr><td colspan="2" class="_a6_q">{label}<div><div>{value}</div></div></td></tr>'
    "</table></div>"
    '<footer class="_3-94 _a6-o"><div class="_a72d">{date}</div></footer></section>'
)
OLD_RECORD = (
    '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">'
    '<h2 class="_3-95 _2pim _a6-h _a6-i">{title}</h2>'
    '<div class="_3-95 _a6-p"><div><div>{value}</div></div></div>'
    '<div class="_3-94 _a6-o">{date}</div></div>'
)
LABELS = ("Phone number", "Email", "Name", "IP address", "Contacts", "Device", "Updated", "")
VALUES = (
    "+39 333 555 0101", "giulia@example.com", "Giulia Ferraro", "203.0.113.9", "iPhone 15",
    "", "—", "Nov 14, 2023 10:13:20 pm",
)  # fmt: skip
DATES = (
    "Nov 14, 2023 10:13:20 pm", "Aug 09, 2026 9:49 am", "Feb 30, 2024 25:61:99 pm",
    "31 dic 2023, 24:00", "0000-00-00", "", "Jan 01, 99999 1:00 am", "yesterday",
)  # fmt: skip


def page(rng: random.Random, records: int = 6, old: bool = False) -> str:
    """A well-formed Meta-like page with ``records`` records."""
    body = []
    for _ in range(records):
        template = OLD_RECORD if old else RECORD
        body.append(
            template.format(
                title=html.escape(rng.choice(LABELS) or "Record"),
                label=html.escape(rng.choice(LABELS)),
                value=html.escape(rng.choice(VALUES)),
                date=html.escape(rng.choice(DATES)),
            )
        )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Export</title></head>'
        '<body><div class="_li"><main class="_a706">'
        + "".join(body)
        + "</main></div></body></html>"
    )


#: what an external entity would pull in (the XXE page points at a file holding it)
SECRET = "XXE-SECRET-7f3a9c"


def broken_pages(rng: random.Random, secret_file: str = "/nonexistent") -> dict[str, bytes]:
    """Named kinds of broken markup, each built from a well-formed page."""
    good = page(rng, 8)
    cut = good.encode()
    return {
        "truncated": cut[: len(cut) // 2],
        "truncated-in-tag": cut[: cut.index(b"<td") + 5],
        "no-closing-tags": good.replace("</td>", "")
        .replace("</tr>", "")
        .replace("</section>", "")
        .encode(),
        "unbalanced": (good.replace("<table>", "</table><table><table>")).encode(),
        "deep-divs": (
            "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 10 + "</body></html>"
        ).encode(),
        "deep-tables": ("<table><tr><td>" * 5_000).encode(),
        "nul-bytes": good.replace("_a6_r", "_a6\x00_r").encode() + b"\x00" * 100,
        "invalid-utf8": cut.replace(b"Giulia", b"Giu\xff\xfe\xc3lia") + b"\xed\xa0\x80",
        "utf16": good.encode("utf-16"),
        "binary": bytes(rng.getrandbits(8) for _ in range(4096)),
        "empty": b"",
        "only-comment": b"<!--" + cut,
        "cdata-and-pi": b"<?xml version='1.0'?><![CDATA[" + cut + b"<?php echo 1; ?>",
        "bad-entities": good.replace("Giulia", "&#x110000;&#0;&bogus;&#99999999999;").encode(),
        "huge-attribute": ('<div class="' + "_a6-g " * 200_000 + '">x</div>').encode(),
        "xxe": (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret_file}">'
            '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
            # the entity in every value cell and every name: where the importers read
            + good.replace('_a6_r">', '_a6_r">&x;').replace("Giulia Ferraro", "&x;&d;&d;&d;")
        ).encode(),
        "script-and-style": good.replace(
            "<main",
            "<script>while(1){}</script><style>@import 'http://192.0.2.1/x.css'</style><main",
        ).encode(),
        "old-layout": page(rng, 8, old=True).encode(),
    }
