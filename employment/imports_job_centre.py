"""Excel import of the job centre's records, as the stations keep them in spreadsheets today: job-seeker
registrations, vacancies and referral cards. Each has its registration or card number as natural key, so a
re-upload updates (a referral's outcome filled in later, say) instead of duplicating.

Derived values are set as the admin sets them: a seeker's 中高齡 flag from the birth date on the registration day
(the rule read once per day in the file), a referral's copy of it, and a new vacancy's publication from the
job-ad checker (phrases and threshold read once per file).
"""

from contextvars import ContextVar

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from employment.job_centre import VacancyChecker
from employment.models import MIDDLE_AGED_RULE, JobSeekerRegistration, Referral, ReferralOutcome, Vacancy
from labor_portal.core.imports import SpreadsheetImport
from labor_portal.core.models import rule_on

# What one import run reads once: {day: middle-aged age} and the vacancy checker.
_RUN: ContextVar[dict | None] = ContextVar("job_centre_import_run", default=None)
YES, NO = "是", "否"
TARGET_GROUPS = ["youth", "disadvantaged", "indigenous", "disabled", "new_resident", "released_prisoner"]


def _yes_no(name: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=JobSeekerRegistration._meta.get_field(name).verbose_name,
                                  choices=[(YES, YES), (NO, NO)], coerce=lambda value: value == YES,
                                  required=False, empty_value=False)


class _RunImport(SpreadsheetImport):
    def run(self, upload, *, user, **options):
        token = _RUN.set({})
        try:
            return super().run(upload, user=user, **options)
        finally:
            _RUN.reset(token)


def _run_cache() -> dict:
    return _RUN.get() if _RUN.get() is not None else {}


class JobSeekerRegistrationImportForm(forms.ModelForm):
    youth, disadvantaged, indigenous = _yes_no("youth"), _yes_no("disadvantaged"), _yes_no("indigenous")
    disabled, new_resident, released_prisoner = _yes_no("disabled"), _yes_no("new_resident"), _yes_no("released_prisoner")

    class Meta:
        model = JobSeekerRegistration
        fields = ["number", "registered_on", "station", "name", "personal_id", "birth_date", "phone",
                  "desired_occupation", *TARGET_GROUPS]

    def _post_clean(self):
        super()._post_clean()
        seeker = self.instance
        if seeker.birth_date and seeker.registered_on:
            ages = _run_cache().setdefault("ages", {})
            if seeker.registered_on not in ages:
                ages[seeker.registered_on] = int(rule_on(MIDDLE_AGED_RULE, seeker.registered_on))
            seeker.derive(ages[seeker.registered_on])


class VacancyImportForm(forms.ModelForm):
    class Meta:
        model = Vacancy
        fields = ["number", "registered_on", "station", "employer_name", "employer_business_number", "job_title",
                  "occupation", "district", "openings", "employment_type", "pay_unit", "pay_min", "pay_max",
                  "description", "closed_on"]

    def _post_clean(self):
        super()._post_clean()
        if self.instance.pk is None and not self.errors:
            cache = _run_cache()
            if "checker" not in cache:
                cache["checker"] = VacancyChecker(timezone.localdate())
            cache["checker"].review(self.instance)


class ReferralImportForm(forms.ModelForm):
    registration = forms.ModelChoiceField(JobSeekerRegistration.objects.all(), to_field_name="number",
                                          label=Referral._meta.get_field("registration").verbose_name)
    vacancy = forms.ModelChoiceField(Vacancy.objects.all(), to_field_name="number",
                                     label=Referral._meta.get_field("vacancy").verbose_name)

    class Meta:
        model = Referral
        fields = ["card_number", "registration", "vacancy", "referred_on", "outcome", "outcome_on"]

    def _post_clean(self):
        super()._post_clean()
        if self.instance.registration_id:
            self.instance.seeker_middle_aged = self.instance.registration.middle_aged
        if not self.errors and self._adds_a_hire():
            self._check_room_with_the_file()

    def _adds_a_hire(self) -> bool:
        """A hired card the database does not already count as a hire into the same vacancy (a re-uploaded card
        keeps its place)."""
        referral = self.instance
        if referral.outcome != ReferralOutcome.HIRED or not referral.vacancy_id:
            return False
        counted = (referral.pk and self.initial.get("outcome") == ReferralOutcome.HIRED
                   and self.initial.get("vacancy") == referral.vacancy_id)
        return not counted

    def _check_room_with_the_file(self):
        # Referral.clean counts the hires already saved; the file's earlier rows are saved only after every row
        # is checked, so two hires in one file could overfill a vacancy: count them here, per vacancy.
        vacancy = self.instance.vacancy
        saved, in_file = _run_cache().setdefault("saved_hires", {}), _run_cache().setdefault("file_hires", {})
        if vacancy.pk not in saved:
            saved[vacancy.pk] = vacancy.hires()
        if saved[vacancy.pk] + in_file.get(vacancy.pk, 0) + 1 > vacancy.openings:
            self.add_error(None, _("此職缺需求 %(openings)s 人，已僱用人數不得超過需求人數。") % {
                "openings": vacancy.openings})
            return
        in_file[vacancy.pk] = in_file.get(vacancy.pk, 0) + 1


class JobSeekerRegistrationImport(_RunImport):
    form_class = JobSeekerRegistrationImportForm
    natural_key = "number"
    columns = [
        ("求職登記編號", "number"), ("登記日期", "registered_on"), ("就業服務站", "station"), ("姓名", "name"),
        ("身分證統一編號", "personal_id"), ("出生日期", "birth_date"), ("聯絡電話", "phone"),
        ("希望職業大類", "desired_occupation"), ("青年", "youth"), ("弱勢者", "disadvantaged"), ("原住民", "indigenous"),
        ("身心障礙者", "disabled"), ("新住民", "new_resident"), ("更生受保護人", "released_prisoner"),
    ]
    example = ["S10906-000001", "109/06/30", "前鎮就業服務站", "王小明", "A123456789", "64/05/05", "0912345678",
               "服務及銷售工作人員", NO, NO, NO, NO, NO, NO]


class VacancyImport(_RunImport):
    form_class = VacancyImportForm
    natural_key = "number"
    columns = [
        ("求才登記編號", "number"), ("登記日期", "registered_on"), ("就業服務站", "station"),
        ("事業單位名稱", "employer_name"), ("統一編號", "employer_business_number"), ("職缺名稱", "job_title"),
        ("職業大類", "occupation"), ("工作地點（行政區）", "district"), ("需求人數", "openings"),
        ("工作型態", "employment_type"), ("計薪方式", "pay_unit"), ("薪資下限（元）", "pay_min"),
        ("薪資上限（元）", "pay_max"), ("工作內容及條件", "description"), ("截止日期", "closed_on"),
    ]
    example = ["V10906-00001", "109/06/30", "三民就業服務站", "港都精密工業有限公司", "", "作業員", "機械設備操作及組裝人員",
               "前鎮區", 3, "全職", "月薪", 28000, 32000, "輪班，享勞健保。", ""]


class ReferralImport(_RunImport):
    form_class = ReferralImportForm
    natural_key = "card_number"
    columns = [
        ("介紹卡編號", "card_number"), ("求職登記編號", "registration"), ("求才登記編號", "vacancy"),
        ("推介日期", "referred_on"), ("推介結果", "outcome"), ("結果日期", "outcome_on"),
    ]
    example = ["R10906-000001", "S10906-000001", "V10906-00001", "109/06/30", "已僱用", "109/07/06"]
