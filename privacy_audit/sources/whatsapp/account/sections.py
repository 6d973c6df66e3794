"""Read the files of a WhatsApp account report into plain nested dicts.

JSON files use Meta's generic structures (``label_values`` with ``value`` /
``timestamp_value`` / ``href`` / ``vec`` / ``dict``) next to plain keys; :func:`simplify`
turns both into ``{label: value}`` dicts and lists. HTML pages carry the same data as
label/value pairs in tables or nested blocks; :func:`html_tree` reads them into the same
shape. Everything downstream (:class:`ReportSections`, read by :mod:`.rows`) only sees
plain dicts, lists and scalars.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from privacy_audit.model import SourceSink
from privacy_audit.sources.base import LoadContext
from privacy_audit.sources.text import fix_mojibake, parse_json

Scalar = str | int | float | bool | None
_VALUE_KEYS = ("value", "timestamp_value", "href", "uri", "timestamp")


def load_json(data: bytes) -> Any:
    """Parse a report JSON file (raises ``orjson.JSONDecodeError``)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return parse_json(data)


def _is_labelled_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and "label" in item for item in value)
    )


def _item_value(item: dict[str, Any]) -> Any:
    if "vec" in item:
        return [simplify(entry) for entry in item["vec"] or []]
    if "dict" in item:
        return simplify(item["dict"])
    for key in _VALUE_KEYS:
        if key in item:
            return simplify(item[key])
    media = item.get("media")
    if isinstance(media, list) and media:
        return simplify(media)
    return None


def simplify(node: Any, depth: int = 0) -> Any:
    """``label_values``/``vec``/``dict`` structures -> plain dicts and lists (keys fixed)."""
    if depth > 40:
        return None
    if isinstance(node, str):
        return fix_mojibake(node)
    if _is_labelled_list(node):
        out: dict[str, Any] = {}
        for item in node:
            label = fix_mojibake(str(item.get("label") or ""))
            value = _item_value(item)
            if label in out:  # repeated labels become a list
                prev = out[label]
                out[label] = [*prev, value] if isinstance(prev, list) else [prev, value]
            else:
                out[label] = value
        return out
    if isinstance(node, list):
        return [simplify(item, depth + 1) for item in node]
    if isinstance(node, dict):
        if set(node) <= {"dict"} and node:
            return simplify(node["dict"], depth + 1)
        if "label_values" in node:
            merged = simplify(node["label_values"], depth + 1)
            rest = {
                fix_mojibake(str(k)): simplify(v, depth + 1)
                for k, v in node.items()
                if k != "label_values"
            }
            if isinstance(merged, dict):
                return {**rest, **merged}
            return {**rest, "label_values": merged}
        return {fix_mojibake(str(k)): simplify(v, depth + 1) for k, v in node.items()}
    return node


def walk(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Scalar]]:
    """Every scalar of a simplified tree with the path of keys leading to it."""
    stack: list[tuple[tuple[str, ...], Any]] = [(path, node)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*here, str(k)), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((here, v) for v in reversed(value))
        else:
            yield here, value


def dicts(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a simplified tree (outermost first)."""
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _text(node: Any) -> str:
    return " ".join(" ".join(node.itertext()).split())


def _own_text(node: Any) -> str:
    return " ".join((node.text or "").split())


def _add(record: dict[str, Any], label: str, value: str) -> None:
    label, value = label.strip().rstrip(":").strip(), value.strip()
    if not label or not value or len(label) > 80:
        return
    if label in record:
        prev = record[label]
        record[label] = [*prev, value] if isinstance(prev, list) else [prev, value]
    else:
        record[label] = value


def html_tree(data: bytes) -> tuple[dict[str, Any], list[str]]:
    """Label/value records of an HTML report page, and all its text snippets.

    Each ``<table>`` becomes one record (``<tr><th>Label</th><td>Value</td></tr>`` rows,
    or Meta's one-cell rows whose own text is the label and whose children hold the
    value); ``<dl>`` pairs and nested ``<div>`` label/value blocks form one more record.
    The result is ``{"_tables": [record, ...]}``.
    """
    from lxml import etree  # an HTML page: JSON-only exports never load lxml
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(data)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return {}, []
    for bad in root.xpath("//script|//style|//head"):
        bad.getparent().remove(bad)
    records: list[dict[str, Any]] = []
    for table in root.iter("table"):
        record: dict[str, Any] = {}
        for row in table.iter("tr"):
            cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if len(cells) >= 2:
                _add(record, _text(cells[0]), _text(cells[1]))
            elif len(cells) == 1:
                children = [c for c in cells[0] if isinstance(c.tag, str)]
                if _own_text(cells[0]) and children:
                    _add(record, _own_text(cells[0]), " ".join(_text(c) for c in children))
        if record:
            records.append(record)
    loose: dict[str, Any] = {}
    for node in root.iter("dt", "div"):
        if node.tag == "dt":
            sibling = node.getnext()
            if sibling is not None and sibling.tag == "dd":
                _add(loose, _text(node), _text(sibling))
            continue
        children = [c for c in node if isinstance(c.tag, str)]
        if _own_text(node) and len(children) == 1 and children[0].tag != "table":
            _add(loose, _own_text(node), _text(children[0]))
        elif len(children) == 2 and not _own_text(node):
            # Meta's blocks: <div><div>Label</div><div><div>value</div></div></div>
            label, value = children
            if not [c for c in label if isinstance(c.tag, str)] and label.tag != "table":
                _add(loose, _text(label), _text(value))
    if loose:
        records.append(loose)
    snippets = [s.strip() for s in root.itertext() if s and s.strip()]
    return {"_tables": records}, snippets


def to_seconds(value: Any) -> float | None:
    """Unix seconds from an int/float (ms when huge), a digit string or an ISO/text date."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if value <= 0:
            return None
        return float(value) / 1000 if value > 1e11 else float(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdecimal():  # "²".isdigit() is True, but int() refuses it
        return to_seconds(int(text))
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        for fmt in (
            "%b %d, %Y %I:%M:%S %p",
            "%b %d, %Y, %I:%M:%S %p",
            "%b %d, %Y %I:%M %p",
            "%d/%m/%Y %H:%M:%S",
            "%d/%m/%Y %H:%M",
            "%d.%m.%Y %H:%M",
            "%Y-%m-%d %H:%M:%S %Z",
        ):
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


class ReportSections:
    """The simplified sections of one report, and what reading rows from them needs."""

    def __init__(
        self,
        sections: dict[str, Any],
        snippets: dict[str, list[str]],
        sink: SourceSink,
        ctx: LoadContext,
        layout: str,
        files: dict[str, str] | None = None,
    ) -> None:
        self.sections = sections
        self.snippets = snippets
        self.files = files or {}  # section -> the file it was read from
        self.sink = sink
        self.tr = ctx.tr
        self.gen1 = layout == "whatsapp-report-2018"
        self.device_names: dict[str, str] = {}
        self.own_phones: set[str] = set()

    def src(self, section: str) -> str:
        """The file name rows read from ``section`` are attributed to (the one it was read
        from: the JSON, or its HTML copy when the JSON was unreadable or absent)."""
        if section in self.files:
            return self.files[section]
        return f"{section}.json" if section != "report" else "portability.json"

    def section(self, *names: str) -> list[tuple[str, Any]]:
        """The sections named ``names`` (the whole report for the 2018 layout)."""
        if self.gen1:
            return [("report", self.sections["report"])] if "report" in self.sections else []
        return [(n, self.sections[n]) for n in names if n in self.sections]

    def warn(self, message: str) -> None:
        """Record a translated warning (message id marked with N_)."""
        self.sink.warn(self.tr.gettext(message))

    @staticmethod
    def timestamp(value: Any) -> datetime | None:
        """A report time value as an aware UTC datetime."""
        seconds = to_seconds(value)
        if not seconds:
            return None
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (ValueError, OverflowError, OSError):  # beyond year 9999 or the platform's range
            return None
