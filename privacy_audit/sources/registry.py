"""The one place importers are registered. Adding an export type touches one module."""

from __future__ import annotations

import importlib
from functools import cache

from privacy_audit.sources.base import Importer

#: module names under privacy_audit.sources, most specific first
IMPORTER_MODULES: tuple[str, ...] = (
    "whatsapp_account",
    "whatsapp_chat",
    "messenger",
    "instagram",
    "facebook",
)


@cache
def importers() -> tuple[Importer, ...]:
    """Every registered importer, in registration order."""
    found = []
    for name in IMPORTER_MODULES:
        module = importlib.import_module(f"privacy_audit.sources.{name}")
        found.append(module.IMPORTER)
    return tuple(found)
