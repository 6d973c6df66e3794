"""History and legal cards tied to the user's own dates (the card shape: see cardkit.py;
their texts are data in resources/cards/texts.toml).

- WhatsApp account older than 25 Aug 2016 (the one-time sharing opt-out);
- the EU DMA choice (March 2024) when Facebook and Instagram are linked;
- the 2026 change of the off-Meta controls (the path that matches the export's controls);
- why it matters in Italy (Garante, AGCM, DPC, European Commission).
Facts: shared/formats/recommendations.md A.3, A.7.1, A.8.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.cardkit import card, key_date, link_url, say
from privacy_audit.analysis.rulekit import RuleContext, day
from privacy_audit.phones import region_of

SHARE_KEY = r"share.*(?:facebook|fb)|fb.?shar|condividi.*facebook"


def whatsapp_since(ctx: RuleContext) -> tuple[pd.Timestamp | None, str]:
    """The earliest date the WhatsApp account is known to exist, and how it is known."""
    act = ctx.evidence.activity
    act = act[act["service"] == "whatsapp"]
    reg = act.loc[act["kind"] == "registration", "timestamp"].dropna()
    if len(reg):
        return reg.min(), "registration"
    msgs = ctx.evidence.messages
    own = msgs.loc[msgs["service"] == "whatsapp", "timestamp"].dropna()
    if len(own):
        return own.min(), "messages"
    return None, ""


def whatsapp_2016_card(ctx: RuleContext) -> dict[str, Any] | None:
    """The account existed before 25 Aug 2016: the sharing opt-out window."""
    since, basis = whatsapp_since(ctx)
    if since is None or since >= key_date("whatsapp_sharing"):
        return None
    tr = ctx.tr
    first = "registered" if basis == "registration" else "chats_since"
    text = [
        say(tr, "history-whatsapp-2016", first, date=day(tr, since)),
        say(tr, "history-whatsapp-2016", "sharing"),
        say(tr, "history-whatsapp-2016", "agcm"),
    ]
    settings = ctx.evidence.settings
    share = settings[
        (settings["service"] == "whatsapp")
        & nz.fold(settings["key"]).fillna("").str.contains(SHARE_KEY, regex=True)
    ]
    facts: dict[str, Any] = {"whatsapp_since": since, "basis": basis}
    if len(share):
        facts["share_with_facebook"] = str(share["value"].iloc[0])
        text.append(say(tr, "history-whatsapp-2016", "choice", value=facts["share_with_facebook"]))
    return card(
        "history-whatsapp-2016",
        "history",
        say(tr, "history-whatsapp-2016", "title"),
        text,
        facts=facts,
    )


#: EU/EEA/Switzerland regions (where the 2024 DMA choice was offered)
EU_REGIONS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO CH".split()
)


def user_regions(ctx: RuleContext) -> set[str]:
    """Regions of the user's own phone numbers, plus the --region given (if any)."""
    regions = {ctx.evidence.region.upper()} if ctx.evidence.region else set()
    own = ctx.tables["own_ids"]
    for number in own.loc[own["kind"] == "phone", "value"] if len(own) else []:
        region = region_of(number)
        if region:
            regions.add(region)
    return regions


def dma_card(ctx: RuleContext) -> dict[str, Any] | None:
    """Facebook and Instagram linked: the EU choice to manage accounts separately (2024).

    Shown to EU/EEA/Swiss users, and when the user's region is unknown.
    """
    links = ctx.tables["linked_accounts"]
    if links.empty:
        return None
    regions = user_regions(ctx)
    if regions and not regions & EU_REGIONS and ctx.tr.lang != "it":
        return None
    tr = ctx.tr
    text = [
        say(tr, "history-dma-2024", "choice"),
        say(tr, "history-dma-2024", "linked"),
    ]
    linked_at = links["linked_at"].dropna()
    facts: dict[str, Any] = {"links": len(links)}
    if len(linked_at):
        facts["linked_since"] = linked_at.min()
        if linked_at.max() >= key_date("dma_choice"):
            text.append(say(tr, "history-dma-2024", "linked_after", date=day(tr, linked_at.max())))
    return card(
        "history-dma-2024",
        "history",
        say(tr, "history-dma-2024", "title"),
        text,
        facts=facts,
        links=[(say(tr, "history-dma-2024", "link"), link_url("dma"))],
    )


def off_meta_2026_card(ctx: RuleContext) -> dict[str, Any] | None:
    """Off-Meta activity in the export: which generation of controls to use."""
    off = ctx.evidence.off_platform
    if off.empty:
        return None
    tr = ctx.tr
    files = " ".join(nz.text(off["source_file"]).dropna().unique()).lower()
    export_dates = [s.export_date for s in ctx.evidence.sources if s.export_date is not None]
    latest = pd.Timestamp(max(export_dates)) if export_dates else off["timestamp"].max()
    if pd.notna(latest) and latest.tzinfo is None:
        latest = latest.tz_localize("UTC")
    new_controls = "other_businesses" in files or (
        pd.notna(latest) and latest >= key_date("off_meta_change")
    )
    text = [say(tr, "history-off-meta-2026", "change")]
    if new_controls:
        text.append(say(tr, "history-off-meta-2026", "new_controls"))
    else:
        text.append(say(tr, "history-off-meta-2026", "old_controls"))
    return card(
        "history-off-meta-2026",
        "history",
        say(tr, "history-off-meta-2026", "title"),
        text,
        facts={"generation": "2026" if new_controls else "2020-2025", "export_date": latest},
        links=[(say(tr, "history-off-meta-2026", "link"), link_url("off_meta"))],
    )


def italy_card(ctx: RuleContext) -> dict[str, Any] | None:
    """Why it matters in Italy: for Italian users (language, region or +39 number)."""
    own = ctx.tables["own_ids"]
    italian_number = bool(len(own)) and own["value"].astype(str).str.startswith("+39").any()
    if not (ctx.tr.lang == "it" or ctx.evidence.region == "IT" or italian_number):
        return None
    tr = ctx.tr
    text = [
        say(tr, "legal-italy", "y2016"),
        say(tr, "legal-italy", "y2021_garante"),
        say(tr, "legal-italy", "fines"),
        say(tr, "legal-italy", "complaint"),
    ]
    return card(
        "legal-italy",
        "legal",
        say(tr, "legal-italy", "title"),
        text,
        links=[(say(tr, "legal-italy", "link"), link_url("garante"))],
    )


def history_cards(ctx: RuleContext) -> list[dict[str, Any]]:
    """Every history/legal card the evidence supports."""
    cards = []
    for make in (whatsapp_2016_card, dma_card, off_meta_2026_card, italy_card):
        card = make(ctx)
        if card:
            cards.append(card)
    return cards
