"""The training classes' queue on the staff workbench: classes that have ended without their completion numbers,
which the report's 結訓人數 needs (employment.workbench lists it with the section's other queues)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from employment.models import TrainingClass
from labor_portal.core.sections import Queue, Workbench


def training_queues(user, today) -> Workbench:
    return Workbench(TrainingClass, [
        Queue(_("職業訓練：已結訓，尚未填寫結訓人數"), Q(completed__isnull=True, ends_on__lt=today),
              link="completion=missing", due="ends_on"),
    ])
