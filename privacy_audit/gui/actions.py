"""The main window's actions (menu entries with keyboard shortcuts) and menu bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from privacy_audit.gui.theme import APPEARANCES
from privacy_audit.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, Translator

Key = QKeySequence.StandardKey | str

#: built into QKeySequence only once a QGuiApplication exists
SHORTCUTS: dict[str, list[Key]] = {
    "open_files": [QKeySequence.StandardKey.Open],
    "open_folder": ["Ctrl+Shift+O"],
    "demo": ["Ctrl+D"],
    "reset": ["Ctrl+W", "Ctrl+R"],
    "export_html": ["Ctrl+E"],
    "export_pdf": ["Ctrl+P"],
    "export_csv": ["Ctrl+Shift+E"],
    "export_json": ["Ctrl+Shift+J"],
    "quit": [QKeySequence.StandardKey.Quit, "Ctrl+Q"],
    "tab_dashboard": ["Ctrl+1"],
    "tab_findings": ["Ctrl+2"],
    "tab_data": ["Ctrl+3"],
    "tab_report": ["Ctrl+4"],
    "find": [QKeySequence.StandardKey.Find],
    "toggle_language": ["Ctrl+Shift+L"],
    "workshop": ["Ctrl+Shift+W"],
    "fullscreen": ["F11"],
    "zoom_in": [QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"],
    "zoom_out": [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
    "zoom_reset": ["Ctrl+0"],
    "howto": [QKeySequence.StandardKey.HelpContents],
    "about": [],
}
NAMES: list[str] = list(SHORTCUTS)


class Actions:
    """Every QAction of the window, by name; plus one per language."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}
        for name, keys in SHORTCUTS.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            unique: list[QKeySequence] = []
            for key in keys:
                sequences = (
                    [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
                )
                for seq in sequences:
                    if not seq.isEmpty() and seq not in unique:
                        unique.append(seq)
            action.setShortcuts(unique)
            window.addAction(action)
            self.by_name[name] = action
        self.by_name["workshop"].setCheckable(True)
        self.by_name["fullscreen"].setCheckable(True)
        self.appearance_group = QActionGroup(window)
        self.appearance_group.setExclusive(True)
        self.appearances: dict[str, QAction] = {}
        for name in APPEARANCES:
            action = QAction(window)
            action.setCheckable(True)
            action.setData(name)
            action.setObjectName(f"action_appearance_{name}")
            self.appearance_group.addAction(action)
            self.appearances[name] = action
        self.language_group = QActionGroup(window)
        self.language_group.setExclusive(True)
        self.languages: dict[str, QAction] = {}
        for lang in SUPPORTED_LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], window)
            action.setCheckable(True)
            action.setData(lang)
            action.setObjectName(f"action_language_{lang}")
            self.language_group.addAction(action)
            self.languages[lang] = action
        self.menus: dict[str, QMenu] = {}
        self._build_menus()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        layout: dict[str, list[str | None]] = {
            "file": [
                "open_files",
                "open_folder",
                "demo",
                None,
                "export_html",
                "export_pdf",
                "export_csv",
                "export_json",
                None,
                "reset",
                None,
                "quit",
            ],
            "view": [
                "tab_dashboard",
                "tab_findings",
                "tab_data",
                "tab_report",
                None,
                "find",
                None,
                "zoom_in",
                "zoom_out",
                "zoom_reset",
                "fullscreen",
                None,
                "workshop",
            ],
            "help": ["howto", "about"],
        }
        for menu_name, entries in layout.items():
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{menu_name}")
            self.menus[menu_name] = menu
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.by_name[entry])
            if menu_name == "view":
                appearance_menu = menu.addMenu("")
                appearance_menu.setObjectName("menu_appearance")
                self.menus["appearance"] = appearance_menu
                for action in self.appearances.values():
                    appearance_menu.addAction(action)
                language_menu = menu.addMenu("")
                language_menu.setObjectName("menu_language")
                self.menus["language"] = language_menu
                for action in self.languages.values():
                    language_menu.addAction(action)
                language_menu.addSeparator()
                language_menu.addAction(self.by_name["toggle_language"])

    def connect_to(self, window: Any) -> None:
        """Make every action call the main window's method for it."""
        a = self.by_name
        a["open_files"].triggered.connect(window.ask_open_files)
        a["open_folder"].triggered.connect(window.ask_open_folder)
        a["demo"].triggered.connect(lambda: window.open_demo())
        a["reset"].triggered.connect(window.close_export)
        a["quit"].triggered.connect(window.close)
        a["about"].triggered.connect(window.show_about)
        a["howto"].triggered.connect(window.show_help)
        a["workshop"].toggled.connect(window.ask_workshop)
        a["fullscreen"].toggled.connect(window.set_full_screen)
        a["zoom_in"].triggered.connect(lambda: window.step_zoom(1))
        a["zoom_out"].triggered.connect(lambda: window.step_zoom(-1))
        a["zoom_reset"].triggered.connect(lambda: window.step_zoom(0))
        a["toggle_language"].triggered.connect(window.toggle_language)
        a["find"].triggered.connect(window.focus_search)
        for index, name in enumerate(("dashboard", "findings", "data", "report")):
            a[f"tab_{name}"].triggered.connect(lambda _c=False, i=index: window.show_tab(i))
        for fmt in ("html", "pdf", "csv", "json"):
            a[f"export_{fmt}"].triggered.connect(
                lambda _c=False, f=fmt: window.report_page.choose_and_export(f)
            )
        for lang, action in self.languages.items():
            action.triggered.connect(lambda _c=False, code=lang: window.set_language(code))
        for name, action in self.appearances.items():
            action.triggered.connect(lambda _c=False, n=name: window.set_appearance(n))

    def update(self, *, has_result: bool, busy: bool) -> None:
        """Enable what makes sense now (nothing new while an import runs)."""
        for name in ("export_html", "export_pdf", "export_csv", "export_json", "find"):
            self.by_name[name].setEnabled(has_result and not busy)
        for name in ("tab_dashboard", "tab_findings", "tab_data", "tab_report"):
            self.by_name[name].setEnabled(has_result and not busy)
        for name in ("open_files", "open_folder", "demo", "workshop", "toggle_language"):
            self.by_name[name].setEnabled(not busy)
        self.language_group.setEnabled(not busy)

    def set_language(self, lang: str) -> None:
        """Check the menu entry of ``lang``."""
        if lang in self.languages:
            self.languages[lang].setChecked(True)

    def set_appearance(self, name: str) -> None:
        """Check the menu entry of the appearance ``name``."""
        if name in self.appearances:
            self.appearances[name].setChecked(True)

    def retranslate(self, tr: Translator, *, workshop: bool) -> None:
        """Set every menu and action text in ``tr``'s language."""
        _ = tr.gettext
        texts = {
            "open_files": _("&Open export files…"),
            "open_folder": _("Open export &folder…"),
            "demo": _("Try the &demo"),
            "reset": _("&Reset workshop") if workshop else _("&Close export"),
            "export_html": _("Export &HTML…"),
            "export_pdf": _("Export &PDF…"),
            "export_csv": _("Export &CSV…"),
            "export_json": _("Export &JSON…"),
            "quit": _("&Quit"),
            "tab_dashboard": _("&Dashboard"),
            "tab_findings": _("F&indings"),
            "tab_data": _("D&ata"),
            "tab_report": _("&Report"),
            "find": _("&Search the data"),
            "toggle_language": _("Switch language"),
            "workshop": _("&Workshop mode"),
            "fullscreen": _("&Full screen"),
            "zoom_in": _("Zoom &in"),
            "zoom_out": _("Zoom &out"),
            "zoom_reset": _("&Normal size"),
            "howto": _("&How to get your data"),
            "about": _("&About Privacy Audit"),
        }
        for name, text in texts.items():
            self.by_name[name].setText(text)
        self.menus["file"].setTitle(_("&File"))
        self.menus["view"].setTitle(_("&View"))
        self.menus["help"].setTitle(_("&Help"))
        self.menus["language"].setTitle(_("&Language"))
        self.menus["appearance"].setTitle(_("&Appearance"))
        for name, action in self.appearances.items():
            action.setText(_(APPEARANCES[name]))
