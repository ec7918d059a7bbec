"""What every citizen-facing section shares: case numbers per kind and year, the outbox of messages to citizens,
the personal-data read log."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseNumberSequence(models.Model):
    """The last number given to one kind of case (its letter, e.g. D) in one ROC year.

    Its row is locked by the filing that takes the next number until that filing commits, so numbers are
    gapless and in order under concurrent filings (see labor_portal.cases.numbers).
    """

    kind = models.CharField(_("案件種類代碼"), max_length=1)
    roc_year = models.PositiveSmallIntegerField(_("民國年"))
    last_number = models.PositiveIntegerField(_("最後編號"), default=0)

    class Meta:
        verbose_name = _("案件編號序列")
        verbose_name_plural = _("案件編號序列")
        constraints = [models.UniqueConstraint(fields=["kind", "roc_year"], name="case_number_sequence_kind_year")]

    def __str__(self):
        return f"{self.roc_year}-{self.kind}: {self.last_number}"


# The bureau's domain, so that the identifier is unique worldwide and says where it came from.
MESSAGE_ID_DOMAIN = "labor.kcg.gov.tw"


def outbox_message_id() -> str:
    """A fresh `Message-ID` header value, fixed when the row is written (RFC 5322: unique, in angle brackets).

    Every send of the row uses it, so a message sent again after its "sent" mark was lost is recognisably the
    same message to the citizen's mail client.
    """
    return f"<outbox.{uuid.uuid4().hex}@{MESSAGE_ID_DOMAIN}>"


class OutboxMessage(models.Model):
    """One message to a citizen about one case, written in the transaction that decided to send it.

    Sent after that transaction commits (Celery), or by beat's flush when the broker was unreachable. A sender
    claims the row for a lease; a sender that dies releases it by letting the lease pass. Delivery is at least
    once: see README, "The outbox".
    """

    # The case, of any section: its primary key as text (disputes use UUIDs, other sections may use integers).
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    case = GenericForeignKey("content_type", "object_id")
    section = models.CharField(_("業務科"), max_length=50)
    kind = models.CharField(_("訊息種類"), max_length=50)
    # Rendered at send time as `<template>_subject.txt` and `<template>.txt`.
    template = models.CharField(max_length=200)
    recipient = models.EmailField(_("收件人"))
    # The language the citizen filed in; the message is written in it when it is sent.
    language = models.CharField(_("語言"), max_length=10, default=settings.LANGUAGE_CODE)
    # Small and never secret (no access code): it is kept until the row is deleted.
    context = models.JSONField(default=dict, blank=True)
    message_id = models.CharField(max_length=200, unique=True, default=outbox_message_id, editable=False)
    created_at = models.DateTimeField(_("建立時間"), auto_now_add=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("嘗試次數"), default=0)
    last_error = models.TextField(_("最後錯誤"), blank=True)
    sent_at = models.DateTimeField(_("寄出時間"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("待寄訊息")
        verbose_name_plural = _("待寄訊息")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="outbox_case")]

    def __str__(self):
        return f"{self.kind} → {self.recipient}"


class PersonalDataPage(models.TextChoices):
    """Which page showed personal data in full."""

    CHANGE = "change", _("編輯頁")
    HISTORY = "history", _("變更歷史")
    HISTORY_VERSION = "history_version", _("歷史版本（檢視或回復）")
    DELETE = "delete", _("刪除確認")
    ATTACHMENT = "attachment", _("附件下載")
    SEARCH = "search", _("查詢")
    EXPORT = "export", _("匯出")


class PersonalDataRead(models.Model):
    """Audit log: a staff member saw one record's personal data in full (Taiwan PDPA Enforcement Rules art. 12).

    Art. 12 asks an agency holding personal data to keep a record of its use (who, when, which data), so the
    rows are never changed or deleted through the portal, and they outlive the record they name: the record is
    referred to by content type and id as text, with a label (e.g. its case number) that stays readable.
    """

    content_type = models.ForeignKey(ContentType, verbose_name=_("資料類型"), on_delete=models.PROTECT,
                                     related_name="+")
    object_id = models.CharField(_("資料識別碼"), max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    section = models.CharField(_("業務科"), max_length=50, db_index=True)
    label = models.CharField(_("資料"), max_length=200, blank=True)
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("調閱者"), on_delete=models.PROTECT,
                               related_name="+")
    viewed_at = models.DateTimeField(_("調閱時間"), auto_now_add=True, db_index=True)
    # Blank on the rows written before pages were told apart.
    page = models.CharField(_("頁面"), max_length=20, choices=PersonalDataPage.choices, blank=True)
    # The viewer's address as seen through the trusted proxies (labor_portal.core.clientip).
    ip_address = models.GenericIPAddressField(_("來源位址"), null=True, blank=True)

    class Meta:
        verbose_name = _("個資調閱紀錄")
        verbose_name_plural = _("個資調閱紀錄")
        ordering = ["-viewed_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="personal_data_read_record")]

    def __str__(self):
        return f"{self.viewer} {self.label} {self.viewed_at:%Y-%m-%d %H:%M}"
