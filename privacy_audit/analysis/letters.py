"""GDPR request letters (access, erasure, objection) pre-filled from the evidence.

Templates are data in ``resources/letters/<lang>.toml``; this module fills them with the
user's own identifiers and with what the exports show, each fact labelled *confirmed*
(seen in the export, same number/e-mail) or *probable* (matched by name only). The
letters hold the user's own details on purpose: they are meant to be sent.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import Any

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.cardkit import key_date
from privacy_audit.analysis.history import whatsapp_since
from privacy_audit.analysis.result import AuditResult
from privacy_audit.analysis.rulekit import RuleContext, day, join_names, service_names
from privacy_audit.values import number

KINDS: tuple[str, ...] = ("access", "erasure", "objection", "complaint")
#: advertiser names listed in a letter at most
MAX_NAMES = 10


@functools.cache
def templates(lang: str) -> dict[str, Any]:
    """The letter templates of ``lang`` (English for unknown languages)."""
    lang = lang if lang in ("en", "it") else "en"
    path = resources.files("privacy_audit") / "resources" / "letters" / f"{lang}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _facts(ctx: RuleContext, result: AuditResult, common: dict[str, str]) -> list[str]:
    tr, tables = ctx.tr, ctx.tables
    yes, maybe = common["confirmed"], common["probable"]
    facts: list[str] = []
    own = tables["own_ids"]
    shared = own[(own["kind"] == "phone") & (own["n_services"] >= 2)] if len(own) else own
    if len(shared):
        services = nz.services_in(shared["services"])
        facts.append(
            tr.gettext("The same phone number is in my accounts on {services} ({label}).").format(
                services=service_names(services, tr), label=yes
            )
        )
    up = tables["uploads"]
    if len(up):
        first, last = up["created_at"].min(), up["created_at"].max()
        when = (
            tr.gettext(" between {first} and {last}").format(
                first=day(tr, first), last=day(tr, last)
            )
            if first == first and last == last  # not NaT
            else ""
        )
        facts.append(
            tr.ngettext(
                "{n} entry from my address books was uploaded to {services}{when} ({label}).",
                "{n} entries from my address books were uploaded to {services}{when} ({label}).",
                len(up),
            ).format(
                n=number(len(up), tr.locale),
                services=service_names(up["service"].dropna(), tr),
                when=when,
                label=yes,
            )
        )
    overlap = tables["contact_overlap"]
    if len(overlap):
        for conf, label in (("confirmed", yes), ("probable", maybe)):
            n = int((overlap["confidence"] == conf).sum())
            if n:
                facts.append(
                    tr.ngettext(
                        "{n} of my WhatsApp contacts is also in those uploads ({label}).",
                        "{n} of my WhatsApp contacts are also in those uploads ({label}).",
                        n,
                    ).format(n=number(n, tr.locale), label=label)
                )
    adv = tables["advertisers"]
    listed = adv[adv["relations"].str.contains("uploaded_list", regex=False)] if len(adv) else adv
    if len(listed):
        more = len(listed) - min(len(listed), MAX_NAMES)
        shown = [str(n) for n in listed["name"].head(MAX_NAMES)]
        # "A, B and C"; with more to come, "A, B, C and 3 more"
        names = ", ".join(shown) if more else join_names(shown, tr)
        facts.append(
            tr.ngettext(
                "{n} advertiser used a list with my data: {names}{more} ({label}).",
                "{n} advertisers used a list with my data: {names}{more} ({label}).",
                len(listed),
            ).format(
                n=number(len(listed), tr.locale),
                names=names,
                more=tr.gettext(" and {n} more").format(n=number(more, tr.locale)) if more else "",
                label=yes,
            )
        )
    off = tables["off_meta_top"]
    if len(off):
        facts.append(
            tr.ngettext(
                "{n} app or website sent you {events} events about me ({label}).",
                "{n} apps and websites sent you {events} events about me ({label}).",
                len(off),
            ).format(
                n=number(len(off), tr.locale),
                events=number(int(off["events"].sum()), tr.locale),
                label=yes,
            )
        )
    if len(tables["linked_accounts"]):
        facts.append(
            tr.gettext("My accounts are linked in Accounts Center ({label}).").format(label=yes)
        )
    since, _basis = whatsapp_since(ctx)
    if since is not None and since < key_date("whatsapp_sharing"):
        facts.append(
            tr.gettext(
                "My WhatsApp account dates from {date}, before the sharing with Facebook that "
                "began on 25 August 2016 ({label})."
            ).format(date=day(tr, since), label=yes)
        )
    return facts


def build_letters(ctx: RuleContext, result: AuditResult) -> dict[str, str]:
    """kind -> the filled letter text: "access", "erasure", "objection", "complaint" always, and
    "advertiser" (to the companies that gave Meta a list with the user's data) when the
    export shows such companies.
    """
    data = templates(ctx.tr.lang)
    common = data["common"]
    ids = ctx.evidence.identifiers
    names = ids.loc[ids["kind"] == "name", "value"].dropna()
    own = ctx.tables["own_ids"]
    id_lines = [f"- {value}" for value in own["value"]] if len(own) else []
    facts = _facts(ctx, result, common)
    services = ctx.evidence.services()
    recipients = [common["recipients_meta"]]
    if "whatsapp" in services:
        recipients.append(common["recipients_whatsapp"])
    controllers = [common["controllers_meta"]]
    if "whatsapp" in services:
        controllers.append(common["controllers_whatsapp"])
    values = {
        "controllers": join_names(controllers, ctx.tr),
        "complaint_to": common["complaint_to"],
        "date": day(ctx.tr, dt.date.today()),
        "name": str(names.iloc[0]) if len(names) else common["no_name"],
        "identifiers": "\n".join(id_lines) or "- " + common["no_name"],
        "services": service_names(services, ctx.tr) or "-",
        "recipients": "; ".join(recipients),
        "facts": "\n".join(f"- {f}" for f in facts) or "-",
        "authority": common["authority"],
    }
    letters = {kind: data[kind]["body"].strip().format_map(values) + "\n" for kind in KINDS}
    adv = ctx.tables["advertisers"]
    listed = adv[adv["relations"].str.contains("uploaded_list", regex=False)] if len(adv) else adv
    if len(listed):
        names = [str(n) for n in listed["name"].head(MAX_NAMES)]
        contact = own[own["kind"].isin(("phone", "email"))]["value"] if len(own) else []
        values = values | {
            "businesses": "; ".join(names),
            "label": common["confirmed"],
            "identifiers": "\n".join(f"- {v}" for v in contact) or values["identifiers"],
        }
        letters["advertiser"] = data["advertiser"]["body"].strip().format_map(values) + "\n"
    return letters
