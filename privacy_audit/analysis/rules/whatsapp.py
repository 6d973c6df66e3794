"""Rules about WhatsApp settings and groups."""

from __future__ import annotations

import pandas as pd

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.result import Finding
from privacy_audit.analysis.rulekit import (
    RuleContext,
    make_finding,
    numbers,
    source_files,
)

#: folded key pattern -> the visibility setting it is
VISIBILITY_KEYS: dict[str, str] = {
    r"last.?seen|ultimo accesso": "last_seen",
    r"online": "online",
    r"profile.?(?:photo|picture|pic)|immagine|foto": "profile_photo",
    r"about|^info$": "about",
    r"status|stato": "status",
    r"group|gruppi": "groups",
    r"links?$|profile.?links?": "links",
}
#: folded values that mean visible to everyone
EVERYONE = r"^(?:everyone|all|anyone|public|tutti|chiunque|jeder|todos|tout le monde)$"
#: large groups (members) for the group rule
LARGE_GROUP = 50
#: non-contacts needed for the group rule to say "many"
MANY_NON_CONTACTS = 10


def classify_visibility(keys: pd.Series) -> pd.Series:
    """Map WhatsApp settings keys to a visibility setting name (None when not one)."""
    folded = nz.fold(keys).fillna("").str.replace("_", " ", regex=False)
    out = pd.Series(None, index=keys.index, dtype=object)
    for pattern, name in VISIBILITY_KEYS.items():
        hit = out.isna() & folded.str.contains(pattern, regex=True)
        out[hit] = name
    return out


def whatsapp_privacy_settings(ctx: RuleContext) -> Finding | None:
    """WhatsApp profile photo, about, last seen, groups... visible to everyone."""
    settings = ctx.evidence.settings
    settings = settings[settings["service"] == "whatsapp"]
    if settings.empty:
        return None
    which = classify_visibility(settings["key"])
    value = nz.fold(settings["value"]).fillna("")
    open_ = settings.assign(setting=which)[which.notna() & value.str.match(EVERYONE)]
    if open_.empty:
        return None
    tr = ctx.tr
    names = sorted(set(open_["setting"]))
    n = len(names)
    summary = tr.ngettext(
        "{n} WhatsApp privacy setting is set to Everyone: anyone with your number can see it.",
        "{n} WhatsApp privacy settings are set to Everyone: anyone with your number can see them.",
        n,
    ).format(**numbers(tr, n=n))
    # the importer already names each setting the way the visibility classes do, so the
    # export's key would only repeat the setting under the same heading
    columns = {"setting": "setting", "value": "value"}
    rec_ids = ["whatsapp-privacy"]
    if "groups" in names:
        rec_ids.append("whatsapp-groups")
    return make_finding(
        ctx,
        "whatsapp-privacy-settings",
        "medium",
        title=tr.gettext("Your WhatsApp profile is visible to everyone"),
        summary=summary,
        counts={"settings_everyone": n, **{f"everyone_{name}": 1 for name in names}},
        table=open_,
        columns=columns,
        shown=10,
        files=source_files(open_),
        services=["whatsapp"],
        rec_ids=rec_ids,
        amount=n * 3,
    )


_GROUP_COLUMNS = {"chat": "chat", "members": "members", "non_contacts": "non_contacts"}


def number_exposed_in_groups(ctx: RuleContext) -> Finding | None:
    """Group chats expose the user's number to many people who are not contacts."""
    groups = ctx.tables["group_exposure"]
    if groups.empty:
        return None
    exposed = groups[groups["non_contacts"] > 0]
    total = int(exposed["non_contacts"].sum())
    if total < MANY_NON_CONTACTS:
        return None
    tr = ctx.tr
    by_numbers = bool((exposed["basis"] == "numbers").all())
    large = int((groups["members"] >= LARGE_GROUP).sum())
    n = len(exposed)
    if by_numbers:
        summary = tr.ngettext(
            "In {n} group, {people} members who are not in your contacts can see your "
            "phone number.",
            "In {n} groups, {people} members who are not in your contacts can see your "
            "phone number.",
            n,
        ).format(**numbers(tr, n=n, people=total))
    else:
        summary = tr.ngettext(
            "In {n} group, up to {people} members who may not be in your contacts can see "
            "your phone number.",
            "In {n} groups, up to {people} members who may not be in your contacts can see "
            "your phone number.",
            n,
        ).format(**numbers(tr, n=n, people=total))
    msgs = ctx.evidence.messages
    files = source_files(
        msgs[msgs["is_group"].astype(bool)], ctx.evidence.groups[ctx.evidence.groups["members"] > 0]
    )
    return make_finding(
        ctx,
        "number-exposed-in-groups",
        "medium" if total >= LARGE_GROUP else "low",
        title=tr.gettext("Your number is visible to strangers in groups"),
        summary=summary,
        counts={
            "groups": n,
            "non_contacts": total,
            "non_contacts_by_number": int(
                exposed.loc[exposed["basis"] == "numbers", "non_contacts"].sum()
            ),
            "large_groups": large,
        },
        table=exposed,
        columns=_GROUP_COLUMNS,
        evidence_total=n,
        files=files,
        services=["whatsapp"],
        rec_ids=["whatsapp-groups"],
        confidence="confirmed" if by_numbers else "probable",
        amount=total,
    )
