"""Writes of the analytics app: importing the IKP context indicators."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.analytics.models import IndicatorValue
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError
from netral.regions.models import Region
from netral.rules.selectors import ikp_method_get

COLUMNS_MISSING = "Kolom wajib tidak ada: {missing} (wajib: region, indicator, value)."
LINE_PROBLEM = "Baris {line}: {problem}"
UNKNOWN_REGION = "wilayah {code!r} tidak dikenal"
NOT_IMPORTED = "indikator {code!r} bukan indikator impor di ikp.toml (pilih: {known})"
NOT_A_NUMBER = "nilai {value!r} bukan angka"
DUPLICATE = "wilayah {region} dan indikator {code} muncul dua kali"
REQUIRED = ("region", "indicator", "value")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _parse(text: str) -> list[tuple[str, str, float, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ApplicationError(COLUMNS_MISSING, params={"missing": ", ".join(missing)})
    known = {i.code for i in ikp_method_get().indicators if i.source == "imported"}
    regions = set(Region.objects.values_list("code", flat=True))
    problems: list[str] = []
    rows: list[tuple[str, str, float, str]] = []
    seen: set[tuple[str, str]] = set()
    for line, raw in enumerate(reader, start=2):
        region = (raw.get("region") or "").strip()
        code = (raw.get("indicator") or "").strip()
        text_value = (raw.get("value") or "").strip().replace(",", ".")
        if region not in regions:
            problems.append(
                LINE_PROBLEM.format(line=line, problem=UNKNOWN_REGION.format(code=region))
            )
            continue
        if code not in known:
            problem = NOT_IMPORTED.format(code=code, known=", ".join(sorted(known)))
            problems.append(LINE_PROBLEM.format(line=line, problem=problem))
            continue
        try:
            value = float(text_value)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            problem = NOT_A_NUMBER.format(value=text_value)
            problems.append(LINE_PROBLEM.format(line=line, problem=problem))
            continue
        if (region, code) in seen:
            problem = DUPLICATE.format(region=region, code=code)
            problems.append(LINE_PROBLEM.format(line=line, problem=problem))
            continue
        seen.add((region, code))
        rows.append((region, code, value, (raw.get("source") or "").strip()[:300]))
    if problems:
        raise ApplicationError("\n".join(problems))
    return rows


@audited
def indicator_values_import(*, actor: User | None, text: str) -> ImportResult:
    """Create or replace IKP context values from CSV text (columns region, indicator, value,
    optional source). All or nothing: any bad line stops the import, naming every bad line.
    ``actor`` None is a trusted command run on the server."""
    if actor is not None:
        require(actor, "user.manage")
    rows = _parse(text)
    now = timezone.now()
    existing = {
        (v.region_id, v.indicator): v
        for v in IndicatorValue.objects.select_for_update().filter(
            region_id__in={r for r, _c, _v, _s in rows}
        )
    }
    created = updated = 0
    for region, code, value, source in rows:
        current = existing.get((region, code))
        if current is None:
            IndicatorValue.objects.create(
                region_id=region, indicator=code, value=value, source=source,
                imported_at=now, imported_by=actor,
            )  # fmt: skip
            created += 1
        elif (current.value, current.source) != (value, source):
            current.value, current.source, current.imported_at = value, source, now
            current.imported_by = actor
            current.save(update_fields=["value", "source", "imported_at", "imported_by"])
            updated += 1
    audit_record(
        actor=actor,
        action="ikp.indicators_import",
        object_type="analytics.indicatorvalue",
        after={"created": created, "updated": updated, "rows": len(rows)},
    )
    return ImportResult(created=created, updated=updated)
