"""Vocational-training classes and skills-certification tests (report 四(三), issue 12)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.models import BureauRecord, PeriodQuerySet

__all__ = ["CertificationKind", "CertificationSession", "TrainingClass", "TrainingScheme"]


class TrainingScheme(models.TextChoices):
    """The schemes the report's table has a row for, in its order."""

    INDUSTRY_COOPERATION = "industry_cooperation", _("產訓合作職前訓練班")
    COMMISSIONED_UNEMPLOYED = "commissioned_unemployed", _("委外失業者職業訓練")
    SUBSIDISED_CARE = "subsidised_care", _("補助照顧服務員等職業訓練")


class TrainingClass(BureauRecord):
    """A vocational-training class (訓練班), counted in the half-year it starts (開訓).

    enrolled is the report's 招(開)訓人數 and completed its 結訓人數, both people in this class; completed stays
    empty until the class has ended and its results are in (the workbench lists the classes still waiting).
    hours may be empty: the bureau does not always report a class's hours, and a scheme's total is then not known.
    """

    code = models.CharField(_("班級代碼"), max_length=40, unique=True,
                            help_text=_("例：1091-產訓-01；Excel 匯入時以此更新既有班級"))
    scheme = models.CharField(_("訓練類別"), max_length=30, choices=TrainingScheme.choices)
    name = models.CharField(_("班別名稱"), max_length=200)
    provider = models.CharField(_("訓練單位"), max_length=200, blank=True)
    starts_on = models.DateField(_("開訓日期"), db_index=True)
    ends_on = models.DateField(_("結訓日期"))
    hours = models.PositiveIntegerField(_("訓練時數"), null=True, blank=True)
    enrolled = models.PositiveIntegerField(_("招（開）訓人數"))
    completed = models.PositiveIntegerField(_("結訓人數"), null=True, blank=True,
                                            help_text=_("結訓後填寫；未結訓前請留空"))

    objects = PeriodQuerySet.dated_by("starts_on").as_manager()

    class Meta:
        verbose_name = _("職業訓練班")
        verbose_name_plural = _("職業訓練班")
        ordering = ["-starts_on", "code"]
        indexes = [models.Index(fields=["starts_on", "scheme"], name="training_class_period_scheme")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="training_class_ends_after_start"),
            models.CheckConstraint(condition=Q(completed__isnull=True) | Q(completed__lte=F("enrolled")),
                                   name="training_class_completed_within_enrolled"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("結訓日期不得早於開訓日期。")
        if self.completed is not None and self.enrolled is not None and self.completed > self.enrolled:
            errors["completed"] = _("結訓人數不得多於招（開）訓人數。")
        if errors:
            raise ValidationError(errors)


class CertificationKind(models.TextChoices):
    NATIONAL = "national", _("全國技術士技能檢定")
    INSTANT = "instant", _("即測即評及發證")
    PROJECT = "project", _("專案技能檢定")


class CertificationSession(BureauRecord):
    """A skills-certification test session the centre ran for the Skill Evaluation Center (技能檢定中心).

    candidates: the people who sat this session's test (人). Summed over the half-year's sessions, as the report
    counts 服務…人參加各項技能檢定測驗, a candidate who sat two tests counts twice.
    """

    kind = models.CharField(_("檢定類別"), max_length=20, choices=CertificationKind.choices)
    trade = models.CharField(_("職類"), max_length=100)
    held_on = models.DateField(_("檢定日期"), db_index=True)
    candidates = models.PositiveIntegerField(_("到檢人數"))

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("技能檢定場次")
        verbose_name_plural = _("技能檢定場次")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()} {self.trade}"
