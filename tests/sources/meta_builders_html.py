"""HTML versions of the synthetic Meta exports, shaped like Meta's pages.

Records are ``<section class="_a6-g">`` (2023+ layouts) or the older
``<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">`` blocks, with an ``<h2>``
title, ``<table>`` rows (``<td class="_a6_q">label</td><td class="_2piu _a6_r">value</td>``
or a ``colspan`` cell with nested values) and a footer date. Facebook dates are written
in UTC ("Nov 14, 2023 10:13:20 pm"); Instagram dates at UTC-8 without seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import PurePosixPath
from typing import Any

Rows = Iterable[tuple[str, Any]]


def fb_date(ts: int | None) -> str:
    """A Facebook HTML date (English, UTC)."""
    if not ts:
        return ""
    moment = datetime.fromtimestamp(ts, UTC)
    return moment.strftime("%b %d, %Y ") + moment.strftime("%I:%M:%S %p").lstrip("0").lower()


def ig_date(ts: int | None) -> str:
    """An Instagram HTML date (English, UTC-8, no seconds)."""
    if not ts:
        return ""
    moment = datetime.fromtimestamp(ts, UTC) - timedelta(hours=8)
    return moment.strftime("%b %d, %Y ") + moment.strftime("%I:%M %p").lstrip("0").lower()


def section(
    title: str = "",
    rows: Rows = (),
    lists: Rows = (),
    date: str = "",
    old: bool = False,
    href: str | None = None,
) -> str:
    """One record block."""
    cells = "".join(
        f'<tr><td class="_2pin _a6_q">{escape(str(k))}</td>'
        f'<td class="_2piu _a6_r">{escape(str(v))}</td></tr>'
        for k, v in rows
        if v not in (None, "")
    )
    for label, values in lists:
        inner = "".join(f"<div><div>{escape(str(v))}</div></div>" for v in values)
        cells += f'<tr><td colspan="2" class="_2pin _a6_q">{escape(label)}{inner}</td></tr>'
    head = escape(title)
    if href:
        head = f'<a href="{escape(href)}">{head}</a>'
    table = (
        f'<div class="_2pi8 _2pic _a6-p"><table style="table-layout: fixed;">{cells}</table></div>'
    )
    if old:
        return (
            f'<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">'
            f'<h2 class="_3-95 _2pim _a6-h _a6-i">{head}</h2>{table}'
            f'<div class="_3-94 _a6-o">{escape(date)}</div></div>'
        )
    return (
        f'<section class="_a6-g"><h2 class="_2ph_ _a6-h _a6-i">{head}</h2>{table}'
        f'<footer class="_3-94 _a6-o"><div class="_a72d">{escape(date)}</div></footer>'
        "</section>"
    )


def page(title: str, blocks: Iterable[str], header: str = "") -> str:
    """A whole page in Meta's skeleton."""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'</head><body class="_5vb_ _2yq _a7o5"><div class="_li"><div class="_a705">'
        f'<main class="_a706" role="main">{header}{"".join(blocks)}</main></div></div>'
        "</body></html>"
    )


def message_page(doc: dict[str, Any], date: Any) -> str:
    """A message thread page: participants line, one old-style block per message."""
    people = [p["name"] if isinstance(p, dict) else p for p in doc["participants"]]
    listed = f"{', '.join(people[:-1])} and {people[-1]}"
    header = f'<div class="_a6-p">Participants: {escape(listed)}</div>'
    blocks = []
    for msg in doc["messages"]:
        if msg.get("is_unsent"):
            body = f"{escape(msg['sender_name'])} unsent a message."
        elif msg.get("photos"):
            body = '<div><a href="photos/1.jpg"><img src="photos/1.jpg"></a></div>'
        elif "call_duration" in msg:
            body = "The call ended."
        else:
            body = f"<div><div>{escape(msg.get('content', ''))}</div></div>"
        blocks.append(
            '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">'
            f'<h2 class="_3-95 _2pim _a6-h _a6-i">{escape(msg["sender_name"])}</h2>'
            f'<div class="_3-95 _a6-p"><div>{body}</div></div>'
            f'<div class="_3-94 _a6-o">{escape(date(msg["timestamp_ms"] // 1000))}</div></div>'
        )
    return page(doc.get("title", ""), blocks, header)


def _first_list(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    for value in doc.values():
        if isinstance(value, list):
            return value
        if isinstance(value, dict):
            inner = _first_list(value)
            if inner:
                return inner
    return []


def _advertisers(doc: Any) -> list[tuple[str, list[str]]]:
    uploaded, used = [], []
    if "label_values" in doc:
        return [(lv["label"], [v["value"] for v in lv["vec"]]) for lv in doc["label_values"]]
    for item in _first_list(doc):
        if isinstance(item, str):
            uploaded.append(item)
        elif item.get("has_data_file_custom_audience"):
            uploaded.append(item["advertiser_name"])
        else:
            used.append(item["advertiser_name"])
    return [
        ("A list uploaded or used by the advertiser", uploaded),
        ("Your activity on their app or website", used),
    ]


def _off_meta(path: str, doc: Any, date: Any, old: bool) -> dict[str, str]:
    folder = str(PurePosixPath(path).parent)
    sub = "your_activity_off_meta_technologies"
    pages, blocks = {}, []
    for index, business in enumerate(_first_list(doc)):
        name = business.get("name") or business.get("title")
        if "label_values" in business:  # 2026 records: the labels as the export has them
            events = [
                [(d["label"], date(d["timestamp_value"]) if "timestamp_value" in d else d["value"])
                 for d in e["dict"]]
                for e in business["label_values"][0]["vec"]
            ]  # fmt: skip
        else:
            events = [
                [("ID", e.get("id")), ("Event", e["type"]), ("Received on", date(e["timestamp"]))]
                for e in business["events"]
            ]
        link = f"{sub}/{name.lower().replace(' ', '_')}_{index}.html"
        blocks.append(section(name, href=link, old=old))
        rows = [section("", rows=e, old=old) for e in events]
        pages[f"{folder}/{link}"] = page(name, rows)
    pages[f"{folder}/{sub}/0.html"] = page("duplicate", [section("Ignored", old=old)])
    pages[path.replace(".json", ".html")] = page("Your activity off Meta technologies", blocks)
    return pages


def _smd_rows(record: dict[str, Any], date: Any) -> list[tuple[str, Any]]:
    return [
        (label, date(e["timestamp"]) if e.get("timestamp") else e.get("value"))
        for label, e in record.get("string_map_data", {}).items()
    ]


def _lv_rows(items: list[dict[str, Any]], date: Any) -> str:
    """Table rows of ``label_values`` leaves (times as dates, zero times left out)."""
    rows = ""
    for item in items:
        if "timestamp_value" in item:
            value = date(item["timestamp_value"])
        else:
            value = item.get("value", "")
        if value:
            rows += (
                f'<tr><td class="_2pin _a6_q">{escape(item["label"])}</td>'
                f'<td class="_2piu _a6_r">{escape(str(value))}</td></tr>'
            )
    return rows


def _nested(inner: str, date_text: str = "") -> str:
    """A 2025+ record: an outer section holding one inner section with the table."""
    return (
        '<section class="_a6-g"><div class="_2pi8 _2pic _a6-p"><section class="_a6-g">'
        f'<div class="_2pi8 _2pic _a6-p"><table>{inner}</table></div></section></div>'
        f'<footer class="_3-94 _a6-o"><div class="_a72d">{escape(date_text)}</div></footer>'
        "</section>"
    )


def _render_2025(stem: str, doc: Any, date: Any) -> str | None:
    """The 2025-26 contact and suggestion files, shaped like Meta's pages."""
    if stem == "contacts_uploaded_before_2021":
        group = doc["label_values"][0]
        inner = "".join(
            '<section class="_a6-g"><div class="_2pi8 _2pic _a6-p"><table>'
            f"{_lv_rows(entry['dict'], date)}</table></div></section>"
            for entry in group["vec"]
        )
        return page(
            "Contacts uploaded before 2021",
            [
                f'<section class="_a6-g"><h2 class="_2ph_ _a6-h _a6-i">{escape(group["label"])}'
                f'</h2><div class="_2pi8 _2pic _a6-p">{inner}</div></section>'
            ],
        )
    if stem in ("your_imported_contacts", "contacts_uploaded_from_your_phone"):
        return page(
            stem.replace("_", " ").capitalize(),
            [_nested(_lv_rows(r["label_values"], date), date(r.get("timestamp"))) for r in doc],
        )
    if stem == "people_you_may_know":
        rows = _lv_rows([lv for lv in doc["label_values"] if "vec" not in lv], date)
        for lv in doc["label_values"]:
            if "vec" in lv:
                names = "".join(
                    f'<div><section class="_a6-g"><div class="_a6-p">{escape(v["value"])}'
                    "</div></section></div>"
                    for v in lv["vec"]
                )
                rows += (
                    f'<tr><td colspan="2" class="_2pin _a6_q">{escape(lv["label"])}'
                    f"<div><div>{names}</div></div></td></tr>"
                )
        return page(
            "People you may know",
            [f'<section class="_a6-g"><div class="_a6-p"><table>{rows}</table></div></section>'],
        )
    if stem == "suggested_friends":
        blocks = []
        for record in doc:
            times = [lv for lv in record["label_values"] if "dict" not in lv]
            rows = _lv_rows(times, date)
            for group in (lv for lv in record["label_values"] if "dict" in lv):
                name = group["dict"][0]["dict"][0]
                rows += (
                    '<tr><td colspan="2" class="_2pin _a6_q"><div><section class="_a6-g">'
                    f'<h2>{escape(group["title"])}</h2><div class="_a6-p"><div>'
                    f'<div class="_2ph_ _a6_q">{escape(name["label"])}</div><div><div>'
                    f'<section class="_a6-g"><div class="_a6-p">{escape(name["value"])}</div>'
                    "</section></div></div></div></div></section></div></td></tr>"
                )
            blocks.append(_nested(rows))
        return page("Suggested friends", blocks)
    return None


def _label_values_page(stem: str, doc: Any, date: Any) -> str | None:
    """Any ``label_values`` record (or list of them): one 2025+ record per entry."""
    records = doc if isinstance(doc, list) else [doc]
    if not records or not all(isinstance(r, dict) and "label_values" in r for r in records):
        return None
    if any("vec" in lv or "dict" in lv for r in records for lv in r["label_values"]):
        return None
    return page(
        stem,
        [_nested(_lv_rows(r["label_values"], date), date(r.get("timestamp"))) for r in records],
    )


def _render(path: str, doc: Any, date: Any, old: bool) -> dict[str, str] | str:
    stem = PurePosixPath(path).stem.replace("'", "_")
    s = lambda *a, **k: section(*a, old=old, **k)  # noqa: E731
    if stem in ("call_logs", "message_logs"):  # no HTML sample of these 2018-19 files
        return {}
    if stem.startswith("message_"):
        return message_page(doc, date)
    newer = _render_2025(stem, doc, date)
    if newer is not None:
        return newer
    if stem in ("your_activity_off_meta_technologies", "your_off-facebook_activity"):
        return _off_meta(path, doc, date, old)
    if stem == "profile_information":
        p = doc.get("profile_v2") or doc["profile"]
        name = p["name"]["full_name"] if isinstance(p["name"], dict) else p["name"]
        return page(
            "Profile information",
            [
                s(
                    "Profile",
                    rows=[("Name", name), ("Username", p["username"])],
                    lists=[
                        ("Emails", p["emails"]["emails"] + p["emails"]["previous_emails"]),
                        ("Phone numbers", [x["phone_number"] for x in p["phone_numbers"]]),
                    ],
                )
            ],
        )
    if stem == "your_address_books":
        return page(
            "Address books",
            [
                s(
                    e["name"],
                    lists=[("Contact points", [d["contact_point"] for d in e["details"]])],
                    date=date(e["created_timestamp"]),
                )
                for e in _first_list(doc)
            ],
        )
    if stem in ("your_friends", "friends"):
        return page("Friends", [s(e["name"], date=date(e["timestamp"])) for e in _first_list(doc)])
    if stem == "accounts_center":
        return page(
            "Accounts Center",
            [
                s(
                    e["service_name"],
                    rows=[
                        ("Username", e.get("username")),
                        ("Email", e.get("email")),
                        ("Phone number", e.get("phone_number")),
                        ("Name", e.get("name")),
                    ],
                )
                for e in _first_list(doc)
            ],
        )
    if stem == "autofill_information":
        return page("Autofill", [s("Autofill", lists=list(doc["autofill_information_v2"].items()))])
    if stem == "logins_and_logouts":
        return page(
            "Logins",
            [
                s(
                    e["action"],
                    rows=[("IP Address", e["ip_address"]), ("Site", e["site"])],
                    date=date(e["timestamp"]),
                )
                for e in _first_list(doc)
            ],
        )
    if stem in ("used_ip_addresses", "ip_address_activity"):
        return page(
            "IP",
            [
                s(
                    e["action"],
                    rows=[("IP Address", e["ip"]), ("User agent", e["user_agent"])],
                    date=date(e["timestamp"]),
                )
                for e in _first_list(doc)
            ],
        )
    if stem == "where_you_re_logged_in":
        return page(
            "Where you're logged in",
            [
                s(
                    e["device"],
                    rows=[
                        ("Created", date(e["created_timestamp"])),
                        ("Last updated", date(e["updated_timestamp"])),
                        ("IP Address", e["ip_address"]),
                        ("User agent", e["user_agent"]),
                        ("Device", e["device"]),
                        ("Location", e["location"]),
                        ("App", e["app"]),
                    ],
                    date=date(e["updated_timestamp"]),
                )
                for e in _first_list(doc)
            ],
        )
    if stem == "account_activity":
        return page(
            "Account activity",
            [
                s(
                    e["action"],
                    rows=[
                        ("IP Address", e["ip_address"]),
                        ("User agent", e["user_agent"]),
                        ("City", e["city"]),
                        ("Region", e["region"]),
                        ("Country", e["country"]),
                        ("Site name", e["site_name"]),
                    ],
                    date=date(e["timestamp"]),
                )
                for e in _first_list(doc)
            ],
        )
    if stem == "recognized_devices":
        return page(
            "Recognized devices",
            [
                s(
                    e["name"],
                    rows=[("IP Address", e["ip_address"]), ("User agent", e["user_agent"])],
                    date=date(e["updated_timestamp"]),
                )
                for e in _first_list(doc)
            ],
        )
    generic = _label_values_page(stem, doc, date)
    if generic is not None:
        return generic
    if stem == "mobile_devices":
        return page(
            "Mobile devices",
            [
                s(
                    e["type"],
                    rows=[("Device", e["type"]), ("OS", e["os"])],
                    date=date(e["update_time"]),
                )
                for e in _first_list(doc)
            ],
        )
    if stem == "two-factor_authentication":
        return page(
            "Two-factor authentication",
            [s("Security", rows=[(lv["label"], lv["value"]) for lv in doc["label_values"]])],
        )
    if stem == "your_activity_off_meta_technologies_settings":
        return page(
            "Settings",
            [
                s(
                    "Settings",
                    rows=[
                        (
                            lv["label"],
                            date(lv["timestamp_value"]) if "timestamp_value" in lv else "-",
                        )
                        for lv in doc["label_values"]
                    ],
                )
            ],
        )
    if stem.startswith("advertisers_using") or stem.startswith("advertisers_who_uploaded"):
        return page("Advertisers", [s("Advertisers", lists=_advertisers(doc))])
    if stem == "advertisers_you_ve_interacted_with":
        return page(
            "Ads",
            [
                s(e["title"], rows=[("Action", e["action"])], date=date(e["timestamp"]))
                for e in _first_list(doc)
            ],
        )
    if stem.startswith("followers") or stem == "following":
        return page(
            "Accounts",
            [
                s(
                    r["title"] or r["string_list_data"][0]["value"],
                    href=r["string_list_data"][0]["href"],
                    date=date(r["string_list_data"][0]["timestamp"]),
                )
                for r in _first_list(doc)
            ],
        )
    records = _first_list(doc)
    if records and isinstance(records[0], dict) and "string_map_data" in records[0]:
        return page(
            stem,
            [
                s(
                    r.get("title", "") if "T" not in r.get("title", "") else "",
                    rows=_smd_rows(r, date),
                )
                for r in records
            ],
        )
    raise ValueError(f"no HTML renderer for {path}")


def _html_tree(tree: dict[str, Any], date: Any, old: bool, root_page: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path, doc in tree.items():
        rendered = _render(path, doc, date, old)
        if isinstance(rendered, dict):
            out.update(rendered)
        else:
            out[path[: -len(".json")] + ".html"] = rendered
    out[root_page] = page("Your information", [section("Start", rows=[("Files", len(out))])])
    return out


def facebook_html_tree(tree: dict[str, Any], layout: str) -> dict[str, Any]:
    """The HTML export for a Facebook JSON tree (old blocks for 2018/2020)."""
    old = layout in ("2018", "2020")
    return _html_tree(tree, fb_date, old, "index.html" if old else "start_here.html")


def instagram_html_tree(tree: dict[str, Any], layout: str) -> dict[str, Any]:
    """The HTML export for an Instagram JSON tree (dates at UTC-8)."""
    old = layout == "2022"
    return _html_tree(tree, ig_date, old, "index.html" if old else "start_here.html")
