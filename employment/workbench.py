"""What needs the employment section now, on the staff home (declared by EmploymentConfig.workbench).

The section's complaints are three models: three Workbenches, each counted in one aggregate query.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from employment.job_centre import referral_queues
from employment.models import (
    OPEN_STATES,
    ComplaintFiledVia,
    ComplaintStatus,
    DiscriminationComplaint,
    HarassmentComplaint,
    ScamComplaint,
)
from employment.workbench_services import training_queues
from labor_portal.core.sections import Queue, Workbench

# An investigation deadline this close (in days) is shown before it passes.
WARN_DAYS = 14
TITLES = {
    DiscriminationComplaint: _("就業歧視"),
    HarassmentComplaint: _("性騷擾"),
    ScamComplaint: _("求職防騙"),
}


def complaint_queues(model, user, today) -> Workbench:
    kind = TITLES[model]
    return Workbench(model, [
        Queue(_("%(kind)s：新進線上申訴，尚未分案") % {"kind": kind},
              Q(status=ComplaintStatus.RECEIVED, filed_via=ComplaintFiledVia.ONLINE),
              link=f"status__exact={ComplaintStatus.RECEIVED}&filed_via__exact={ComplaintFiledVia.ONLINE}"),
        Queue(_("%(kind)s：調查期限將屆或已逾") % {"kind": kind},
              Q(status__in=OPEN_STATES, investigation_due_on__lte=today + timedelta(days=WARN_DAYS)),
              link="deadline=near", due="investigation_due_on"),
        Queue(_("%(kind)s：我承辦中的案件") % {"kind": kind}, Q(handler=user, status__in=OPEN_STATES),
              link=f"handler__id__exact={user.pk}"),
    ])


def queues(user, today) -> list[Workbench]:
    return [*(complaint_queues(model, user, today) for model in TITLES), training_queues(user, today),
            referral_queues(user, today)]
