"""Which service, kind, layout and format an opened export is.

Each registered importer looks at the archive; the most confident answer wins. When
none recognises it, :func:`detect` raises one :class:`InputError` that says what was
found, what the app expects and how to request the right export.
"""

from __future__ import annotations

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.base import Detection
from privacy_audit.sources.registry import IMPORTER_MODULES, importers


def detect(archive: ExportArchive) -> Detection:
    """The best :class:`Detection` for ``archive``, or :class:`InputError`."""
    best: Detection | None = None
    for name, importer in zip(IMPORTER_MODULES, importers(), strict=True):
        found = importer.detect(archive)
        if found is None:
            continue
        found = Detection(**{**found.__dict__, "importer": name})
        if best is None or found.score > best.score:
            best = found
    if best is None:
        raise not_an_export(archive)
    return best


def not_an_export(archive: ExportArchive) -> InputError:
    """The error for something that is not a Meta or WhatsApp export."""
    path = archive.parts[0] if archive.parts else None
    if len(archive.members) == 0:
        return InputError(
            N_("Nothing to read here: the folder or archive is empty."),
            path,
            N_(
                "Request your data from Facebook, Instagram or Messenger (Accounts Center › "
                "Your information and permissions › Download your information) or from "
                "WhatsApp (Settings › Account › Request account info), then open the file."
            ),
        )
    return InputError(
        N_("This is not a Facebook, Instagram, Messenger or WhatsApp export."),
        path,
        N_(
            "Request your data from Facebook, Instagram or Messenger (Accounts Center › "
            "Your information and permissions › Download your information) or from "
            "WhatsApp (Settings › Account › Request account info), then open the file."
        ),
    )
