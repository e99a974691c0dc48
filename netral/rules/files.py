"""Every file a rulebook version folder must hold, with its schema."""

from netral.rules.schemas import (
    CollectiveLeaveFile,
    CriminalArticlesFile,
    DeadlinesFile,
    IkpFile,
    OfficeHours,
    RequirementsFile,
    SanctionsFile,
    ViolationTypesFile,
    _Entry,
)
from netral.rules.schemas_appeals import AppealsFile
from netral.rules.schemas_retention import RetentionFile
from netral.rules.schemas_warnings import WarningsFile

FILE_SCHEMAS: dict[str, type[_Entry]] = {
    "violation_types.toml": ViolationTypesFile,
    "sanctions.toml": SanctionsFile,
    "criminal_articles.toml": CriminalArticlesFile,
    "deadlines.toml": DeadlinesFile,
    "office_hours.toml": OfficeHours,
    "collective_leave.toml": CollectiveLeaveFile,
    "requirements.toml": RequirementsFile,
    "ikp.toml": IkpFile,
    "appeals.toml": AppealsFile,
    "warnings.toml": WarningsFile,
    "retention.toml": RetentionFile,
}
