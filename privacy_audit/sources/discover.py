"""Which of the paths a user gave are exports: folders scanned, candidates detected.

:mod:`privacy_audit.sources.archive.inputs` sorts the paths into exports given directly
and folders to scan; here each candidate found in a scanned folder is kept when an
importer recognises it. A candidate named like an export download (``facebook-…``,
``instagram-…``, ``meta-…``, ``…WhatsApp…``) that cannot be read is never dropped in
silence: it becomes a note for the user saying which file and why (or the error, when
nothing else in the folder is an export), and so does a search that stopped early.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_, Translator
from privacy_audit.sources.archive.inputs import ScanCut, gather, group_parts, open_parts
from privacy_audit.sources.archive.parts import part_group_key
from privacy_audit.sources.detect import detect

log = logging.getLogger(__name__)


def looks_like_export(path: Path) -> bool:
    """True when the name is one Meta or WhatsApp gives its downloads."""
    return part_group_key(path) is not None or "whatsapp" in path.name.casefold()


@dataclass(frozen=True)
class Unread:
    """A file or folder named like an export, found in a scanned folder, not read."""

    #: the folder the user gave
    folder: Path
    #: the reason, naming the file
    error: InputError

    def message(self, tr: Translator) -> str:
        """The warning for the user, in ``tr``'s language."""
        path = self.error.path
        name = path.name if path is not None else self.folder.name
        reason = self.error.render(tr).removeprefix(f"{name}: ")  # the name comes first
        text = tr.gettext("{file} in the folder {folder} was not read: {reason}")
        return text.format(file=name, folder=self.folder.name, reason=reason)


@dataclass
class FoundExports:
    """The exports among the paths given, and what the user must hear about the search."""

    #: each export as a list of parts (zips or folders)
    exports: list[list[Path]] = field(default_factory=list)
    #: searches that stopped before the end, for scanned folders some export was found in
    cuts: list[ScanCut] = field(default_factory=list)
    #: candidates named like exports that could not be read, in folders with other exports
    unread: list[Unread] = field(default_factory=list)

    def notes_for(self, first_part: Path) -> list[ScanCut | Unread]:
        """The notes about the folder ``first_part`` was found in, taken out of this
        result (each is told once, on the first export found in its folder)."""
        cuts = [c for c in self.cuts if first_part.is_relative_to(c.folder)]
        unread = [u for u in self.unread if first_part.is_relative_to(u.folder)]
        self.cuts = [c for c in self.cuts if c not in cuts]
        self.unread = [u for u in self.unread if u not in unread]
        return [*cuts, *unread]


def _recognised(
    groups: list[list[Path]], unread: list[InputError] | None = None
) -> list[list[Path]]:
    """The groups an importer recognises (for folders scanned on the user's behalf).

    Why each group named like an export was not kept goes to ``unread``."""
    kept: list[list[Path]] = []
    first_error: InputError | None = None
    for parts in groups:
        try:
            with open_parts(parts) as archive:
                detect(archive)
        except InputError as exc:
            log.debug("skipped a file in a scanned folder: %s", type(exc).__name__)
            first_error = first_error or exc
            if unread is not None and any(looks_like_export(p) for p in parts):
                unread.append(exc)
            continue
        kept.append(parts)
    if not kept and len(groups) == 1 and first_error is not None:
        raise first_error  # the only candidate: its own message is the most useful
    return kept


def _no_export_found(folder: Path, cut: ScanCut | None) -> InputError:
    if cut is not None:
        # the search did not reach the end: say where it stopped
        what = N_(
            "No Facebook, Instagram, Messenger or WhatsApp export was found in this folder, "
            "but the search stopped early, at the folder {folder}."
        )
        hint = N_("Open the folder of your export, or its .zip files, directly.")
        return InputError(what, folder, hint, folder=cut.where())
    return InputError(
        N_("No Facebook, Instagram, Messenger or WhatsApp export was found in this folder."),
        folder,
        N_(
            "Open the .zip files you downloaded (all parts together), the folder they "
            "were extracted to, or a WhatsApp chat .txt/.zip file."
        ),
    )


def find_exports(paths: Sequence[str | Path]) -> FoundExports:
    """Group ``paths`` into exports; each export is a list of parts (zips or folders).

    A folder that is not itself an export is scanned, and only the files and folders in it
    that an importer recognises are kept. Raises :class:`InputError` for a path that does
    not exist or a folder that holds no export (saying so when the search stopped early,
    or giving the reason of the first file named like an export that cannot be read).
    """
    gathered = gather(paths)
    found = FoundExports(exports=gathered.given)
    exports = found.exports
    seen = set(gathered.seen)
    for folder, early in gathered.cuts.items():
        if folder not in gathered.scanned:
            # nothing found before the search stopped: the folder is read whole only
            # when it is an export itself
            try:
                _recognised([[folder]])
            except InputError:
                raise _no_export_found(folder, early) from None
    for folder, candidates in gathered.scanned.items():
        groups = group_parts([c for c in candidates if c.resolve() not in seen])
        cut = gathered.cuts.get(folder)
        unread: list[InputError] = []
        if all(c.parent != folder for c in candidates):
            # found only in sub-folders: when none is an export, read the folder whole
            # (an export of a layout is_export_tree does not know, with stray texts inside)
            try:
                kept = _recognised(groups, unread)
            except InputError:
                kept = []
            if not kept and not unread:
                exports.append([folder])
                continue
        else:
            kept = _recognised(groups, unread)
        if not kept:
            raise unread[0] if unread else _no_export_found(folder, cut)
        for parts in kept:
            seen.update(p.resolve() for p in parts)
        exports.extend(kept)
        if cut is not None:
            found.cuts.append(cut)
        found.unread.extend(Unread(folder, error) for error in unread)
    return found


__all__ = ["FoundExports", "Unread", "find_exports", "looks_like_export"]
