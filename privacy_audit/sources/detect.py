"""Which service, kind, layout and format an opened export is.

Each registered importer looks at the archive; the most confident answer wins (ties go
to the importer registered first, the most specific). When none recognises it,
:func:`detect` raises one :class:`InputError` that says what was found (a Google
Takeout, a PDF, a photo, another kind of archive, an empty folder, one part of a
multi-part export...), what the app expects and how to request the right export.
"""

from __future__ import annotations

import logging
import zipfile
import zlib

from privacy_audit import sources
from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.archive.parts import part_group_key
from privacy_audit.sources.base import Detection

log = logging.getLogger(__name__)

#: How to request the exports the app reads (shown after most "not an export" messages).
REQUEST_HINT = N_(
    "Request your data from Facebook, Instagram or Messenger (Accounts Center › "
    "Your information and permissions › Download your information) or from "
    "WhatsApp (Settings › Account › Request account info), then open the file."
)
#: Importers may add this warning to a Meta export they read in HTML format.
HTML_FORMAT_HINT = N_(
    "This export is in HTML format, Meta's default: it can be read, but exact times and "
    "some details are missing. Next time choose the JSON format when you request your "
    "information (Download your information › Format: JSON)."
)
#: Importers may add this warning to a Meta export with no data files in one of its parts.
MISSING_PARTS_HINT = N_(
    "Some files of this export seem to be missing: if Meta split it into several .zip "
    "files, open all of them together."
)

_NOT_META = N_("This is not a Facebook, Instagram, Messenger or WhatsApp export.")
_APP_READS = N_(
    "Privacy Audit reads the exports of Facebook, Instagram, Messenger and WhatsApp. "
    "Request your data from Facebook, Instagram or Messenger (Accounts Center › "
    "Your information and permissions › Download your information) or from "
    "WhatsApp (Settings › Account › Request account info), then open the file."
)

#: other services' exports, recognised by a characteristic member (match_key form)
_FOREIGN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Google Takeout", ("archive_browser.html", "takeout/")),
    ("X (Twitter)", ("data/tweets.js", "data/account.js", "data/manifest.js")),
    ("TikTok", ("user_data_tiktok.json", "user_data.json")),
    ("Telegram", ("export_results.html",)),
    ("Snapchat", ("json/account.json", "html/account.html")),
)

_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF", 0, "pdf"),
    (b"\x89PNG", 0, "image"),
    (b"\xff\xd8\xff", 0, "image"),
    (b"GIF8", 0, "image"),
    (b"BM", 0, "image"),
    (b"ftyp", 4, "media"),
    (b"\x1aE\xdf\xa3", 0, "media"),
    (b"ID3", 0, "media"),
    (b"OggS", 0, "media"),
    (b"7z\xbc\xaf\x27\x1c", 0, "archive"),
    (b"Rar!", 0, "archive"),
    (b"\x1f\x8b", 0, "archive"),
    (b"BZh", 0, "archive"),
    (b"\xfd7zXZ", 0, "archive"),
    (b"ustar", 257, "archive"),
    (b"MSCF", 0, "archive"),
)


#: what reading a damaged or hostile member can raise in a detector (a bug is not among them)
DETECT_ERRORS = (OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error, NotImplementedError)


def detect(archive: ExportArchive) -> Detection:
    """The best :class:`Detection` for ``archive``, or :class:`InputError`."""
    best: Detection | None = None
    for name, importer in zip(sources.IMPORTER_MODULES, sources.importers(), strict=True):
        try:
            found = importer.detect(archive)
        except InputError:
            raise
        except DETECT_ERRORS as exc:  # what a hostile archive makes a reader raise
            log.warning("detector %s failed: %s", name, type(exc).__name__)
            continue
        if found is None:
            continue
        found = Detection(**{**found.__dict__, "importer": name})
        if best is None or found.score > best.score:
            best = found
    if best is None:
        raise not_an_export(archive)
    return best


def sniff(data: bytes) -> str:
    """What the first bytes of a file say it is: pdf, image, media, archive, zip, text, binary."""
    for magic, offset, kind in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if kind == "media" and data[8:12] in (b"heic", b"heix", b"mif1", b"avif"):
                return "image"
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image"
    if data[:2] == b"PK":
        return "zip"
    if not data:
        return "empty"
    if b"\x00" in data[:1024]:
        return "binary"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < 4090:  # not just a character cut at the end of the sample
            return "binary"
    return "text"


def _foreign(archive: ExportArchive) -> str | None:
    for service, markers in _FOREIGN:
        for marker in markers:
            if marker.endswith("/"):
                if any(m.key.startswith(marker) or f"/{marker}" in m.key for m in archive.members):
                    return service
            elif archive.find(marker):
                return service
    return None


def not_an_export(archive: ExportArchive) -> InputError:
    """The error for something that is not a Meta or WhatsApp export, saying what it is."""
    path = archive.path if archive.parts else None
    if archive.kind == "file":
        return _lone_file(archive, archive.members[0])
    if not archive.members:
        if archive.kind == "folder":
            return InputError(N_("This folder is empty."), path, REQUEST_HINT)
        return InputError(N_("This zip archive is empty."), path, REQUEST_HINT)
    foreign = _foreign(archive)
    if foreign:
        return InputError(
            N_(
                "This is an export from {service}, not from Facebook, Instagram, Messenger "
                "or WhatsApp."
            ),
            path,
            _APP_READS,
            service=foreign,
        )

    data_files = [m for m in archive.members if not m.is_media]
    is_meta_part = any(part_group_key(p) for p in archive.parts) and archive.kind == "zip"
    if not data_files and any(m.suffix == ".zip" for m in archive.members):
        return InputError(
            N_("This zip archive holds other .zip files, not the export itself."),
            path,
            N_(
                "Extract it and open the .zip files inside (all parts of an export "
                "together); zips inside zips are never opened."
            ),
        )
    if not data_files:
        if is_meta_part:
            return InputError(
                N_("This part of a Meta export holds only photos and videos, no data files."),
                path,
                N_(
                    "Meta split your export into several .zip files with the same name and "
                    "date: open all of them together."
                ),
            )
        if archive.kind == "folder":
            return InputError(
                N_("This folder holds only photos, videos or documents, no data files."),
                path,
                REQUEST_HINT,
            )
        return InputError(
            N_("This zip archive holds only photos, videos or documents, no data files."),
            path,
            REQUEST_HINT,
        )
    if is_meta_part:
        return InputError(
            N_("The name looks like a Meta export, but none of its files was recognised."),
            path,
            N_(
                "Open all parts of the export together (same name and date), or request "
                "it again in JSON format."
            ),
        )
    if archive.kind == "folder":
        return InputError(
            N_("This folder is not a Facebook, Instagram, Messenger or WhatsApp export."),
            path,
            REQUEST_HINT,
        )
    return InputError(_NOT_META, path, REQUEST_HINT)


def _lone_file(archive: ExportArchive, member: Member) -> InputError:
    """The error for a single file that no importer recognised."""
    path = archive.path
    kind = sniff(archive.head(member))
    if kind == "pdf":
        return InputError(
            N_("This is a PDF document, not a data export."),
            path,
            N_(
                "Privacy Audit reads the files Meta and WhatsApp let you download, not printed "
                "or saved pages. Request your data from Facebook, Instagram or Messenger "
                "(Accounts Center › Your information and permissions › Download your "
                "information) or from WhatsApp (Settings › Account › Request account info), "
                "then open the file."
            ),
        )
    if kind in ("image", "media"):
        return InputError(
            N_("This is a photo, video or audio file, not a data export."), path, REQUEST_HINT
        )
    if kind == "archive":
        return InputError(
            N_("This is a compressed archive of a kind the app does not read (not a .zip)."),
            path,
            N_(
                "Meta and WhatsApp exports are .zip files: open the original download, or "
                "extract this archive and open the folder."
            ),
        )
    if kind == "empty":
        return InputError(N_("This file is empty."), path, REQUEST_HINT)
    suffix = member.suffix
    if suffix == ".txt" or (kind == "text" and suffix not in (".json", ".html", ".htm")):
        return InputError(
            N_("This text file is not a WhatsApp chat export."),
            path,
            N_(
                "In WhatsApp open the chat, tap More › Export chat (without media is enough), "
                "and open the .txt or .zip file it makes."
            ),
        )
    if kind == "text":
        return InputError(
            N_("This file on its own is not a Facebook, Instagram, Messenger or WhatsApp export."),
            path,
            N_(
                "Open the whole export: the .zip file you downloaded or the folder it was "
                "extracted to."
            ),
        )
    return InputError(N_("This file is not a data export (unknown format)."), path, REQUEST_HINT)
