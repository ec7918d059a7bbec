from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.districts import District
from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.periods import HalfYear


class UnionType(models.TextChoices):
    FEDERATION = "federation", "工會聯合組織"
    ENTERPRISE = "enterprise", "企業工會"
    INDUSTRIAL = "industrial", "產業工會"
    CRAFT = "craft", "職業工會"


class UnionQuerySet(models.QuerySet):
    def active_on(self, day: date):
        """Registered on or before `day` and not dissolved by then (a union dissolved on `day` is gone)."""
        return self.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day), founded_on__lte=day)

    def founded_in(self, period: HalfYear):
        return self.filter(founded_on__gte=period.start, founded_on__lt=period.end)


class Union(BureauRecord):
    name = models.CharField(_("工會名稱"), max_length=200)
    union_type = models.CharField(_("工會類型"), max_length=20, choices=UnionType.choices)
    registration_number = models.CharField(_("登記證書字號"), max_length=50, unique=True)
    district = models.CharField(_("會址行政區"), max_length=20, choices=District.choices)
    founded_on = models.DateField(_("成立日期"), db_index=True)
    dissolved_on = models.DateField(_("解散日期"), null=True, blank=True, db_index=True)
    members = models.PositiveIntegerField(_("會員人數"), default=0)

    objects = UnionQuerySet.as_manager()

    class Meta:
        verbose_name = _("工會")
        verbose_name_plural = _("工會")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=models.F("founded_on")),
                name="union_dissolved_not_before_founded",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.dissolved_on and self.founded_on and self.dissolved_on < self.founded_on:
            raise ValidationError({"dissolved_on": _("解散日期不得早於成立日期。")})

    def existed_on(self, day: date) -> bool:
        return self.founded_on <= day and (self.dissolved_on is None or day <= self.dissolved_on)


class MeetingKind(models.TextChoices):
    GENERAL_ASSEMBLY = "general_assembly", "會員(代表)大會"
    BOARD_OF_DIRECTORS = "board_of_directors", "理事會"
    BOARD_OF_SUPERVISORS = "board_of_supervisors", "監事會"


class StatutoryMeeting(BureauRecord):
    union = models.ForeignKey(Union, verbose_name=_("工會"), on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("會議類別"), max_length=30, choices=MeetingKind.choices)
    held_on = models.DateField(_("開會日期"), db_index=True)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("法定會議")
        verbose_name_plural = _("法定會議")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.union} {self.get_kind_display()} {self.held_on}"

    def clean(self):
        if self.union_id and self.held_on and not self.union.existed_on(self.held_on):
            raise ValidationError({"held_on": _("開會日期須在工會成立之後、解散之前。")})


class EducationEvent(BureauRecord):
    """A labor-education event run by a union, with the bureau's subsidy (勞工教育活動補助)."""

    union = models.ForeignKey(Union, verbose_name=_("主辦工會"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("活動名稱"), max_length=200)
    held_on = models.DateField(_("辦理日期"), db_index=True)
    subsidy_amount = models.PositiveIntegerField(_("補助金額(元)"), default=0)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("勞工教育活動")
        verbose_name_plural = _("勞工教育活動")
        ordering = ["-held_on"]

    def __str__(self):
        return self.title


class NewsletterGrant(BureauRecord):
    """A subsidy to a union federation for its newsletter (會訊補助)."""

    union = models.ForeignKey(Union, verbose_name=_("受補助工會"), on_delete=models.PROTECT, related_name="+")
    granted_on = models.DateField(_("核定日期"), db_index=True)
    amount = models.PositiveIntegerField(_("補助金額(元)"))

    objects = PeriodQuerySet.dated_by("granted_on").as_manager()

    class Meta:
        verbose_name = _("會訊補助")
        verbose_name_plural = _("會訊補助")
        ordering = ["-granted_on"]

    def __str__(self):
        return f"{self.union} {self.amount}"


class CampusLecture(BureauRecord):
    """A labor-law lecture at a senior high or vocational school (勞動法制教育校園巡迴演講)."""

    school = models.CharField(_("學校"), max_length=200)
    held_on = models.DateField(_("演講日期"), db_index=True)
    audience = models.PositiveIntegerField(_("參加人數"), default=0)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("校園巡迴演講")
        verbose_name_plural = _("校園巡迴演講")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.school} {self.held_on}"


class MagazineIssue(BureauRecord):
    """An issue of the bimonthly labor magazine 工代誌."""

    issue_number = models.PositiveIntegerField(_("期數"), unique=True)
    published_on = models.DateField(_("出刊日期"), db_index=True)
    copies = models.PositiveIntegerField(_("印製份數"))

    objects = PeriodQuerySet.dated_by("published_on").as_manager()

    class Meta:
        verbose_name = _("工代誌期刊")
        verbose_name_plural = _("工代誌期刊")
        ordering = ["-issue_number"]

    def __str__(self):
        return _("第%(number)s期") % {"number": self.issue_number}


class LaborUniversityClass(BureauRecord):
    """A class of the city's labor university (勞工大學), dated by its first session."""

    name = models.CharField(_("班別名稱"), max_length=200)
    starts_on = models.DateField(_("開課日期"), db_index=True)
    participants = models.PositiveIntegerField(_("參加人次"), default=0)

    objects = PeriodQuerySet.dated_by("starts_on").as_manager()

    class Meta:
        verbose_name = _("勞工大學班別")
        verbose_name_plural = _("勞工大學班別")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.name
