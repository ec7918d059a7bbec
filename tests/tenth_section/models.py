from django.db import models

from labor_portal.core.models import BureauRecord, PeriodQuerySet


class Visit(BureauRecord):
    visited_on = models.DateField("訪視日期")
    done = models.BooleanField("已完成", default=False)

    objects = PeriodQuerySet.dated_by("visited_on").as_manager()

    class Meta:
        verbose_name = "訪視"
        verbose_name_plural = "訪視"
