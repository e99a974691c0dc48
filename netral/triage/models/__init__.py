"""Triage records, one module per kind.

``persons``: the person record (a reported ASN across reports and cases) and each report's
link to it. ``duplicates``: what the duplicate look-up keeps per report (signatures).
``suggestions``: suggestions shown to staff and what they did with them.
"""

from netral.triage.models.duplicates import *  # noqa: F403
from netral.triage.models.persons import *  # noqa: F403
from netral.triage.models.suggestions import *  # noqa: F403
