"""Facebook HTML files — being completed."""

from __future__ import annotations

from privacy_audit.sources.meta_load import Spec

HTML_SPECS: tuple[Spec, ...] = ()
