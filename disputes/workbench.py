"""What needs the disputes section now, on the staff home (declared by DisputesConfig.workbench)."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from disputes.models import OUTCOMES, DisputeCase, DisputeStatus, FiledVia
from labor_portal.core.models import rule_on
from labor_portal.core.sections import Queue, Workbench

# A deadline this close (in days) is shown as near, before it passes.
WARN_DAYS = 1


def queues(user, today) -> Workbench:
    """New online applications, the two deadlines of the Labor-Management Dispute Act art. 12 (assign a
    mediator within 3 days of the application; start mediating within 7 days of the assignment; both kept as
    LegalRule data), and the clerk's own open cases."""
    assign_days = int(rule_on("disputes.assign_within_days", today))
    start_days = int(rule_on("disputes.mediation_start_within_days", today))
    return Workbench(DisputeCase, [
        Queue(_("新進線上申請，尚未分案"), Q(status=DisputeStatus.RECEIVED, filed_via=FiledVia.ONLINE),
              link=f"status__exact={DisputeStatus.RECEIVED}&filed_via__exact={FiledVia.ONLINE}"),
        Queue(_("指派調解人期限將屆或已逾"),
              Q(status=DisputeStatus.RECEIVED, filed_on__lte=today - timedelta(days=assign_days - WARN_DAYS)),
              link=f"status__exact={DisputeStatus.RECEIVED}", due="filed_on", due_after_days=assign_days),
        Queue(_("開始調解期限將屆或已逾"),
              Q(status=DisputeStatus.ASSIGNED, assigned_on__lte=today - timedelta(days=start_days - WARN_DAYS)),
              link=f"status__exact={DisputeStatus.ASSIGNED}", due="assigned_on", due_after_days=start_days),
        Queue(_("我承辦中的案件"), Q(handler=user) & ~Q(status__in=OUTCOMES), link=f"handler__id__exact={user.pk}"),
    ])
