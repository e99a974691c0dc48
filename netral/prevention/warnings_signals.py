"""Early-warning signals of one region, computed without a database.

``warnings_selectors.region_facts`` gathers what Netral holds about each region on a day
(``RegionFacts``); ``evaluate`` turns those facts into signals, a score and proposed actions
by the rules of ``warnings.toml``.

The rise test: X, this week's reports and findings (the 7 days ending on the day computed),
is compared with the mean m of the region's own ``baseline_weeks`` trailing weeks. Under "no
rise" X ~ Poisson(m); the one-sided exact p-value is P(X >= x) = 1 - sum_{i<x} e^-m m^i / i!.
The signal fires when p < ``alpha`` and x >= ``min_count``. A baseline mean below
``min_baseline_mean`` is raised to it, so a region without history does not find its first
reports infinitely unlikely.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from netral.common.numbers import number_text
from netral.rules.labels import rule_name
from netral.rules.schemas_warnings import WarningsFile
from netral.rules.selectors import ikp_method_get

# The upper tail is summed until a term no longer changes the sum (or this many terms).
MAX_TERMS = 100_000


def _log_pmf(i: int, mu: float) -> float:
    return -mu + i * math.log(mu) - math.lgamma(i + 1)


def poisson_upper_tail(k: int, mu: float) -> float:
    """P(X >= k) for X ~ Poisson(mu): the one-sided exact p-value of a count k.

    Above the mean the tail is summed upward from k (its terms shrink, and small p-values
    keep their precision); at or below it, 1 minus the lower sum (k terms at most).
    """
    if mu < 0 or math.isnan(mu):
        raise ValueError("mu must be a non-negative number")
    if k <= 0:
        return 1.0
    if mu == 0:
        return 0.0
    if k > mu:
        total = 0.0
        for i in range(k, k + MAX_TERMS):
            term = math.exp(_log_pmf(i, mu))
            total += term
            if term <= total * 1e-17:
                break
        return min(1.0, total)
    lower = math.fsum(math.exp(_log_pmf(i, mu)) for i in range(k))
    return min(1.0, max(0.0, 1.0 - lower))


@dataclass(frozen=True)
class RiseResult:
    count: int
    baseline_mean: float  # the region's own mean, before the floor
    mu: float  # the mean tested against (the floor applied)
    p_value: float
    fired: bool


def rise_test(
    *, count: int, baseline: Sequence[int], alpha: float, min_count: int, min_mean: float
) -> RiseResult:
    """This week's ``count`` against the mean of the ``baseline`` weeks (see the module)."""
    mean = sum(baseline) / len(baseline) if baseline else 0.0
    mu = max(mean, min_mean)
    p = poisson_upper_tail(count, mu)
    return RiseResult(count, mean, mu, p, count >= min_count and p < alpha)


@dataclass(frozen=True)
class StageFacts:
    code: str
    name: str
    election: str
    election_id: int
    start: str  # ISO dates
    end: str
    current: bool  # running on the day; else the next one


@dataclass(frozen=True)
class RegionFacts:
    region_code: str
    week_count: int = 0
    baseline: tuple[int, ...] = ()
    stage: StageFacts | None = None
    ikp_class: str | None = None
    ikp_name: str = ""
    ikp_score: float | None = None
    ppk_overdue: int = 0
    repeat_offenders: int = 0
    appeals_unacknowledged: int = 0
    # The agency most reported this week (for a patrol) and its reports.
    top_agency: str = ""
    top_agency_reports: int = 0
    # The appeals.toml template for the stage, "" when none.
    appeal_template: str = ""


@dataclass(frozen=True)
class Evaluation:
    region_code: str
    score: int
    raised: bool
    signals: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)


def evaluate(facts: RegionFacts, rules: WarningsFile, *, day_iso: str = "") -> Evaluation:
    """The signals, score and proposed actions of one region by ``rules``."""
    s = rules.signals
    rise = rise_test(
        count=facts.week_count,
        baseline=facts.baseline,
        alpha=rules.alpha,
        min_count=rules.min_count,
        min_mean=rules.min_baseline_mean,
    )
    stage = facts.stage
    in_risk = stage is not None and stage.code in rules.risk_stages
    if stage is not None and not stage.current and day_iso:
        # A next stage counts only when it starts within the look-ahead.
        start = datetime.date.fromisoformat(stage.start)
        gap = (start - datetime.date.fromisoformat(day_iso)).days
        in_risk = in_risk and gap <= s.risk_stage.lookahead_days
    signals: list[dict[str, Any]] = [
        {
            "code": "rise",
            "fired": rise.fired,
            "points": s.rise.points,
            "count": rise.count,
            "baseline_mean": round(rise.baseline_mean, 2),
            "baseline_weeks": len(facts.baseline),
            "tested_mean": round(rise.mu, 2),
            "p_value": rise.p_value,
            "alpha": rules.alpha,
            "min_count": rules.min_count,
        },
        _count("ppk_overdue", facts.ppk_overdue, s.ppk_overdue.threshold, s.ppk_overdue.points),
        {
            **_count(
                "repeat_offenders",
                facts.repeat_offenders,
                s.repeat_offenders.threshold,
                s.repeat_offenders.points,
            ),
            "min_cases": s.repeat_offenders.min_cases,
            "window_days": s.repeat_offenders.window_days,
        },
        _count(
            "appeals_unacknowledged",
            facts.appeals_unacknowledged,
            s.appeals_unacknowledged.threshold,
            s.appeals_unacknowledged.points,
        ),
        {
            "code": "risk_stage",
            "fired": in_risk,
            "points": s.risk_stage.points,
            "stage": stage.code if stage else "",
            "stage_name": stage.name if stage else "",
            "election": stage.election if stage else "",
            "start": stage.start if stage else "",
            "end": stage.end if stage else "",
            "current": stage.current if stage else False,
        },
        {
            "code": "ikp_class",
            "fired": facts.ikp_class in s.ikp_class.classes,
            "points": s.ikp_class.points,
            "class": facts.ikp_class,
            "class_name": facts.ikp_name,
            "score": facts.ikp_score,
        },
    ]
    fired = [sig for sig in signals if sig["fired"]]
    score = sum(int(sig["points"]) for sig in fired)
    event = any(sig["code"] in s.event_codes for sig in fired)
    return Evaluation(
        region_code=facts.region_code,
        score=score,
        raised=event and score >= rules.raise_at,
        signals=signals,
        actions=_actions(facts, rules, fired),
    )


def _count(code: str, count: int, threshold: int, points: int) -> dict[str, Any]:
    return {
        "code": code,
        "fired": count >= threshold,
        "points": points,
        "count": count,
        "threshold": threshold,
    }


def _actions(
    facts: RegionFacts, rules: WarningsFile, fired: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The actions of the fired signals, each once, in the rulebook's order of signals."""
    wanted: list[str] = []
    for sig in fired:
        for code in getattr(rules.signals, sig["code"]).actions:
            if code not in wanted:
                wanted.append(code)
    out: list[dict[str, Any]] = []
    for code in wanted:
        if code == "appeal":
            if facts.stage is None or not facts.appeal_template:
                continue
            out.append({"code": code, "template": facts.appeal_template, "stage": facts.stage.code})
        elif code == "social_media_patrol":
            if facts.top_agency:
                out.append(
                    {"code": code, "agency": facts.top_agency, "reports": facts.top_agency_reports}
                )
        elif code == "ppk_reminder":
            out.append({"code": code, "count": facts.ppk_overdue})
        elif code == "appeal_reminder":
            out.append({"code": code, "count": facts.appeals_unacknowledged})
        elif code == "repeat_review":
            out.append({"code": code, "count": facts.repeat_offenders})
    return out


def p_text(p: float) -> str:
    """``= 0,0003``, or ``< 0,0001`` below that (four places, the active language's comma)."""
    return "< " + number_text(0.0001, 4) if p < 0.0001 else "= " + number_text(p, 4)


def signal_text(sig: dict[str, Any]) -> str:
    """One signal in words with its numbers, in the active language."""
    code = sig.get("code")
    if code == "rise":
        return _(
            "{count} laporan dan temuan minggu ini vs rata-rata {mean} per minggu "
            "({weeks} minggu sebelumnya); uji Poisson satu sisi p {p} (batas {alpha})"
        ).format(
            count=number_text(sig["count"]),
            mean=number_text(sig["baseline_mean"], 1),
            weeks=number_text(sig["baseline_weeks"]),
            p=p_text(sig["p_value"]),
            alpha=number_text(sig["alpha"]),
        )
    if code == "ppk_overdue":
        return _("{count} rekomendasi melewati tenggat PPK (ambang {threshold})").format(
            count=number_text(sig["count"]), threshold=number_text(sig["threshold"])
        )
    if code == "repeat_offenders":
        return _(
            "{count} ASN dilaporkan dalam {cases} kasus atau lebih dalam {days} hari terakhir"
        ).format(
            count=number_text(sig["count"]),
            cases=number_text(sig["min_cases"]),
            days=number_text(sig["window_days"]),
        )
    if code == "appeals_unacknowledged":
        return _("{count} imbauan belum diterima (dikonfirmasi) melewati tenggat").format(
            count=number_text(sig["count"])
        )
    if code == "risk_stage":
        if not sig.get("stage"):
            return _("Tidak ada tahapan pemilihan yang berjalan atau akan datang")
        template = (
            _("Tahapan berjalan: {stage} ({election}), {start} s.d. {end}")
            if sig.get("current")
            else _("Tahapan berikutnya: {stage} ({election}), mulai {start}")
        )
        text = template.format(
            stage=sig["stage_name"], election=sig["election"], start=sig["start"], end=sig["end"]
        )
        return text + (" — " + _("tahapan rawan") if sig.get("fired") else "")
    if code == "ikp_class":
        if not sig.get("class"):
            return _("Kelas IKP tidak tersedia")
        names = {c.code: rule_name(c) for c in ikp_method_get().classes}
        return _("Kelas IKP: {name} (skor {score})").format(
            name=names.get(sig["class"], sig.get("class_name", "")),
            score=number_text(sig["score"], 2),
        )
    return str(code)


def action_text(action: dict[str, Any]) -> str:
    """One proposed action in words, in the active language."""
    code = action.get("code")
    if code == "appeal":
        return _("Kirim imbauan dari templat tahapan ini ({template})").format(
            template=action["template"]
        )
    if code == "social_media_patrol":
        text = _("Jadwalkan patroli media sosial atas {agency} ({reports} laporan minggu ini)")
        return text.format(agency=action["agency"], reports=number_text(action["reports"]))
    if code == "ppk_reminder":
        return _("Ingatkan PPK (melalui BKN) atas {count} rekomendasi yang terlambat").format(
            count=number_text(action["count"])
        )
    if code == "appeal_reminder":
        return _("Ingatkan pemerintah daerah untuk mengonfirmasi {count} imbauan").format(
            count=number_text(action["count"])
        )
    if code == "repeat_review":
        return _("Telaah {count} ASN yang berulang kali dilaporkan").format(
            count=number_text(action["count"])
        )
    return str(code)
