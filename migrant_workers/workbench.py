"""What needs the migrant-workers section now, on the staff home (declared by MigrantWorkersConfig.workbench)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Queue, Workbench
from migrant_workers.models import COMPLAINT_OUTCOMES, MigrantComplaint, MigrantComplaintStatus


def queues(user, today) -> Workbench:
    """Urgent complaints not yet concluded (first, always marked), new complaints not assigned, the clerk's own."""
    received = MigrantComplaintStatus.RECEIVED
    return Workbench(MigrantComplaint, [
        Queue(_("緊急申訴（需安置或有危險）"), Q(urgent=True) & ~Q(status__in=COMPLAINT_OUTCOMES),
              link="urgent__exact=1", urgent=True),
        Queue(_("新進申訴，尚未分案"), Q(status=received), link=f"status__exact={received}",
              due="filed_on", due_after_days=1),
        Queue(_("我承辦中的申訴"), Q(handler=user) & ~Q(status__in=COMPLAINT_OUTCOMES),
              link=f"handler__id__exact={user.pk}"),
    ])
