"""The daily computation: a region fed a synthetic spike gets one warning naming its
signals with their numbers; a steady region gets none; a second run the same day adds
nothing; each signal fires from the data it names."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from netral.audit.models import AuditEntry
from netral.prevention.models import EarlyWarning
from netral.prevention.tests.warnings.conftest import DAY, AddReports, steady
from netral.prevention.warnings import warnings_compute
from netral.prevention.warnings_selectors import region_facts
from netral.prevention.warnings_signals import action_text, evaluate, signal_text
from netral.regions.models import Region
from netral.rules.selectors import rulebook_get

pytestmark = pytest.mark.django_db

SPIKE = "33.03"  # Kabupaten Purbalingga
STEADY = "32.75"  # Kota Bekasi


def _signals(warning: EarlyWarning) -> dict[str, dict[str, Any]]:
    return {s["code"]: s for s in warning.signals}


def test_a_spike_raises_one_warning_and_a_steady_region_none(add_reports: AddReports) -> None:
    steady(add_reports, STEADY)
    steady(add_reports, SPIKE)
    add_reports(SPIKE, DAY, 10, agency="Dinas Kesehatan Kabupaten Purbalingga")

    result = warnings_compute(day=DAY)

    warnings = list(EarlyWarning.objects.all())
    assert [w.region_id for w in warnings] == [SPIKE]
    warning = warnings[0]
    assert warning.computed_for == DAY and warning.status == EarlyWarning.Status.OPEN
    assert result.created == 1 and result.regions > 500
    signals = _signals(warning)
    rise = signals["rise"]
    assert rise["fired"] and rise["count"] == 12 and rise["baseline_mean"] == 2.0
    assert rise["p_value"] < 0.01 and rise["baseline_weeks"] == 8
    stage = signals["risk_stage"]
    assert stage["fired"] and stage["stage"] == "kampanye" and stage["current"]
    assert warning.score == 4  # rise 3 + campaign 1 (warnings.toml)
    with translation.override("id"):
        text = signal_text(rise)
        patrol = [action_text(a) for a in warning.actions]
    assert text.startswith("12 laporan dan temuan minggu ini vs rata-rata 2,0")
    assert "p < 0,0001 (batas 0,01)" in text
    assert "Kirim imbauan dari templat tahapan ini (campaign)" in patrol
    assert any("Dinas Kesehatan Kabupaten Purbalingga (10 laporan" in a for a in patrol)


def test_context_alone_raises_nothing(add_reports: AddReports) -> None:
    """A risk stage everywhere and no events: no region is warned."""
    steady(add_reports, STEADY)
    assert warnings_compute(day=DAY).raised == 0
    assert not EarlyWarning.objects.exists()


def test_computing_twice_keeps_one_warning_per_region_and_day(add_reports: AddReports) -> None:
    steady(add_reports, SPIKE)
    add_reports(SPIKE, DAY, 10)
    warnings_compute(day=DAY)
    second = warnings_compute(day=DAY)
    assert second.created == 0 and second.refreshed == 0
    assert EarlyWarning.objects.filter(region_id=SPIKE, computed_for=DAY).count() == 1
    assert AuditEntry.objects.filter(action="warning.raise").count() == 1
    # More reports later that day refresh the open warning's numbers, still one row.
    add_reports(SPIKE, DAY, 3)
    assert warnings_compute(day=DAY).refreshed == 1
    warning = EarlyWarning.objects.get(region_id=SPIKE, computed_for=DAY)
    assert _signals(warning)["rise"]["count"] == 15
    assert AuditEntry.objects.filter(action="warning.refresh").count() == 1


def test_repeat_offenders_are_counted_but_one_weak_signal_raises_nothing(
    add_reports: AddReports,
) -> None:
    """Repeat offenders (one NIP in two cases) fire their signal; with the campaign that is
    2 points, below ``raise_at`` 3: no warning. A second event signal would raise one."""
    nip = "198503172010011004"
    add_reports(STEADY, DAY - datetime.timedelta(days=30), nip=nip)
    add_reports(STEADY, DAY - datetime.timedelta(days=3), nip=nip)
    add_reports(STEADY, DAY - datetime.timedelta(days=3), nip="197001012000031002")
    rules = rulebook_get().warnings
    region = Region.objects.get(code=STEADY)
    facts = region_facts(day=DAY, now=timezone.now(), rules=rules, regions=[region])[STEADY]
    assert facts.repeat_offenders == 1
    result = evaluate(facts, rules, day_iso=DAY.isoformat())
    assert {s["code"] for s in result.signals if s["fired"]} == {"repeat_offenders", "risk_stage"}
    assert result.score == 2 and not result.raised
    assert warnings_compute(day=DAY).raised == 0
    with_overdue = evaluate(
        dataclasses.replace(facts, appeals_unacknowledged=1), rules, day_iso=DAY.isoformat()
    )
    assert with_overdue.raised and with_overdue.score == 3
    assert {"code": "repeat_review", "count": 1} in with_overdue.actions
    assert nip not in str(with_overdue.signals) + str(with_overdue.actions)  # counts only


def test_the_command_computes_for_the_demo_clock(
    add_reports: AddReports, demo_clock: datetime.date, capsys: Any
) -> None:
    steady(add_reports, SPIKE)
    add_reports(SPIKE, DAY, 10)
    call_command("compute_early_warnings")
    assert EarlyWarning.objects.get().computed_for == DAY
    assert "1 wilayah" in capsys.readouterr().out
    call_command("compute_early_warnings", "--now")
    assert EarlyWarning.objects.count() == 1
