"""What could not be checked because its export was not given ("not checked", never "fine")."""

from __future__ import annotations

from privacy_audit.analysis.rulekit import RuleContext
from privacy_audit.i18n import N_

_HOW_FACEBOOK = N_(
    "Facebook: Settings & privacy > Settings > Accounts Center > Your information and "
    "permissions > Download your information; choose JSON and All time."
)
_HOW_INSTAGRAM = N_(
    "Instagram: Profile > Menu > Accounts Center > Your information and permissions > "
    "Download your information; choose JSON and All time."
)
_HOW_WA_REPORT = N_("WhatsApp: Settings > Account > Request account info, then export the report.")
_HOW_WA_CHATS = N_(
    "WhatsApp: open a chat (groups too) > More > Export chat > Without media, for the chats "
    "you want to check."
)


def not_checked(ctx: RuleContext) -> list[dict[str, str]]:
    """``{service, what, how}`` for every part of the audit with no export to read."""
    tr = ctx.tr
    out: list[dict[str, str]] = []

    def add(service: str, what: str, how: str) -> None:
        out.append({"service": service, "what": tr.gettext(what), "how": tr.gettext(how)})

    if not ctx.has("facebook"):
        add(
            "facebook",
            N_(
                "Facebook: contact uploads, friends, linked accounts, off-Meta activity, "
                "advertisers, logins and two-factor authentication."
            ),
            _HOW_FACEBOOK,
        )
    elif ctx.evidence.contacts["origin"].eq("friends").sum() == 0 and len(ctx.tables["uploads"]):
        add(
            "facebook",
            N_("Which of the contacts you uploaded are not your Facebook friends."),
            N_("Request a new Facebook download that includes Connections > Friends."),
        )
    if not ctx.has("instagram"):
        add(
            "instagram",
            N_("Instagram: synced contacts, your phone number and e-mail, logins, advertisers."),
            _HOW_INSTAGRAM,
        )
    if not ctx.has("messenger") and not ctx.has("facebook"):
        add(
            "messenger",
            N_("Messenger: contact uploads and conversations."),
            N_("Messenger data comes with the Facebook download: request that one."),
        )
    if not ctx.has("whatsapp"):
        add(
            "whatsapp",
            N_(
                "WhatsApp: your number, your contacts, groups, privacy settings and "
                "two-step verification."
            ),
            _HOW_WA_REPORT,
        )
    else:
        if not ctx.has("whatsapp", "account_report"):
            add(
                "whatsapp",
                N_("WhatsApp: privacy settings, two-step verification and your contact list."),
                _HOW_WA_REPORT,
            )
        if not ctx.has("whatsapp", "chat"):
            add(
                "whatsapp",
                N_("WhatsApp: who sees your number in groups, and chats with businesses."),
                _HOW_WA_CHATS,
            )
    return out
