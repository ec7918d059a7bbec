"""What needs the inspections section now, on the staff home (declared by InspectionsConfig.workbench)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inspections.models import PenaltyStatus, Violation
from labor_portal.core.sections import Queue, Workbench


def queues(user, today) -> Workbench:
    """Penalties under appeal wait for the appeal's decision (then final or revoked); the register shows them
    only once final."""
    return Workbench(Violation, [
        Queue(_("訴願中的處分"), Q(status=PenaltyStatus.UNDER_APPEAL), link=f"status__exact={PenaltyStatus.UNDER_APPEAL}"),
    ])
