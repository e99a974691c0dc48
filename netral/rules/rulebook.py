"""The rulebook in force, as one immutable object built from a validated version folder."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from netral.rules.checks import ParsedFiles
from netral.rules.schemas import (
    ELECTION_KINDS,
    CollectiveLeaveDay,
    CriminalArticle,
    DeadlineRule,
    ElectionKind,
    IkpFile,
    OfficeHours,
    Requirement,
    Sanction,
    ViolationKind,
    ViolationType,
)
from netral.rules.schemas_appeals import AppealsFile
from netral.rules.schemas_retention import RetentionFile
from netral.rules.schemas_warnings import WarningsFile


@dataclass(frozen=True)
class Rulebook:
    version: str
    # SHA-256 over the data files' bytes: two processes with the same hash apply the same law.
    sha256: str
    kinds: tuple[ViolationKind, ...]
    violation_types: tuple[ViolationType, ...]
    sanctions: tuple[Sanction, ...]
    criminal_articles: tuple[CriminalArticle, ...]
    # Per election kind, the kind's own rules followed by the common ones.
    deadlines: Mapping[ElectionKind, tuple[DeadlineRule, ...]]
    office_hours: OfficeHours
    collective_leave: tuple[CollectiveLeaveDay, ...]
    requirements: tuple[Requirement, ...]
    completion_deadline: str
    # The vulnerability index method (IKP): dimensions, indicators, weights and classes.
    ikp: IkpFile
    # Prevention: appeal templates and deadlines; how early warnings are computed.
    appeals: AppealsFile
    warnings: WarningsFile
    # How long each kind of data is kept (``netral.operations.retention``).
    retention: RetentionFile

    @classmethod
    def from_files(
        cls,
        *,
        version: str,
        sha256: str,
        files: ParsedFiles,
        ikp: IkpFile,
        appeals: AppealsFile,
        warnings: WarningsFile,
        retention: RetentionFile,
    ) -> Rulebook:
        """Assemble a rulebook; ``files`` must already have passed ``rulebook_problems``."""
        common = files.deadlines.common
        deadlines: dict[ElectionKind, tuple[DeadlineRule, ...]] = {
            "pilkada": files.deadlines.pilkada + common,
            "pemilu": files.deadlines.pemilu + common,
        }
        return cls(
            version=version,
            sha256=sha256,
            kinds=files.violation_types.kinds,
            violation_types=files.violation_types.violation_types,
            sanctions=files.sanctions.sanctions,
            criminal_articles=files.criminal_articles.criminal_articles,
            deadlines=MappingProxyType(deadlines),
            office_hours=files.office_hours,
            collective_leave=tuple(sorted(files.collective_leave.days, key=lambda d: d.date)),
            requirements=files.requirements.requirements,
            completion_deadline=files.requirements.completion_deadline,
            ikp=ikp,
            appeals=appeals,
            warnings=warnings,
            retention=retention,
        )

    def collective_leave_dates(self) -> frozenset[datetime.date]:
        return frozenset(day.date for day in self.collective_leave)

    def counts(self) -> dict[str, int]:
        """How many entries of each kind: recorded with the version and shown by load_rules."""
        return {
            "violation_types": len(self.violation_types),
            "sanctions": len(self.sanctions),
            "criminal_articles": len(self.criminal_articles),
            **{f"deadlines_{kind}": len(self.deadlines[kind]) for kind in ELECTION_KINDS},
            "collective_leave_days": len(self.collective_leave),
            "requirements": len(self.requirements),
            "ikp_indicators": len(self.ikp.indicators),
            "appeal_templates": len(self.appeals.templates),
        }
