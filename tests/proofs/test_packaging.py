"""The packaging files agree with the app: app id, name, version (from pyproject),
licence, program name; the icon installs at every size; the validators accept the
desktop entry and the AppStream file when they are installed."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from privacy_audit import APP_ID, APP_NAME

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_desktop_entry_matches_the_app() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    program = next(iter(PYPROJECT["scripts"]))
    assert entry["Exec"].split()[0] == program
    assert entry["TryExec"] == program
    assert entry["Terminal"] == "false"
    assert entry["Comment[it]"] and entry["GenericName[it]"]


def test_metainfo_matches_the_app() -> None:
    root = etree.parse(str(METAINFO)).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == PYPROJECT["license"]["text"]
    assert root.findtext("provides/binary") == next(iter(PYPROJECT["scripts"]))
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.find(f"summary[@{xml_lang}='it']") is not None
    releases = root.findall("releases/release")
    assert releases[0].get("version") == PYPROJECT["version"], (
        "add a <release> for the pyproject version to the metainfo file"
    )


def test_version_has_one_source() -> None:
    """The running app reports the pyproject version (the frozen build copies the
    same package metadata)."""
    from privacy_audit import __version__

    assert __version__ == PYPROJECT["version"]
    spec = (PACKAGING / "privacy-audit.spec").read_text(encoding="utf-8")
    assert 'copy_metadata("privacy-audit")' in spec
    assert "resources/**/*" in spec


def test_entry_point_is_the_cli() -> None:
    source = (PACKAGING / "entry.py").read_text(encoding="utf-8")
    assert "from privacy_audit.cli import main" in source
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "entry.py"), "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"privacy-audit {PYPROJECT['version']}"


def test_build_script_is_valid_shell() -> None:
    script = PACKAGING / "build.sh"
    assert os.access(script, os.X_OK)
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0


def test_icon_installs_at_every_size(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("install_icons", PACKAGING / "install_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.install(tmp_path)
    assert (tmp_path / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in module.SIZES:
        png = tmp_path / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstream_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed"
)
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()
