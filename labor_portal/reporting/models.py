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
