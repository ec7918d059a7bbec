"""The public vacancy search (求職者查詢職缺): open vacancies the job centre published, filtered by occupation,
district, pay and full or part time, each with its pay range. Vacancies the job-ad checker flagged wait for staff
review and are not shown (employment.job_centre.vacancy_review). No login; two queries per page (count, rows)."""

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employment.district_names import DISTRICT_NAMES, district_choices
from employment.models import EmploymentType, OccupationGroup, PayUnit, Vacancy
from labor_portal.cases.forms import AccessibleErrorsMixin
from labor_portal.core.ratelimit import per_ip_limit

PAGE_SIZE = 20
# The fields a result shows: the list reads nothing else (the description can be long).
LISTED = ("number", "registered_on", "employer_name", "job_title", "occupation", "district", "openings",
          "employment_type", "pay_unit", "pay_min", "pay_max")


def _any(choices):
    return [("", gettext_lazy("不限")), *choices]


class VacancySearchForm(AccessibleErrorsMixin, forms.Form):
    occupation = forms.ChoiceField(label=gettext_lazy("職業類別"), choices=_any(OccupationGroup.choices),
                                   required=False)
    district = forms.ChoiceField(label=gettext_lazy("工作地點（行政區）"), choices=_any(district_choices()),
                                 required=False)
    employment_type = forms.ChoiceField(label=gettext_lazy("工作型態"), choices=_any(EmploymentType.choices),
                                        required=False)
    pay_unit = forms.ChoiceField(label=gettext_lazy("計薪方式"), choices=PayUnit.choices, initial=PayUnit.MONTHLY,
                                 required=False)
    pay_at_least = forms.IntegerField(
        label=gettext_lazy("薪資下限至少（元）"), min_value=0, max_value=10_000_000, required=False,
        help_text=gettext_lazy("只列出薪資下限不低於此金額的職缺，例如月薪 30000。"))


def vacancy_search(data: dict):
    """The published open vacancies matching the search form's cleaned `data`, newest first."""
    vacancies = Vacancy.objects.public().only(*LISTED)
    for name in ("occupation", "district", "employment_type"):
        if data.get(name):
            vacancies = vacancies.filter(**{name: data[name]})
    if data.get("pay_at_least") is not None:
        vacancies = vacancies.filter(pay_unit=data.get("pay_unit") or PayUnit.MONTHLY,
                                     pay_min__gte=data["pay_at_least"])
    return vacancies.order_by("-registered_on", "-id")


@per_ip_limit("employment.vacancies", "120/m", method="GET")
def vacancy_list(request):
    form = VacancySearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    paginator = Paginator(vacancy_search(data), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "paginator": paginator, "query": query.urlencode()}
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        context["page_error"] = _("沒有這一頁：查詢結果共 %(pages)s 頁，請從第 1 頁開始。") % {"pages": paginator.num_pages}
        return render(request, "employment/vacancies.html", context, status=404)
    vacancies = list(page.object_list)
    for vacancy in vacancies:
        vacancy.district_name = DISTRICT_NAMES.get(vacancy.district, vacancy.district)
    context.update(page=page, vacancies=vacancies)
    return render(request, "employment/vacancies.html", context)
