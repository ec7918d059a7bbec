from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords

from labor_portal.core.periods import HalfYear


class HistoryManagerOnce(HistoryDescriptor):
    """`record.history`, with its manager class built once per model rather than on every access.

    simple-history (3.13) calls Manager.from_queryset() in HistoryDescriptor.__get__, and reads that
    descriptor on every save to find the history model: a new class per saved row, about a tenth of a
    citizen's filing (tests/benchmarks/disputes_profile.py).
    """

    def __init__(self, model, manager, queryset):
        super().__init__(model, manager=manager.from_queryset(queryset), queryset=queryset)

    def __get__(self, instance, owner):
        return self.manager_class(self.model, instance)


class BureauHistoricalRecords(HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        descriptor = sender.__dict__.get(self.manager_name)
        if type(descriptor) is HistoryDescriptor:
            setattr(sender, self.manager_name, HistoryManagerOnce(
                descriptor.model, manager=descriptor.manager_class, queryset=descriptor.queryset_class
            ))


class PeriodQuerySet(models.QuerySet):
    """Records dated by one date field, selected by half-year with an index-friendly range."""

    date_field: str

    @classmethod
    def dated_by(cls, field: str) -> type["PeriodQuerySet"]:
        return type(f"{cls.__name__}By_{field}", (cls,), {"date_field": field})

    def in_period(self, period: HalfYear):
        return self.filter(**{f"{self.date_field}__gte": period.start, f"{self.date_field}__lt": period.end})


class BureauRecord(models.Model):
    """Base of every record the bureau keeps: timestamps, the acting user and a change history."""

    created_at = models.DateTimeField(_("建立時間"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新時間"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("建立者"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("最後修改者"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = BureauHistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class DemoDataset(models.Model):
    """Marks a section's demo records as loaded, so that `load_demo` never loads them twice."""

    name = models.CharField(max_length=100, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("示範資料")
        verbose_name_plural = _("示範資料")

    def __str__(self):
        return self.name
