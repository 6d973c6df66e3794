"""The exposure score: 0-100, higher = more exposed, and what it becomes after each action.

How it is made (also told to the user in :func:`explanation`): every finding adds points
by severity (high 16, medium 9, low 4, info 0) plus up to 4 for how much evidence it has;
the points become the score on a curve that rises fast at first and flattens towards 100
(``100 * (1 - exp(-points / 80))``), so every action still lowers a high score. Following
a finding's advice removes its points.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from privacy_audit.analysis.result import AuditResult, Finding
from privacy_audit.analysis.rulekit import BASE_POINTS
from privacy_audit.i18n import Translator

MAX_SCORE = 100
#: points at which the score reaches about 63 (the curve's scale)
SCALE = 80.0


def score(findings: Iterable[Finding]) -> int:
    """The score of a set of findings: their points on a curve from 0 to 100."""
    points = sum(max(0, f.points) for f in findings)
    return min(MAX_SCORE, round(MAX_SCORE * (1 - math.exp(-points / SCALE))))


def score_after(findings: list[Finding]) -> dict[str, int]:
    """Finding id -> score once that finding's advice is followed (the others stay)."""
    return {f.id: score(g for g in findings if g.id != f.id) for f in findings}


def score_after_actions(result: AuditResult, finding_ids: set[str]) -> int:
    """The score once the advice of the findings ``finding_ids`` is followed."""
    return score(f for f in result.findings if f.id not in set(finding_ids))


def explanation(
    findings: list[Finding], not_checked: list[dict[str, str]], tr: Translator
) -> list[str]:
    """Plain sentences on how the score is made, in the audit's language."""
    total = score(findings)
    lines = [
        tr.gettext(
            "The score goes from 0 to 100: the higher it is, the more Meta can link "
            "together about you."
        ),
        tr.gettext(
            "Each finding adds points by how serious it is (high {high}, medium {medium}, "
            "low {low}) and up to 4 more for how much evidence it has. The points are turned "
            "into the score on a curve that rises fast at first and slows down near 100, so "
            "every action you take lowers it."
        ).format(high=BASE_POINTS["high"], medium=BASE_POINTS["medium"], low=BASE_POINTS["low"]),
    ]
    if findings:
        top = max(findings, key=lambda f: f.points)
        after = score(f for f in findings if f.id != top.id)
        lines.append(
            tr.gettext(
                "Your score is {score}. The biggest part comes from: {title}; following its "
                "advice alone would lower the score to {after}."
            ).format(score=total, title=top.title, after=after)
        )
        lines.append(
            tr.gettext("Each finding shows the score you would have once you follow its advice.")
        )
    else:
        lines.append(tr.gettext("Your score is 0: the exports show nothing that needs action."))
    if not_checked:
        lines.append(
            tr.ngettext(
                "{n} part could not be checked because its export was not given: the real "
                "exposure may be higher.",
                "{n} parts could not be checked because their exports were not given: the real "
                "exposure may be higher.",
                len(not_checked),
            ).format(n=len(not_checked))
        )
    return lines


@dataclass(frozen=True)
class RankedAction:
    """One recommendation to follow, with what it does to the score."""

    rec_id: str
    title: str
    finding_ids: tuple[str, ...]  # the findings whose first advice it is, most severe first
    severity: str  # of the most severe of those findings
    score_after: int  # the score once it is done
    gain: int  # how much the score drops


def ranked_actions(
    result: AuditResult,
    done: Iterable[str] = (),
    limit: int = 3,
    scorer: Callable[[AuditResult, set[str]], int] | None = None,
) -> list[RankedAction]:
    """The actions that lower the score most, leaving out recommendations marked done.

    One action per recommendation (the first advice of each finding), ranked by the score
    they would remove; ties keep the findings' order (most severe first). ``scorer`` is
    :func:`score_after_actions` unless given.
    """
    score_of = scorer or score_after_actions
    done_ids = set(done)
    groups: dict[str, list[Finding]] = {}
    titles: dict[str, str] = {}
    for finding in result.findings:
        if not finding.recommendations:
            continue
        rec = finding.recommendations[0]
        if rec.id in done_ids:
            continue
        groups.setdefault(rec.id, []).append(finding)
        titles.setdefault(rec.id, rec.title)
    actions: list[RankedAction] = []
    for rec_id, findings in groups.items():
        after = int(score_of(result, {f.id for f in findings}))
        actions.append(
            RankedAction(
                rec_id=rec_id,
                title=titles[rec_id],
                finding_ids=tuple(f.id for f in findings),
                severity=findings[0].severity,
                score_after=after,
                gain=max(0, int(result.score) - after),
            )
        )
    order = {rec_id: index for index, rec_id in enumerate(groups)}
    actions.sort(key=lambda a: (-a.gain, order[a.rec_id]))
    return actions[:limit]
