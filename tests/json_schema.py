"""The published JSON Schema of the audit/report document (docs/schema/privacy-audit-1.json).

Tests validate every JSON output against it with ``jsonschema``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "schema" / "privacy-audit-1.json"


@functools.cache
def validator() -> Draft202012Validator:
    """A validator for the published schema (checked to be a valid 2020-12 schema)."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_problems(doc: Any) -> list[str]:
    """Every way ``doc`` breaks the schema, as ``$.path: message`` (empty list = valid)."""
    return [
        "$"
        + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        + f": {error.message}"
        for error in sorted(validator().iter_errors(doc), key=lambda e: list(map(str, e.path)))
    ]


@functools.cache
def inspect_validator() -> Draft202012Validator:
    """A validator for ``inspect --json`` (the schema's ``$defs/inspect``)."""
    defs = validator().schema["$defs"]
    return Draft202012Validator({"$ref": "#/$defs/inspect", "$defs": defs})


def inspect_problems(doc: Any) -> list[str]:
    """Every way ``doc`` breaks ``$defs/inspect`` (empty list = valid)."""
    return [error.message for error in inspect_validator().iter_errors(doc)]
