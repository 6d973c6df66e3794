"""HTML versions of the synthetic Meta exports (filled in below)."""

from __future__ import annotations

from typing import Any


def facebook_html_tree(tree: dict[str, Any], layout: str) -> dict[str, Any]:
    """The HTML export for a Facebook JSON tree."""
    raise NotImplementedError


def instagram_html_tree(tree: dict[str, Any], layout: str) -> dict[str, Any]:
    """The HTML export for an Instagram JSON tree."""
    raise NotImplementedError
