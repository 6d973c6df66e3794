"""Errors that reach the user.

An :class:`InputError` is raised for anything wrong with what the user gave us (a file
that is not an export, a damaged zip, a zip bomb...). It carries translatable parts,
marked with :func:`privacy_audit.i18n.N_`, and is rendered in the user's language by
:meth:`InputError.render`. It never carries export content beyond the file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from privacy_audit.i18n import Translator


class InputError(Exception):
    """Bad input: one clear message saying what is wrong, which file, what to do.

    ``what`` and ``hint`` are untranslated message ids (English) that may contain
    ``{name}`` placeholders filled from ``params``; ``path`` is the file concerned.
    """

    def __init__(
        self,
        what: str,
        path: str | Path | None = None,
        hint: str | None = None,
        **params: Any,
    ) -> None:
        self.what = what
        self.path = Path(path) if path is not None else None
        self.hint = hint
        self.params = params
        super().__init__(self.render())

    def render(self, tr: Translator | None = None) -> str:
        """The message in the translator's language (English when ``tr`` is None)."""
        gettext = tr.gettext if tr is not None else (lambda s: s)
        params = dict(self.params)
        if self.path is not None:
            params.setdefault("file", self.path.name)
        text = gettext(self.what).format(**params)
        if self.path is not None and "{file}" not in self.what:
            text = f"{self.path.name}: {text}"
        if self.hint:
            text = f"{text} {gettext(self.hint).format(**params)}"
        return text

    def render_what(self, tr: Translator | None = None) -> str:
        """What is wrong, in the translator's language, without the file prefix or the hint
        (for a warning about one member of an export that is otherwise read)."""
        gettext = tr.gettext if tr is not None else (lambda s: s)
        params = dict(self.params)
        if self.path is not None:
            params.setdefault("file", self.path.name)
        return gettext(self.what).format(**params)


class Cancelled(Exception):
    """Raised inside long work when the user cancelled it."""
