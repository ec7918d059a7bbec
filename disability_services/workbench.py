"""What needs the vocational-rehabilitation section now, on the staff home (DisabilityServicesConfig.workbench)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from disability_services.models import QuotaEmployer, RewardApplication
from disability_services.selectors import below_quota_lately
from labor_portal.core.sections import Queue, Workbench

BELOW_FOR_MONTHS = 3


def queues(user, today) -> Workbench:
    """Employers below quota in each of the last three months with rosters (a reminder, then art. 43 payments
    and possibly a fine), and employers whose over-quota reward application waits for a decision."""
    return Workbench(QuotaEmployer, [
        Queue(_("連續3個月以上未足額進用"), below_quota_lately(today, BELOW_FOR_MONTHS), link="queue=below"),
        Queue(_("超額進用獎勵申請待核定"), Q(pk__in=RewardApplication.objects.waiting().values("employer")),
              link="queue=reward_waiting"),
    ])

