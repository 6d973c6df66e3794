"""The warnings about unread contact points, counted per (service, file) at once, equal
the warnings counted point by point (the reading they replace)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit.i18n import translator
from privacy_audit.model import SourceInfo
from privacy_audit.pipeline import warn_unread_contact_points

FILES = ["a/contacts.json", "b/contacts.json", "c/other.json", None]
SERVICES = ["facebook", "instagram", None, float("nan")]


def _sources() -> list[SourceInfo]:
    return [
        SourceInfo("f.zip", "facebook", "dyi", "json", "x", files_recognized=FILES[:2]),
        SourceInfo("i.zip", "instagram", "dyi", "json", "x", files_recognized=FILES[1:3]),
    ]


def _point_by_point(sources: list[SourceInfo], unread: list[tuple[Any, Any]]) -> None:
    tr = translator("en")
    for info in sources:
        recognized = set(info.files_recognized)
        per_file: dict[object, int] = {}
        for service, source_file in unread:
            if service == info.service and source_file in recognized:
                per_file[source_file] = per_file.get(source_file, 0) + 1
        for source_file, n in per_file.items():
            message = tr.ngettext(
                "{n} contact point in {file} is neither a valid phone number nor an e-mail "
                "address; it is kept as written.",
                "{n} contact points in {file} are neither valid phone numbers nor e-mail "
                "addresses; they are kept as written.",
                n,
            )
            info.warnings.append(message.format(n=n, file=PurePosixPath(str(source_file)).name))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SERVICES), st.sampled_from(FILES)), max_size=12))
def test_counted_at_once_as_point_by_point(unread: list[tuple[Any, Any]]) -> None:
    got, expected = _sources(), _sources()
    warn_unread_contact_points(got, iter(unread))
    _point_by_point(expected, unread)
    assert [s.warnings for s in got] == [s.warnings for s in expected]


def test_control_files_in_the_order_of_their_first_point() -> None:
    sources = _sources()
    unread = [("facebook", FILES[1]), ("facebook", FILES[0]), ("facebook", FILES[1])]
    warn_unread_contact_points(sources, unread)
    assert sources[0].warnings == [
        "2 contact points in contacts.json are neither valid phone numbers nor e-mail "
        "addresses; they are kept as written.",
        "1 contact point in contacts.json is neither a valid phone number nor an e-mail "
        "address; it is kept as written.",
    ]
    assert sources[1].warnings == []
