"""Prevention records, one module per kind of record.

``pledges``: ASN neutrality pledges and collective pledge events. ``appeals``: appeals
(imbauan) to regional heads, their delivery, acknowledgement and follow-up. ``commitments``:
integrity pacts, coordination meetings and the commitments made there, and the prevention
activities an office logs. ``warnings``: early warnings per region and their acknowledgement.
"""

from netral.prevention.models.appeals import *  # noqa: F403
from netral.prevention.models.commitments import *  # noqa: F403
from netral.prevention.models.pledges import *  # noqa: F403
from netral.prevention.models.warnings import *  # noqa: F403
