"""The employment section's records: citizens' complaints (complaints.py) and the rights work around them
(rights.py: the review committee, job-ad phrases, seminars)."""

from employment.models.complaints import *  # noqa: F403
from employment.models.job_centre import *  # noqa: F403
from employment.models.rights import *  # noqa: F403
from employment.models.services_events import *  # noqa: F403
from employment.models.training import *  # noqa: F403
