from decimal import Decimal

from django.conf import settings
from django.core.validators import RegexValidator
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


class LegalRule(models.Model):
    """A number a law or a rule fixes (a deadline in days, a rate, an amount), kept as dated data.

    The value in force on a day is the one with the latest `valid_from` on or before it, so an amended law is a
    new row from its date, and past periods keep the value of their time. Sections add their keys in a data
    migration, citing the article; an administrator corrects them in the admin. Read with `rule_on(key, day)`.
    """

    key = models.CharField(
        _("代碼"), max_length=80, db_index=True, help_text=_("程式讀取用的代碼，例如 disputes.assign_within_days。"),
        validators=[RegexValidator(r"^[a-z0-9_]+(\.[a-z0-9_]+)+\Z", _("代碼為小寫英數字與底線，以點分段，例如 disputes.assign_within_days。"))],
    )
    value = models.DecimalField(_("數值"), max_digits=14, decimal_places=4)
    valid_from = models.DateField(_("生效日"))
    title = models.CharField(_("名稱"), max_length=200)
    citation = models.CharField(_("法源"), max_length=200, help_text=_("法規名稱與條次，例如 勞資爭議處理法第11條。"))

    class Meta:
        verbose_name = _("法定數值")
        verbose_name_plural = _("法定數值")
        ordering = ["key", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["key", "valid_from"], name="legal_rule_once_per_day")]

    def __str__(self):
        return f"{self.title}（{self.valid_from:%Y-%m-%d} 起）"


def rule_on(key: str, day) -> Decimal:
    """The value of rule `key` in force on `day`; LookupError when none was in force (a missing data migration)."""
    in_force = LegalRule.objects.filter(key=key, valid_from__lte=day).order_by("-valid_from")
    value = in_force.values_list("value", flat=True).first()
    if value is None:
        raise LookupError(f"no legal rule {key!r} in force on {day}")
    return value
