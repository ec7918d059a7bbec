"""Records of the Kaohsiung Museum of Labor (勞工博物館): exhibitions and events, guided-visit slots and bookings,
daily visitor counts, closures and grants."""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.models import BureauRecord, PeriodQuerySet


class ProgrammeKind(models.TextChoices):
    PERMANENT = "permanent", "常設展"
    SPECIAL = "special", "特展"
    EVENT = "event", "活動"


class ExhibitionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def current_on(self, day: date):
        return self.published().filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)

    def coming_after(self, day: date):
        return self.published().filter(starts_on__gt=day)


class Exhibition(BureauRecord):
    """An exhibition (permanent or special) or an event, shown on the museum's public page once published."""

    title = models.CharField(_("名稱"), max_length=200)
    title_en = models.CharField(_("英文名稱"), max_length=200, blank=True)
    kind = models.CharField(_("類別"), max_length=20, choices=ProgrammeKind.choices)
    starts_on = models.DateField(_("開始日期"))
    ends_on = models.DateField(_("結束日期"), null=True, blank=True)
    summary = models.TextField(_("簡介"), blank=True)
    place = models.CharField(_("地點"), max_length=200, blank=True)
    published = models.BooleanField(_("公開於網站"), default=True)

    objects = ExhibitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("展覽與活動")
        verbose_name_plural = _("展覽與活動")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                                   name="exhibition_ends_not_before_start"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("結束日期不得早於開始日期。")})


class ClosureReason(models.TextChoices):
    TYPHOON = "typhoon", "颱風停止上班"
    HOLIDAY = "holiday", "休館日"
    MAINTENANCE = "maintenance", "設備維護"
    OTHER = "other", "其他"


class MuseumClosure(models.Model):
    """A day the museum is closed besides its weekly closing day (Mondays, the `museum.closed_weekday` rule)."""

    day = models.DateField(_("日期"), unique=True)
    reason = models.CharField(_("原因"), max_length=20, choices=ClosureReason.choices)
    note = models.CharField(_("說明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("休館日")
        verbose_name_plural = _("休館日")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day} {self.get_reason_display()}"


class VisitSlot(BureauRecord):
    """A guided-visit time slot: how many visitors it takes in all groups together."""

    day = models.DateField(_("日期"), db_index=True)
    starts_at = models.TimeField(_("開始時間"))
    capacity = models.PositiveIntegerField(_("名額（人）"))
    note = models.CharField(_("說明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("導覽時段")
        verbose_name_plural = _("導覽時段")
        ordering = ["day", "starts_at"]
        constraints = [models.UniqueConstraint(fields=["day", "starts_at"], name="visit_slot_once")]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.starts_at:%H:%M}"


class VisitorGroupKind(models.TextChoices):
    SCHOOL = "school", "學校班級"
    GROUP = "group", "機關團體"


class Accessibility(models.TextChoices):
    WHEELCHAIR = "wheelchair", "輪椅使用者"
    SIGN_LANGUAGE = "sign_language", "手語翻譯"
    VISUAL = "visual", "視障導覽（口述影像）"
    HEARING_LOOP = "hearing_loop", "助聽設備"
    EASY_READ = "easy_read", "易讀解說"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "已預約，待確認"
    CONFIRMED = "confirmed", "已確認"
    WAITLISTED = "waitlisted", "候補中"
    CANCELLED = "cancelled", "已取消"
    ATTENDED = "attended", "已到館"
    NO_SHOW = "no_show", "未到館"


# The bookings that hold places of their slot.
HOLDING = (BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.ATTENDED)


class GroupVisitBooking(BureauRecord):
    """A guided visit booked for a group or a school class (letter M: 109-M-000123)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_number = models.CharField(_("預約編號"), max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=200, editable=False)
    access_code_generation = models.PositiveSmallIntegerField(default=0, editable=False)
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    language = models.CharField(_("預約語言"), max_length=10, default=settings.LANGUAGE_CODE, editable=False)
    slot = models.ForeignKey(VisitSlot, verbose_name=_("導覽時段"), on_delete=models.PROTECT, related_name="bookings")
    group_kind = models.CharField(_("團體類別"), max_length=20, choices=VisitorGroupKind.choices)
    group_name = models.CharField(_("學校或團體名稱"), max_length=200)
    contact_name = models.CharField(_("聯絡人"), max_length=100)
    email = models.EmailField(_("電子郵件"))
    phone = models.CharField(_("聯絡電話"), max_length=30)
    group_size = models.PositiveIntegerField(_("人數"))
    accessibility = models.JSONField(_("無障礙需求"), default=list, blank=True)
    accessibility_note = models.CharField(_("其他需求說明"), max_length=500, blank=True)
    status = models.CharField(_("狀態"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.BOOKED,
                              db_index=True)
    booked_on = models.DateField(_("預約日期"))
    waitlisted_at = models.DateTimeField(_("候補登記時間"), null=True, blank=True)
    attended_count = models.PositiveIntegerField(_("實到人數"), null=True, blank=True)

    class Meta:
        verbose_name = _("團體導覽預約")
        verbose_name_plural = _("團體導覽預約")
        ordering = ["-booked_on", "-case_number"]
        constraints = [models.CheckConstraint(condition=Q(group_size__gte=1), name="visit_booking_someone")]

    def __str__(self):
        return self.case_number

    @property
    def is_open(self) -> bool:
        return self.status in (BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)

    def accessibility_labels(self) -> list[str]:
        labels = dict(Accessibility.choices)
        return [str(labels.get(code, code)) for code in self.accessibility]


class VisitorKind(models.TextChoices):
    WALK_IN = "walk_in", "個人參觀"
    BOOKED_GROUP = "booked_group", "預約團體"
    EVENT = "event", "活動參與"


class VisitorCount(BureauRecord):
    """How many visitors came on a day, by kind (the front desk's daily count)."""

    day = models.DateField(_("日期"), db_index=True)
    kind = models.CharField(_("參觀類別"), max_length=20, choices=VisitorKind.choices)
    visitors = models.PositiveIntegerField(_("人次"))

    objects = PeriodQuerySet.dated_by("day").as_manager()

    class Meta:
        verbose_name = _("每日參觀人次")
        verbose_name_plural = _("每日參觀人次")
        ordering = ["-day", "kind"]
        constraints = [models.UniqueConstraint(fields=["day", "kind"], name="visitor_count_once_per_day_kind")]

    def __str__(self):
        return f"{self.day} {self.get_kind_display()} {self.visitors}"


class GrantKind(models.TextChoices):
    CULTURE_MINISTRY = "culture_ministry", "文化部補助"
    CITY_MATCH = "city_match", "本府配合款"
    EMPLOYMENT_FUND = "employment_fund", "勞動部就業安定基金補助"


class MuseumGrant(BureauRecord):
    kind = models.CharField(_("類別"), max_length=30, choices=GrantKind.choices)
    programme = models.CharField(_("計畫名稱"), max_length=300)
    approved_on = models.DateField(_("核定日期"), db_index=True)
    amount = models.PositiveIntegerField(_("金額（元）"))

    objects = PeriodQuerySet.dated_by("approved_on").as_manager()

    class Meta:
        verbose_name = _("補助與配合款")
        verbose_name_plural = _("補助與配合款")
        ordering = ["-approved_on"]

    def __str__(self):
        return f"{self.programme} {self.amount:,}元"
