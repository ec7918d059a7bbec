"""The review committee, the job-ad checker's phrases, seminars and scam consultations (issue 11)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from employment.grounds import Ground
from labor_portal.core.models import BureauRecord, PeriodQuerySet

__all__ = [
    "PAY_RANGE_THRESHOLD_RULE",
    "AntiDiscriminationSeminar",
    "CommitteeMeeting",
    "CommitteeMember",
    "CommitteeReview",
    "ConsultationChannel",
    "JobAdPhrase",
    "ReviewDecision",
    "ScamConsultation",
    "ScamTopic",
]

# The monthly pay under which a job ad must state a pay range (Employment Service Act art. 5 para. 2 subpara. 6,
# 就業服務法第5條第2項第6款: 經常性薪資未達新臺幣四萬元者，應公開揭示或告知其薪資範圍). Kept as dated data in the
# legal rules (labor_portal.core.models.LegalRule, seeded by this app's migration), read with rule_on.
PAY_RANGE_THRESHOLD_RULE = "employment.pay_range_threshold"


class JobAdPhrase(BureauRecord):
    """A wording the job-ad checker flags: a plain phrase (matched after folding full-width characters and
    written-out ages, 三十五歲 = 35歲) or a regular expression over that folded text."""

    phrase = models.CharField(_("用語"), max_length=200)
    is_regex = models.BooleanField(
        _("正規表示式"), default=False,
        help_text=_("勾選時，用語為 Python 正規表示式，比對全形轉半形、中文年齡轉數字後的文字。"),
    )
    ground = models.CharField(_("歧視事由"), max_length=30, choices=Ground.choices)
    explanation_zh = models.TextField(_("說明（中文）"))
    explanation_en = models.TextField(_("說明（英文）"))
    active = models.BooleanField(_("啟用"), default=True)

    class Meta:
        verbose_name = _("徵才廣告檢查用語")
        verbose_name_plural = _("徵才廣告檢查用語")
        ordering = ["ground", "phrase"]
        constraints = [models.UniqueConstraint(fields=["phrase", "is_regex"], name="job_ad_phrase_once")]

    def __str__(self):
        return self.phrase

    def clean(self):
        from employment.jobads import phrase_pattern

        try:
            phrase_pattern(self.phrase, self.is_regex)
        except ValueError as error:
            raise ValidationError({"phrase": _("正規表示式有誤：%(error)s") % {"error": error}}) from error


class CommitteeMemberQuerySet(models.QuerySet):
    def in_office_on(self, day):
        return self.filter(term_from__lte=day, term_to__gte=day)


class CommitteeMember(BureauRecord):
    """A member of the employment-discrimination review committee (就業歧視評議委員會) for one term."""

    name = models.CharField(_("姓名"), max_length=100)
    affiliation = models.CharField(_("服務單位"), max_length=200, blank=True)
    is_chair = models.BooleanField(_("主任委員"), default=False)
    term_from = models.DateField(_("任期起日"))
    term_to = models.DateField(_("任期迄日"))

    objects = CommitteeMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("評議委員")
        verbose_name_plural = _("評議委員")
        ordering = ["-term_to", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(term_to__gte=models.F("term_from")), name="committee_member_term_order"),
        ]

    def __str__(self):
        return f"{self.name}（{self.term_from:%Y-%m-%d}～{self.term_to:%Y-%m-%d}）"

    def clean(self):
        if self.term_from and self.term_to and self.term_to < self.term_from:
            raise ValidationError({"term_to": _("任期迄日不得早於起日。")})


class CommitteeMeeting(BureauRecord):
    """A meeting of the committee; it decides only with more than half of its members in office present."""

    title = models.CharField(_("會議名稱"), max_length=100, help_text=_("例如 109年第1次會議。"))
    held_on = models.DateField(_("開會日期"), db_index=True)
    place = models.CharField(_("地點"), max_length=200, blank=True)
    members_present = models.ManyToManyField(
        CommitteeMember, verbose_name=_("出席委員"), related_name="meetings_attended", blank=True,
    )
    minutes = models.TextField(_("會議紀錄"), blank=True)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("評議委員會會議")
        verbose_name_plural = _("評議委員會會議")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.title}（{self.held_on:%Y-%m-%d}）"


class ReviewDecision(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("成立")
    NOT_SUBSTANTIATED = "not_substantiated", _("不成立")
    OTHER = "other", _("其他")


class CommitteeReviewQuerySet(PeriodQuerySet.dated_by("meeting__held_on")):
    def published(self, today):
        """The public register (就業歧視違法事業單位公布): substantiated, the name to be published, final by `today`."""
        return self.filter(decision="substantiated", publish_employer_name=True, final_on__lte=today)


class CommitteeReview(BureauRecord):
    """A discrimination complaint on a meeting's agenda and, once voted, the committee's decision.

    Decided only by a meeting with a quorum, by a majority of the members present (employment.committee); where
    the complaint is substantiated, the fine (Employment Service Act art. 65: NT$300,000 to 1,500,000) and
    whether the employer's name is published (art. 65 para. 2, 公布姓名或名稱).
    """

    meeting = models.ForeignKey(
        CommitteeMeeting, verbose_name=_("會議"), on_delete=models.PROTECT, related_name="reviews",
    )
    complaint = models.ForeignKey(
        "employment.DiscriminationComplaint", verbose_name=_("就業歧視申訴案"), on_delete=models.PROTECT,
        related_name="committee_reviews",
    )
    decision = models.CharField(_("評議結果"), max_length=20, choices=ReviewDecision.choices, blank=True)
    votes_substantiated = models.PositiveSmallIntegerField(_("成立票數"), default=0)
    votes_not_substantiated = models.PositiveSmallIntegerField(_("不成立票數"), default=0)
    fine_amount = models.PositiveIntegerField(_("罰鍰金額"), null=True, blank=True)
    publish_employer_name = models.BooleanField(_("公布雇主名稱"), default=False)
    reasons = models.TextField(_("評議理由"), blank=True)
    decision_number = models.CharField(_("處分字號"), max_length=100, blank=True)
    # The public register shows a published decision only once it is final: no appeal (訴願) lodged in time, or
    # the appeal dismissed. Empty while it may still be appealed or is under appeal.
    final_on = models.DateField(_("處分確定日"), null=True, blank=True, db_index=True)

    objects = CommitteeReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("評議案件")
        verbose_name_plural = _("評議案件")
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "complaint"], name="committee_review_once_per_meeting"),
            models.CheckConstraint(
                condition=Q(fine_amount__isnull=True) | Q(decision="substantiated"),
                name="committee_review_fine_only_if_substantiated",
            ),
            models.CheckConstraint(
                condition=Q(publish_employer_name=False) | Q(decision="substantiated"),
                name="committee_review_publish_only_if_substantiated",
            ),
            models.CheckConstraint(
                condition=Q(final_on__isnull=True) | ~Q(decision=""),
                name="committee_review_final_only_if_decided",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} {self.complaint}"

    def clean(self):
        from employment.committee import review_problems

        try:
            # On the meeting's admin page the meeting may be one not saved yet (admin_rights.CommitteeReviewForm).
            meeting = self.meeting
        except CommitteeMeeting.DoesNotExist:
            return
        if meeting is None or self.complaint_id is None:
            return
        problems = review_problems(self)
        if problems:
            raise ValidationError(problems)


class AntiDiscriminationSeminar(BureauRecord):
    """An anti-discrimination and gender-equality seminar for employers (防制就業歧視促進性別平等宣導會)."""

    title = models.CharField(_("名稱"), max_length=200)
    held_on = models.DateField(_("辦理日期"), db_index=True)
    place = models.CharField(_("地點"), max_length=200)
    sessions = models.PositiveSmallIntegerField(_("場次"), default=1)
    participants = models.PositiveIntegerField(_("參加人次"))
    establishments = models.PositiveIntegerField(_("參加事業單位家數"), default=0)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("防制就業歧視宣導會")
        verbose_name_plural = _("防制就業歧視宣導會")
        ordering = ["-held_on"]
        constraints = [models.CheckConstraint(condition=Q(sessions__gte=1), name="seminar_at_least_one_session")]

    def __str__(self):
        return f"{self.title}（{self.held_on:%Y-%m-%d}）"


class ConsultationChannel(models.TextChoices):
    PHONE = "phone", _("電話")
    WALK_IN = "walk_in", _("臨櫃")
    ONLINE = "online", _("網路／電子郵件")
    OUTREACH = "outreach", _("宣導活動現場")


class ScamTopic(models.TextChoices):
    FALSE_AD = "false_ad", _("不實徵才廣告")
    FEES = "fees", _("收取費用或要求購買產品")
    DOCUMENTS = "documents", _("扣留證件或索取存摺提款卡")
    PYRAMID = "pyramid", _("多層次傳銷或投資話術")
    OTHER = "other", _("其他")


class ScamConsultation(BureauRecord):
    """A consultation about a job ad or a possible job scam (求職防騙諮詢): advice given, not a complaint filed."""

    consulted_on = models.DateField(_("諮詢日期"), db_index=True)
    channel = models.CharField(_("諮詢方式"), max_length=20, choices=ConsultationChannel.choices)
    topic = models.CharField(_("諮詢主題"), max_length=20, choices=ScamTopic.choices)
    notes = models.TextField(_("摘要"), blank=True)

    objects = PeriodQuerySet.dated_by("consulted_on").as_manager()

    class Meta:
        verbose_name = _("求職防騙諮詢")
        verbose_name_plural = _("求職防騙諮詢")
        ordering = ["-consulted_on"]

    def __str__(self):
        return f"{self.consulted_on:%Y-%m-%d} {self.get_topic_display()}"
