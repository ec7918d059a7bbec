"""What needs the welfare section now, on the staff home (declared by WelfareConfig.workbench)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.sections import Queue, Workbench
from welfare.models import CondolencePayment, PaymentStatus


def queues(user, today) -> Workbench:
    """Condolence payments awaiting approval (the earliest grading first), approved ones still to be paid, and
    those this clerk entered that wait for someone else's approval."""
    return Workbench(CondolencePayment, [
        Queue(_("慰問金待核准"), Q(status=PaymentStatus.AWAITING_APPROVAL),
              link=f"status__exact={PaymentStatus.AWAITING_APPROVAL}", due="graded_on"),
        Queue(_("慰問金已核准待撥款"), Q(status=PaymentStatus.APPROVED), link=f"status__exact={PaymentStatus.APPROVED}",
              due="approved_on"),
        Queue(_("我登錄、待他人核准的慰問金"), Q(status=PaymentStatus.AWAITING_APPROVAL, created_by=user),
              link=f"status__exact={PaymentStatus.AWAITING_APPROVAL}&created_by__id__exact={user.pk}"),
    ])
