"""Reading exports: one package per family, and the one list of importers.

- :mod:`.archive`: the safe reader over zips, zip parts, folders and single files;
- :mod:`.detect`: which importer reads an opened export (or why none does);
- :mod:`.meta`: Facebook, Instagram and Messenger "Download Your Information" exports;
- :mod:`.whatsapp`: the WhatsApp account report and exported chats;
- :mod:`.base` (the importer protocol) and :mod:`.text` (mojibake, JSON, HTML, dates);
- :mod:`.discover` (which of the paths given are exports), :mod:`.sweep` (data files no
  importer claims, read by shape), :mod:`.not_read` and :mod:`.skips` (why a file was
  not read, and the warning that says so).

Adding an export type means adding its importer module to :data:`IMPORTERS`.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacy_audit.sources.base import Importer

#: importer name -> module holding its ``IMPORTER``, most specific first (ties in
#: detection go to the first); the name is what :attr:`Detection.importer` holds
IMPORTERS: dict[str, str] = {
    "whatsapp_account": "privacy_audit.sources.whatsapp.account.importer",
    "whatsapp_chat": "privacy_audit.sources.whatsapp.chat.importer",
    "messenger": "privacy_audit.sources.meta.messenger",
    "instagram": "privacy_audit.sources.meta.instagram.importer",
    "facebook": "privacy_audit.sources.meta.facebook.importer",
}
#: the importer names, in registration order
IMPORTER_MODULES: tuple[str, ...] = tuple(IMPORTERS)


@cache
def importers() -> tuple[Importer, ...]:
    """Every registered importer, in registration order (imported on first use)."""
    return tuple(importlib.import_module(IMPORTERS[name]).IMPORTER for name in IMPORTER_MODULES)
