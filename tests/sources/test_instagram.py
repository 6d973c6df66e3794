"""Instagram importer: every layout and format of the synthetic export, the real sample."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.detect import detect

from . import meta_builders as mb
from . import meta_builders_ig as ig

LAYOUTS = {"2022": "instagram-2022", "2023": "instagram-2023", "2025": "instagram-2023"}
SAMPLE = "meta/HITS-Research__PriOSS/prototype/prioss/src/assets/sample-data/insta_sampledata.zip"


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("fmt", ["json", "html"])
def test_every_layout_and_format(tmp_path: Path, layout: str, fmt: str) -> None:
    path = mb.build_instagram_export(tmp_path, layout=layout, fmt=fmt)
    ev = load_evidence([path])
    (source,) = ev.sources
    assert (source.service, source.kind, source.format) == ("instagram", "dyi", fmt)
    assert source.layout == LAYOUTS[layout]
    assert source.warnings == []

    ids = ev.identifiers
    pairs = set(zip(ids.kind, ids.value, strict=True))
    assert {("email", ig.IG_EMAIL), ("username", ig.IG_USERNAME), ("name", ig.IG_NAME)} <= pairs
    assert ig.IG_PHONE in set(ids[ids.kind == "phone"].raw)

    synced = ev.contacts[ev.contacts.origin == "synced_contacts"]
    assert set(synced.name) == {"Luca Rossi", "Giò Verdi", "Mamma"}  # mojibake repaired
    assert set(synced.phone_raw.dropna()) == {"+393281112222", "347 555 0101"}
    assert set(synced.email.dropna()) == {"giovanna@example.net"}
    followers = ev.contacts[ev.contacts.origin == "followers"]
    following = ev.contacts[ev.contacts.origin == "following"]
    assert set(followers.name) == set(ig.IG_FOLLOWERS)
    assert set(following.name) == set(ig.IG_FOLLOWING)

    act = ev.activity
    logins = act[act.kind == "login"]
    ts, ip, _ua = ig.IG_LOGINS[0]
    assert ip in set(logins.ip)
    expected = pd.Timestamp(ts, unit="s", tz="UTC")
    if fmt == "html":  # no seconds in Instagram HTML; shown at UTC-8, read back to UTC
        expected = expected.floor("min")
    assert expected in set(logins.timestamp)
    assert "logout" in set(act.kind)
    assert ig.IG_DEVICE_UA in set(act[act.kind == "device"].user_agent)

    assert ("contact_syncing", "on") in set(zip(ev.settings.key, ev.settings.value, strict=True))
    adv = ev.advertisers
    assert ig.IG_ADV_UPLOADED in set(adv[adv.relation == "uploaded_list"].name)
    if layout != "2022":
        assert set(ev.off_platform.app) == set(ig.IG_OFF_META)
    assert len(ev.messages) == 1 and set(ev.messages.chat) == {ig.IG_THREAD[0]}
    assert set(ev.tables["messages"].service) == {"instagram"}


def test_instagram_is_not_taken_for_facebook_or_messenger(tmp_path: Path) -> None:
    path = mb.build_instagram_export(tmp_path, layout="2022")  # flat, with messages/inbox
    with ExportArchive([path]) as archive:
        found = detect(archive)
    assert (found.service, found.layout) == ("instagram", "instagram-2022")


def test_wrong_types_warn(tmp_path: Path) -> None:
    extra = {
        "connections/contacts/synced_contacts.json": {"contacts_contact_info": 5},
        "personal_information/personal_information/personal_information.json": b"[{",
    }
    path = mb.build_instagram_export(tmp_path, extra_files=extra, wrapper=False)
    ev = load_evidence([path])
    warnings = ev.sources[0].warnings
    assert any("synced_contacts.json" in w for w in warnings)
    assert any("personal_information.json" in w for w in warnings)
    assert set(ev.contacts.origin) == {"followers", "following"}


def test_real_sample(shared_fixtures: Path) -> None:
    path = shared_fixtures / SAMPLE
    if not path.exists():
        pytest.skip("sample not present")
    ev = load_evidence([path], region="IT")
    (source,) = ev.sources
    assert (source.service, source.format) == ("instagram", "json")
    # the synthetic sample's numbers are made up: 9 of 11 are not valid numbers (in the
    # default region IT) and are kept as written, and the user is told
    assert source.warnings == [
        "9 contact points in synced_contacts.json are neither valid phone numbers nor "
        "e-mail addresses; they are kept as written."
    ]
    synced = ev.contacts[ev.contacts.origin == "synced_contacts"]
    assert len(synced) >= 10 and synced.phone_raw.notna().all()
    assert "Booby Rocks" in set(synced.name)
    ids = ev.identifiers
    assert ("email", "ninapinta@abc.com") in set(zip(ids.kind, ids.value, strict=True))
    assert ("username", "niña") in set(zip(ids.kind, ids.value, strict=True))
    assert ("contact_syncing", "on") in set(zip(ev.settings.key, ev.settings.value, strict=True))


def test_label_values_records_of_2025(tmp_path: Path) -> None:
    extra = {
        "connections/contacts/synced_contacts.json": {"contacts_contact_info": [
            {"timestamp": 1700000000, "label_values": [
                {"label": "First name", "value": "Nadia"}, {"label": "Surname", "value": "Ko"},
                {"label": "Contact information", "value": "nadia@example.org"}]}]},
        "personal_information/personal_information/personal_information.json": {
            "profile_user": [{"label_values": [
                {"label": "Email address", "value": "z@example.org"},
                {"label": "Username", "value": "zoe_2025"}]}]},
    }  # fmt: skip
    path = mb.build_instagram_export(tmp_path, extra_files=extra, wrapper=False)
    ev = load_evidence([path])
    assert ev.sources[0].warnings == []
    synced = ev.contacts[ev.contacts.origin == "synced_contacts"]
    assert list(synced.name) == ["Nadia Ko"] and list(synced.email) == ["nadia@example.org"]
    ids = set(zip(ev.identifiers.kind, ev.identifiers.value, strict=True))
    assert {("email", "z@example.org"), ("username", "zoe_2025")} <= ids
