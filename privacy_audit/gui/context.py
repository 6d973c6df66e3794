"""The application context: what every window and page needs, built once.

No global state: :class:`AppContext` (paths, settings, stores, executor, translator, the
core functions) is built by :func:`build_context` and passed down to every page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from privacy_audit.checklist import ChecklistStore
from privacy_audit.gui.core import Core
from privacy_audit.gui.worker import Executor, ThreadExecutor
from privacy_audit.i18n import SUPPORTED_LANGUAGES, Translator, system_language, translator
from privacy_audit.paths import AppPaths
from privacy_audit.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from privacy_audit.source_info import SourceInfo

log = logging.getLogger(__name__)

DEMO_PERSONA = "giulia"


@dataclass
class AppContext:
    """Everything the pages need, built once in :func:`build_context`."""

    paths: AppPaths
    settings: Settings
    settings_store: SettingsStore
    checklist: ChecklistStore
    executor: Executor
    tr: Translator
    core: Core = field(default_factory=Core)
    workshop: bool = False
    demo_persona: str = DEMO_PERSONA

    def save_settings(self) -> None:
        """Write the settings (never in workshop mode)."""
        if self.workshop:
            return
        try:
            self.settings_store.save(self.settings)
        except OSError:
            log.warning("could not save the settings")

    def remember_export(self, paths: Sequence[Path], sources: Sequence[SourceInfo]) -> None:
        """Add an opened export to the recent ones, with its services and newest export
        date, and save the settings (not in workshop mode: nothing is written there)."""
        if self.workshop:
            return
        dates = [s.export_date for s in sources if s.export_date is not None]
        self.settings.add_recent(
            [str(p) for p in paths],
            list(dict.fromkeys(s.service for s in sources)),
            max(dates).date().isoformat() if dates else "",
        )
        self.save_settings()

    def set_workshop(self, on: bool) -> None:
        """Enter or leave workshop mode: in it nothing at all is written to disk."""
        if on == self.workshop:
            return
        self.workshop = on
        self.settings_store = SettingsStore(self.paths, persist=not on)
        self.checklist = ChecklistStore(self.paths, persist=not on)


def build_context(
    *,
    lang: str | None = None,
    workshop: bool = False,
    executor: Executor | None = None,
    core: Core | None = None,
    paths: AppPaths | None = None,
) -> AppContext:
    """The app context: user dirs, settings (read only in workshop mode), language."""
    paths = paths or AppPaths.default()
    store = SettingsStore(paths, persist=not workshop)  # workshop: read, never write
    settings = store.load()
    chosen = lang or settings.language
    if chosen not in SUPPORTED_LANGUAGES:
        chosen = system_language()
    return AppContext(
        paths=paths,
        settings=settings,
        settings_store=store,
        checklist=ChecklistStore(paths, persist=not workshop),
        executor=executor or ThreadExecutor(),
        tr=translator(chosen),
        core=core or Core(),
        workshop=workshop,
    )
