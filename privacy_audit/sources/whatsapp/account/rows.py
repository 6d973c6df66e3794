"""From the simplified WhatsApp report sections to Evidence rows (one function per table).

Run by the importer on :class:`.sections.ReportSections`; every function reads
defensively: by label where WhatsApp labels things, by shape where it does not.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.i18n import N_
from privacy_audit.sources.whatsapp.account import labels as lab
from privacy_audit.sources.whatsapp.account import sections as rd
from privacy_audit.sources.whatsapp.account.sections import ReportSections

_SKIP_FOR_PROFILE = ("contact", "group", "block", "device", "setting", "privacy", "vec")
_DEVICE_FIELDS = {
    "manufacturer": ("device_manufacturer", "manufacturer", "brand", "produttore"),
    "model": ("device_model", "model", "modello", "phone_model"),
    "os": (
        "operating_system_version",
        "os_version",
        "os",
        "operating_system",
        "sistema_operativo",
        "platform",
    ),
    "app": ("app_version", "version", "versione_app", "client_version"),
    "id": ("device_id", "device", "id", "dispositivo"),
}
_NAME_KEYS = (
    "subject",
    "name",
    "title",
    "group_name",
    "nome",
    "oggetto",
    "betreff",
    "asunto",
    "sujet",
    "onderwerp",
    "assunto",
)
_MEMBER_KEYS = (
    "participants",
    "members",
    "partecipanti",
    "membri",
    "teilnehmer",
    "participantes",
    "membres",
    "leden",
)
_COUNT_KEYS = (
    "size",
    "participant_count",
    "participants_count",
    "member_count",
    "members_count",
    "number_of_participants",
)
_COMPANION_HINTS = ("web", "desktop", "windows", "mac", "portal", "companion", "ipad", "wearos")


def _key_in(key: str, names: tuple[str, ...]) -> bool:
    return lab.norm(key) in names


def _get(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The scalar under the first of ``names`` (normalised) that ``record`` has."""
    by_norm = {lab.norm(k): v for k, v in record.items() if not isinstance(v, (dict, list))}
    for name in names:
        if name in by_norm:
            return by_norm[name]
    return None


def fill(reader: ReportSections) -> None:
    """Fill identifiers, contacts, groups, settings and activity from ``reader``."""
    _identifiers(reader)
    _registration(reader)
    _devices(reader)
    _contacts(reader)
    _groups(reader)
    _settings(reader)
    _ips_and_dates(reader)


def _identifiers(reader: ReportSections) -> None:
    sink = reader.sink
    found_phone = False
    seen: set[tuple[str, str]] = set()
    for section, tree in reader.section(
        "user_information", "business_information", "business_profile"
    ):
        for path, value in rd.walk(tree):
            if not path or value is None or isinstance(value, bool):
                continue
            lowered = [lab.norm(p) for p in path]
            if any(hint in part for part in lowered[:-1] for hint in _SKIP_FOR_PROFILE):
                continue
            kind = lab.identifier_kind(path[-1])
            text = str(value).strip()
            if kind is None or not text:
                continue
            if kind == "phone" and not lab.looks_like_phone(text):
                continue
            if kind == "about" and lab.setting_value(text) != text:
                continue  # "My contacts": the About *privacy setting*, not the text
            if (kind, text) in seen:
                continue
            seen.add((kind, text))
            found_phone |= kind == "phone"
            if kind == "phone":
                reader.own_phones.add(text)
            if "business" in "_".join(lowered):
                sink.info.extra["business"] = True
            sink.add(
                "identifiers",
                kind=kind,
                value=text,
                raw=text,
                valid=True,
                source_file=reader.src(section),
            )
        if not found_phone:  # unlabelled: the first phone-shaped value of the profile
            for _path, value in rd.walk(tree):
                if lab.looks_like_phone(value):
                    text = str(value).strip()
                    sink.add(
                        "identifiers",
                        kind="phone",
                        value=text,
                        raw=text,
                        valid=True,
                        source_file=reader.src(section),
                    )
                    found_phone = True
                    break
    if not found_phone and reader.sections:
        reader.warn(N_("The WhatsApp report does not show your phone number in a known form."))


def _registration(reader: ReportSections) -> None:
    for section, tree in reader.section("registration_information", "user_information"):
        for record in rd.dicts(tree):
            when = platform = None
            for key, value in record.items():
                norm = lab.norm(key)
                if isinstance(value, (dict, list)):
                    continue
                if "registration" in norm or "registrazione" in norm or "registrierung" in norm:
                    if any(w in norm for w in ("time", "date", "data", "datum", "fecha")):
                        when = reader.timestamp(value)
                if norm in ("platform", "piattaforma", "plattform", "plataforma", "plateforme"):
                    platform = str(value)
            if when is not None or (platform and section == "registration_information"):
                reader.sink.add(
                    "activity",
                    kind="registration",
                    timestamp=when,
                    device=platform,
                    source_file=reader.src(section),
                )
                return


def _device_label(record: dict[str, Any]) -> tuple[str | None, str]:
    parts = [_get(record, _DEVICE_FIELDS[f]) for f in ("manufacturer", "model", "os", "app")]
    text = " · ".join(str(p).strip() for p in parts if p not in (None, ""))
    ident = _get(record, _DEVICE_FIELDS["id"])
    return (None if ident is None else str(ident)), text


def _devices(reader: ReportSections) -> None:
    seen: set[str] = set()
    for section, tree in reader.section("account_settings", "user_information"):
        for record in rd.dicts(tree):
            if (
                _get(record, _DEVICE_FIELDS["model"]) is None
                and _get(record, _DEVICE_FIELDS["app"]) is None
            ):
                continue
            ident, label = _device_label(record)
            if not label or label in seen:
                continue
            seen.add(label)
            if ident is not None:
                reader.device_names[ident] = label
            lowered = label.lower()
            companion = (ident not in (None, "0")) or any(h in lowered for h in _COMPANION_HINTS)
            reader.sink.add(
                "activity",
                kind="companion" if companion else "device",
                device=label,
                source_file=reader.src(section),
            )
    for section, tree in reader.section("user_information", "account_settings"):
        for record in rd.dicts(tree):
            for key, value in record.items():
                norm = lab.norm(key)
                if (
                    "last_active" in norm
                    or "ultima_attivit" in norm
                    or "zuletzt_aktiv" in norm
                    or norm in ("last_seen_time", "last_online")
                ):
                    ident = _get(record, ("device", "device_id", "dispositivo"))
                    name = reader.device_names.get(str(ident), None) if ident is not None else None
                    when = reader.timestamp(value)
                    if when is not None:
                        reader.sink.add(
                            "activity",
                            kind="last_active",
                            timestamp=when,
                            device=name or (f"device {ident}" if ident is not None else None),
                            source_file=reader.src(section),
                        )


def _phones_in(node: Any) -> list[tuple[str, str | None]]:
    """(phone, name) pairs found in a contacts structure, by shape."""
    out: list[tuple[str, str | None]] = []
    if isinstance(node, dict):
        phones = [str(v).strip() for v in node.values() if lab.looks_like_phone(v)]
        name = _get(node, ("name", "contact_name", "display_name", "nome", "full_name"))
        for phone in phones:
            out.append((phone, None if name is None else str(name)))
        for value in node.values():
            if isinstance(value, (dict, list)):
                out.extend(_phones_in(value))
        for key in node:
            if lab.looks_like_phone(key):
                out.append((key.strip(), None))
    elif isinstance(node, list):
        for item in node:
            if lab.looks_like_phone(item):
                out.append((str(item).strip(), None))
            else:
                out.extend(_phones_in(item))
    return out


def _contacts(reader: ReportSections) -> None:
    sink = reader.sink
    for section, tree in reader.section("contacts"):
        if reader.gen1:
            tree = (
                {
                    k: v
                    for k, v in tree.items()
                    if "contact" in lab.norm(k) and "block" not in lab.norm(k)
                }
                if isinstance(tree, dict)
                else tree
            )
        pairs = _phones_in(tree)
        if not pairs:
            for text in reader.snippets.get(section, []):
                pairs.extend((n, None) for n in lab.phones_in(text) if not lab.looks_like_ip(n))
        seen: set[str] = set(reader.own_phones)
        for phone, name in pairs:
            if phone in seen:
                continue
            seen.add(phone)
            sink.add(
                "contacts",
                origin="whatsapp_contacts",
                name=name,
                phone_raw=phone,
                source_file=reader.src(section),
            )
        if not pairs and tree:
            reader.warn(
                N_(
                    "The contact list of the WhatsApp report has a form this version "
                    "does not know; no contacts were read from it."
                )
            )


def _group_rows(node: Any) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    items = node if isinstance(node, list) else [node]
    for item in items:
        if isinstance(item, str) and item.strip():
            out.append((item.strip(), -1))
        elif isinstance(item, dict):
            name = _get(item, _NAME_KEYS)
            if name is None:
                for value in item.values():
                    if isinstance(value, (list, dict)):
                        out.extend(_group_rows(value))
                continue
            members = -1
            for key, value in item.items():
                if _key_in(key, _MEMBER_KEYS) and isinstance(value, list):
                    members = len(value)
                elif _key_in(key, _COUNT_KEYS + _MEMBER_KEYS):
                    try:
                        members = int(str(value).strip())
                    except ValueError:
                        pass
            out.append((str(name).strip(), members))
    return out


def _groups(reader: ReportSections) -> None:
    for section, tree in reader.section("groups"):
        node: Any = tree
        if isinstance(tree, dict):
            lists = [v for k, v in tree.items() if "group" in lab.norm(k) or "grupp" in lab.norm(k)]
            node = lists if lists else list(tree.values())
            if reader.gen1:
                node = lists
        flat: list[Any] = []
        for entry in node if isinstance(node, list) else [node]:
            flat.extend(entry if isinstance(entry, list) else [entry])
        for name, members in _group_rows(flat):
            reader.sink.add("groups", name=name, members=members, source_file=reader.src(section))


def _settings(reader: ReportSections) -> None:
    sink = reader.sink
    seen: set[str] = set()
    for section, tree in reader.section("account_settings"):
        for record in rd.dicts(tree):
            if _get(record, _DEVICE_FIELDS["model"]) is not None or any(
                lab.identifier_kind(k) == "phone" for k in record
            ):
                continue  # a device or the profile, not settings
            for key, value in record.items():
                norm = lab.norm(key)
                if norm.startswith(("device", "wa_settings")) or (
                    "contact" in norm and "block" not in norm and "bloc" not in norm
                ):
                    continue
                setting = lab.setting_key(key)
                if setting is None or setting in seen:
                    continue
                if isinstance(value, list):
                    if setting != "blocked_contacts":
                        continue
                    text = str(len(value))
                elif isinstance(value, dict):
                    continue
                elif setting == "blocked_contacts":
                    text = str(value).strip()
                else:
                    if value is None or str(value).strip() == "":
                        continue
                    text = lab.setting_value(value)
                seen.add(setting)
                sink.add("settings", key=setting, value=text, source_file=reader.src(section))


def _ips_and_dates(reader: ReportSections) -> None:
    seen: set[str] = set()
    for section, tree in reader.sections.items():
        for path, value in rd.walk(tree):
            if lab.looks_like_ip(value) and str(value) not in seen:
                seen.add(str(value))
                reader.sink.add(
                    "activity", kind="ip", ip=str(value).strip(), source_file=reader.src(section)
                )
            elif path and any(w in lab.norm(path[-1]) for w in ("generation_time", "generated")):
                when = reader.timestamp(value)
                if when is not None:
                    reader.sink.info.export_date = when
