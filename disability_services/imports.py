"""Excel import of the quota register: employers, and their monthly rosters (a roster names its employer by its
business number or agency code); and of rehabilitation cases (a case names its client by ID number)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from disability_services.models import CaseStageChange, Client, MonthlyRoster, QuotaEmployer, RehabilitationCase
from disability_services.services import first_stage_change
from labor_portal.core.imports import BATCH_SIZE, SpreadsheetImport


class QuotaEmployerImportForm(forms.ModelForm):
    class Meta:
        model = QuotaEmployer
        fields = ["name", "business_number", "kind", "contact_name", "contact_phone"]


class MonthlyRosterImportForm(forms.ModelForm):
    employer = forms.ModelChoiceField(
        queryset=QuotaEmployer.objects.all(), to_field_name="business_number", label=_("統一編號／機關代碼"),
        error_messages={"invalid_choice": _("查無此統一編號／機關代碼的義務機關(構)，請先登錄該單位。")},
    )

    class Meta:
        model = MonthlyRoster
        fields = ["employer", "month", "insured_headcount", "disabled", "severe", "part_timers",
                  "severe_part_timers", "below_wage"]


class QuotaEmployerImport(SpreadsheetImport):
    form_class = QuotaEmployerImportForm
    # A re-upload updates the employer registered under the same number.
    natural_key = "business_number"
    columns = [
        ("機關(構)名稱", "name"),
        ("統一編號／機關代碼", "business_number"),
        ("類別", "kind"),
        ("聯絡人", "contact_name"),
        ("聯絡電話", "contact_phone"),
    ]
    example = ["示範股份有限公司", "12345675", "私立:民營", "王小明", "07-1234567"]


class MonthlyRosterImport(SpreadsheetImport):
    form_class = MonthlyRosterImportForm
    columns = [
        ("統一編號／機關代碼", "employer"),
        ("月份（每月1日）", "month"),
        ("員工總人數", "insured_headcount"),
        ("身障全時員工（月薪達基本工資）", "disabled"),
        ("其中重度以上", "severe"),
        ("身障部分工時員工（月薪達基本工資二分之一）", "part_timers"),
        ("其中重度以上部分工時", "severe_part_timers"),
        ("月薪未達標準之身障員工", "below_wage"),
    ]
    example = ["12345675", "2020-06-01", 120, 2, 1, 2, 0, 0]

    def _validate(self, rows, result):
        """One roster per employer and month: neither twice in the file nor one already registered (edit that
        one in the admin)."""
        validated = super()._validate(rows, result)
        seen: dict[tuple, int] = {}
        for row in validated:
            instance = row.form.instance
            key = (instance.employer_id, instance.month)
            if key in seen:
                result.errors.append(self._error(row.number, "__all__", _("與第 %(first)s 列為同一單位同一月份。") % {
                    "first": seen[key]}))
            else:
                seen[key] = row.number
        if seen:
            taken = Q()
            for employer_id, month in seen:
                taken |= Q(employer_id=employer_id, month=month)
            for employer_id, month in MonthlyRoster.objects.filter(taken).values_list("employer_id", "month"):
                result.errors.append(self._error(seen[(employer_id, month)], "__all__",
                                                 _("此單位該月份已有名冊，請於名冊頁修改。")))
        return validated


class RehabilitationCaseImportForm(forms.ModelForm):
    client = forms.ModelChoiceField(
        queryset=Client.objects.all(), to_field_name="personal_id", label=_("身分證統一編號"),
        error_messages={"invalid_choice": _("查無此身分證統一編號的個案當事人，請先登錄當事人。")},
    )

    class Meta:
        model = RehabilitationCase
        fields = ["client", "opened_on", "stage", "closed_on", "outcome", "manager"]


class RehabilitationCaseImport(SpreadsheetImport):
    """New cases only (a case has no number of its own to update it by): later stage changes are made on the
    case's page, through the services, so that each is logged."""

    form_class = RehabilitationCaseImportForm
    columns = [
        ("身分證統一編號", "client"),
        ("開案日期", "opened_on"),
        ("階段", "stage"),
        ("結案日期", "closed_on"),
        ("結案原因", "outcome"),
        ("個案管理員", "manager"),
    ]
    example = ["A123456789", "2020-03-02", "評估", None, None, "個管員1"]

    def after_create(self, instances, *, user):
        # Every new case's stage log starts in the import's transaction, in batches rather than row by row.
        CaseStageChange.objects.bulk_create([first_stage_change(case, user=user) for case in instances],
                                            batch_size=BATCH_SIZE)
