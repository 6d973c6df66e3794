"""History and legal cards tied to the user's own dates (the card shape: see cardkit.py).

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
from privacy_audit.analysis.cardkit import card, key_date, link_url
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
    if basis == "registration":
        first = tr.gettext("Your WhatsApp account was registered on {date}.")
    else:
        first = tr.gettext(
            "Your WhatsApp chats go back to {date}, so the account is at least that old."
        )
    text = [
        first.format(date=day(tr, since)),
        tr.gettext(
            "On 25 August 2016 WhatsApp started sharing account information, including your "
            "phone number, with Facebook. Existing users had 30 days to opt out of its use for "
            "Facebook ads and products; the data was still shared for other purposes."
        ),
        tr.gettext(
            "In Italy the competition authority (AGCM) fined WhatsApp 3 million euro in 2017 "
            "for pushing users to accept this sharing. You can ask WhatsApp what was shared "
            "(GDPR art. 15) and object to it (art. 21): see the letters."
        ),
    ]
    settings = ctx.evidence.settings
    share = settings[
        (settings["service"] == "whatsapp")
        & nz.fold(settings["key"]).fillna("").str.contains(SHARE_KEY, regex=True)
    ]
    facts: dict[str, Any] = {"whatsapp_since": since, "basis": basis}
    if len(share):
        facts["share_with_facebook"] = str(share["value"].iloc[0])
        text.append(
            tr.gettext("Your report also records your sharing choice: {value}.").format(
                value=facts["share_with_facebook"]
            )
        )
    return card(
        "history-whatsapp-2016",
        "history",
        tr.gettext("Your WhatsApp account is older than the 2016 sharing with Facebook"),
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
        tr.gettext(
            "Since March 2024, under the EU Digital Markets Act, people in the EU can choose "
            "to manage Facebook and Instagram separately, so information is no longer used "
            "across the two accounts."
        ),
        tr.gettext(
            "Your export shows accounts linked in Accounts Center. If you never made this "
            "choice, or chose to keep them together, you can still separate them in Accounts "
            "Center > Accounts."
        ),
    ]
    linked_at = links["linked_at"].dropna()
    facts: dict[str, Any] = {"links": len(links)}
    if len(linked_at):
        facts["linked_since"] = linked_at.min()
        if linked_at.max() >= key_date("dma_choice"):
            text.append(
                tr.gettext(
                    "At least one link was made on {date}, after the choice was offered."
                ).format(date=day(tr, linked_at.max()))
            )
    return card(
        "history-dma-2024",
        "history",
        tr.gettext("The EU choice to use your accounts separately (2024)"),
        text,
        facts=facts,
        links=[(tr.gettext("Meta: more choice for people in the EU (2024)"), link_url("dma"))],
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
    text = [
        tr.gettext(
            'In 2026 Meta began replacing the control "Your activity off Meta technologies" '
            '(which could disconnect this activity from your account) with "Activity from '
            'other businesses", which only stops its use for personalisation, not its '
            "collection. Timing in the EU is not confirmed."
        )
    ]
    if new_controls:
        text.append(
            tr.gettext(
                "Your export is from the new period: look for Accounts Center > Your "
                "information and permissions > Activity from other businesses > Don't allow; "
                'if "Your activity off Meta technologies" is still there, also clear and '
                "disconnect it."
            )
        )
    else:
        text.append(
            tr.gettext(
                "Your export still has the older controls: use Accounts Center > Your "
                "information and permissions > Your activity off Meta technologies > Clear "
                "previous activity and Disconnect future activity while they exist."
            )
        )
    return card(
        "history-off-meta-2026",
        "history",
        tr.gettext("The 2026 change to the off-Meta activity controls"),
        text,
        facts={"generation": "2026" if new_controls else "2020-2025", "export_date": latest},
        links=[
            (tr.gettext("Facebook Help: your activity off Meta technologies"), link_url("off_meta"))
        ],
    )


def italy_card(ctx: RuleContext) -> dict[str, Any] | None:
    """Why it matters in Italy: for Italian users (language, region or +39 number)."""
    own = ctx.tables["own_ids"]
    italian_number = bool(len(own)) and own["value"].astype(str).str.startswith("+39").any()
    if not (ctx.tr.lang == "it" or ctx.evidence.region == "IT" or italian_number):
        return None
    tr = ctx.tr
    text = [
        tr.gettext(
            "2016: the Garante opened an inquiry into WhatsApp sharing data with Facebook. "
            "2017: the competition authority (AGCM) fined WhatsApp 3 million euro for pushing "
            "users to accept it."
        ),
        tr.gettext(
            "January 2021: the Garante publicly warned that WhatsApp's new terms were unclear "
            "and referred the matter to the European Data Protection Board. (The urgent ban of "
            "May 2021 came from the Hamburg authority, not from the Garante.)"
        ),
        tr.gettext(
            "September 2021: the Irish Data Protection Commission fined WhatsApp 225 million "
            "euro for not being transparent, also about sharing with Facebook companies and "
            "about people who do not use WhatsApp. 2024: AGCM fined Meta 3.5 million euro over "
            "Instagram. April 2025: the European Commission fined Meta 200 million euro under "
            'the Digital Markets Act for its "pay or consent" model.'
        ),
        tr.gettext(
            "If Meta or WhatsApp does not answer your requests properly within a month, you "
            "can file a complaint with the Garante per la protezione dei dati personali."
        ),
    ]
    return card(
        "legal-italy",
        "legal",
        tr.gettext("Why it matters in Italy"),
        text,
        links=[(tr.gettext("Garante per la protezione dei dati personali"), link_url("garante"))],
    )


def history_cards(ctx: RuleContext) -> list[dict[str, Any]]:
    """Every history/legal card the evidence supports."""
    cards = []
    for make in (whatsapp_2016_card, dma_card, off_meta_2026_card, italy_card):
        card = make(ctx)
        if card:
            cards.append(card)
    return cards
