import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from labor_portal.core.periods import HalfYear


class ReportRun(models.Model):
    """One generation of the half-year report: who asked, how it went, and what came out."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("排隊中")
        RUNNING = "running", _("產製中")
        DONE = "done", _("完成")
        FAILED = "failed", _("失敗")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    period = models.CharField(_("期間"), max_length=6, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("申請人"), on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(_("狀態"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("進度(%)"), default=0)
    created_at = models.DateTimeField(_("申請時間"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("開始時間"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成時間"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("執行次數"), default=0)
    # The running attempt holds the run until `lease_until` and renews it as it progresses; once the lease
    # has passed (its worker died), another attempt may claim the run. Each claim gets a new token, and the
    # attempt's later writes only apply while the run still carries its token.
    lease_until = models.DateTimeField(_("執行租約期限"), null=True, blank=True, editable=False)
    claim_token = models.UUIDField(_("執行識別碼"), null=True, blank=True, editable=False)
    error = models.TextField(_("錯誤訊息"), blank=True)
    snapshot = models.JSONField(_("報表內容"), null=True, blank=True, editable=False)
    workbook = models.FileField(_("Excel 檔"), upload_to="reports/", blank=True)

    class Meta:
        verbose_name = _("報表產製紀錄")
        verbose_name_plural = _("報表產製紀錄")
        ordering = ["-created_at"]
        # Given to officials with approval rights (core.roles.APPROVERS), never to the one who generated a run.
        permissions = [("approve_reportrun", _("可核定並公布報表"))]

    def __str__(self):
        return f"{self.period} {self.get_status_display()}"

    @property
    def half_year(self) -> HalfYear:
        return HalfYear.parse(self.period)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return round((self.finished_at - self.started_at).total_seconds(), 1)
        return None


class PublicationQuerySet(models.QuerySet):
    def current(self):
        """The latest approved revision of each half-year: what downloads and open data serve."""
        latest = Publication.objects.filter(period=models.OuterRef("period")).order_by("-revision")
        return self.filter(revision=models.Subquery(latest.values("revision")[:1]))


class Publication(models.Model):
    """One approved revision of a half-year's report: its figures and files as published, never changed after.

    Revision 1 is the first approval; a later approved run of the same half-year is the next revision, with
    the cells that changed against the one before (`diff`). The latest revision is the published one.
    """

    period = models.CharField(_("期間"), max_length=6, db_index=True)
    revision = models.PositiveSmallIntegerField(_("版次"))
    run = models.OneToOneField(
        ReportRun, verbose_name=_("產製紀錄"), on_delete=models.PROTECT, related_name="publication"
    )
    snapshot = models.JSONField(_("公布內容"), editable=False)
    diff = models.JSONField(_("與前一版的差異"), default=dict, blank=True, editable=False)
    workbook = models.FileField(_("Excel 檔"), upload_to="reports/published/", editable=False)
    workbook_en = models.FileField(_("英文 Excel 檔"), upload_to="reports/published/", blank=True, editable=False)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("產製人"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    generated_at = models.DateTimeField(_("產製時間"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("核定人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("核定時間"))

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("報表公布版本")
        verbose_name_plural = _("報表公布版本")
        ordering = ["-period", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["period", "revision"], name="publication_one_revision_number"),
        ]

    def __str__(self):
        return f"{self.period} r{self.revision}"

    def save(self, *args, **kwargs):
        # Published figures are locked: a correction is a new revision, never an edit of this one.
        if not self._state.adding:
            raise PublicationLocked(self)
        super().save(*args, **kwargs)

    @property
    def half_year(self) -> HalfYear:
        return HalfYear.parse(self.period)


class PublicationLocked(Exception):
    """A published revision was about to be changed."""


class PeriodCorrection(models.Model):
    """A record of an approved half-year was corrected after approval, and why (the save asked for a reason)."""

    period = models.CharField(_("期間"), max_length=6, db_index=True)
    record_type = models.CharField(_("資料類別"), max_length=100, help_text="app_label.model")
    record_id = models.CharField(_("資料識別碼"), max_length=64)
    reason = models.CharField(_("更正原因"), max_length=100)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("更正人"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    corrected_at = models.DateTimeField(_("更正時間"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("核定後更正紀錄")
        verbose_name_plural = _("核定後更正紀錄")
        ordering = ["-corrected_at"]

    def __str__(self):
        return f"{self.period} {self.record_type}#{self.record_id}"
