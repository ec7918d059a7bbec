"""What needs the migrant-workers section now, on the staff home (declared by MigrantWorkersConfig.workbench)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Queue, Workbench
from migrant_workers.models import COMPLAINT_OUTCOMES, MigrantComplaint, MigrantComplaintStatus, StatusNotification


def late_notifications(today) -> tuple[Q, Q]:
    """Notifications a clerk has not yet dealt with that were filed after their art. 56 deadline, and those
    whose deadline has passed without a filing (the admin's "late" filter shows the same)."""
    not_reviewed = Q(late_reviewed_on__isnull=True)
    return (Q(filed_late=True) & not_reviewed,
            Q(filed_on__isnull=True, deadline_on__lt=today) & not_reviewed)


def queues(user, today) -> list[Workbench]:
    """Urgent complaints not yet concluded (first, always marked), new complaints not assigned, the clerk's own;
    late notifications (filed late, or past their deadline unfiled), each one query."""
    received = MigrantComplaintStatus.RECEIVED
    filed_late, unfiled = late_notifications(today)
    notifications = Workbench(StatusNotification, [
        Queue(_("逾期通報，待處理"), filed_late, link="late=filed_late"),
        Queue(_("已逾通報期限仍未通報"), unfiled, link="late=unfiled", due="deadline_on"),
    ])
    return [complaints(user, received), notifications]


def complaints(user, received) -> Workbench:
    return Workbench(MigrantComplaint, [
        Queue(_("緊急申訴（需安置或有危險）"), Q(urgent=True) & ~Q(status__in=COMPLAINT_OUTCOMES),
              link="urgent__exact=1", urgent=True),
        Queue(_("新進申訴，尚未分案"), Q(status=received), link=f"status__exact={received}",
              due="filed_on", due_after_days=1),
        Queue(_("我承辦中的申訴"), Q(handler=user) & ~Q(status__in=COMPLAINT_OUTCOMES),
              link=f"handler__id__exact={user.pk}"),
    ])
