"""Settings: typed, atomic, corrupt files moved aside; the window remembers its size."""

from __future__ import annotations

import orjson

from privacy_audit.paths import AppPaths
from privacy_audit.settings import MAX_RECENT, Settings, SettingsStore


def test_round_trip_and_defaults(tmp_path) -> None:
    store = SettingsStore(AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "x"))
    assert store.load() == Settings()
    settings = Settings(language="it", redact_reports=True)
    for i in range(MAX_RECENT + 3):
        settings.add_recent([f"/x/{i}.zip"])
    settings.add_recent(["/x/3.zip"])  # again: moves first, no duplicate
    store.save(settings)
    loaded = store.load()
    assert loaded == settings
    assert loaded.recent_exports[0] == ["/x/3.zip"]
    assert len(loaded.recent_exports) == MAX_RECENT


def test_bad_values_fall_back_to_defaults(tmp_path) -> None:
    store = SettingsStore(AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "x"))
    store.paths.ensure(store.paths.config_dir)
    store.file.write_bytes(
        orjson.dumps(
            {
                "language": 3,
                "recent_exports": [["a"], [1]],
                "presentation_scale": 99,
                "unknown": True,
                "redact_reports": "yes",
            }
        )
    )
    loaded = store.load()
    assert loaded.language is None
    assert loaded.recent_exports == [["a"]]
    assert loaded.presentation_scale == Settings().presentation_scale
    assert loaded.redact_reports is False


def test_corrupt_file_is_moved_aside_not_overwritten(tmp_path) -> None:
    store = SettingsStore(AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "x"))
    store.paths.ensure(store.paths.config_dir)
    store.file.write_text("[1, 2")
    assert store.load() == Settings()
    aside = list(store.paths.config_dir.glob("settings.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "[1, 2"
    assert store.warnings == [aside[0].name]


def test_a_store_that_does_not_persist_never_writes(tmp_path) -> None:
    paths = AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "x")
    SettingsStore(paths).save(Settings(language="it"))
    before = (tmp_path / "c" / "settings.json").read_bytes()
    store = SettingsStore(paths, persist=False)
    settings = store.load()
    assert settings.language == "it"  # read, yes
    settings.language = "en"
    store.save(settings)
    assert (tmp_path / "c" / "settings.json").read_bytes() == before


def test_window_remembers_its_size(make_window) -> None:
    window = make_window()
    window.resize(770, 560)
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (770, 560)


def test_a_corrupt_settings_file_is_reported_in_the_window(make_window, isolated_home) -> None:
    config = isolated_home / "config"
    config.mkdir()
    (config / "settings.json").write_text("{oops")
    window = make_window()
    message = window.statusBar().currentMessage()
    assert "settings.json.corrupt-" in message
    assert "set aside" in message
    assert (config / "settings.json").exists() is False


def test_settings_and_checklist_are_qt_free() -> None:
    import subprocess
    import sys

    code = (
        "import sys, privacy_audit.settings, privacy_audit.checklist\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_start_screen_does_not_load_pandas_or_the_core() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from privacy_audit.gui.app import make_application\n"
        "from privacy_audit.gui.context import build_context\n"
        "app = make_application()\n"
        "from privacy_audit.gui.main_window import MainWindow\n"
        "w = MainWindow(build_context()); w.show(); app.processEvents()\n"
        "print(sorted(m for m in ('pandas', 'privacy_audit.pipeline', 'PySide6.QtWebEngineCore')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
