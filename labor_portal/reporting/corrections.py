"""Corrections after approval: a record dated in a published half-year may still be corrected, with a reason.

One mechanism for every section: the admin base class (core.admin.BureauRecordAdmin) takes
`PublishedPeriodCorrections`. A record is dated by the field its queryset selects half-years by
(`PeriodQuerySet.dated_by(...)`, or `opened_field` for records open over a span). When the record's date
before or after the edit falls in a published half-year, the form asks for a reason; the reason goes into
the record's change history (simple-history's history_change_reason) and into one PeriodCorrection per
half-year, which the report page counts as "changes since approval".
"""

from collections.abc import Callable
from datetime import date, datetime

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.models import PeriodCorrection, Publication

REASON_FIELD = "correction_reason"
REASON_MAX_LENGTH = 100  # simple-history's history_change_reason column holds 100 characters


def record_day_getter(model) -> Callable[[object], date | None] | None:
    """How to read the day that places a record of `model` in a half-year; None when it is not period-scoped."""
    queryset_class = getattr(model._default_manager, "_queryset_class", None)
    field = getattr(queryset_class, "date_field", None) or getattr(queryset_class, "opened_field", None)
    if not field:
        return None
    path = field.split("__")

    def day_of(record) -> date | None:
        value = record
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                return None
        return value.date() if isinstance(value, datetime) else value

    return day_of


def published_periods_for(request) -> set[str]:
    """The published half-years, read once per request (the admin builds its form more than once)."""
    if not hasattr(request, "_published_periods"):
        request._published_periods = set(Publication.objects.values_list("period", flat=True).distinct())
    return request._published_periods


def correction_form(base_form, day_of, published: set[str]):
    """`base_form` with a reason that is required when the record's date, before or after, is in `published`."""

    class CorrectionForm(base_form):
        correction_reason = forms.CharField(
            label=_("更正原因"), required=False, max_length=REASON_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("資料日期屬已核定公布的半年期間時必填：公布後的更正會列入下一版報表。"),
        )

        def _post_clean(self):
            before = day_of(self.instance) if self.instance.pk else None  # the record as stored
            super()._post_clean()  # puts the edited values on the instance
            after = day_of(self.instance)
            days = {day for day in (before, after) if isinstance(day, date)}
            self.corrected_periods = sorted({str(HalfYear.containing(day)) for day in days} & published)
            if self.corrected_periods and not (self.cleaned_data.get(REASON_FIELD) or "").strip() \
                    and REASON_FIELD not in self.errors:
                self.add_error(REASON_FIELD, gettext(
                    "這筆資料屬已核定公布的期間（%(periods)s），請填寫更正原因後再儲存。"
                ) % {"periods": "、".join(HalfYear.parse(p).label_zh for p in self.corrected_periods)})

    return CorrectionForm


class PublishedPeriodCorrections:
    """Admin mixin: asks for a reason when a record of a published half-year is saved, and records it."""

    def _correction_setup(self, request):
        day_of = record_day_getter(self.model)
        if day_of is None:
            return None
        published = published_periods_for(request)
        return (day_of, published) if published else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        setup = self._correction_setup(request)
        if setup is not None:
            kwargs["form"] = correction_form(kwargs.get("form", self.form), *setup)
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self._correction_setup(request) is not None and REASON_FIELD not in flatten_fieldsets(fieldsets):
            fieldsets = [*fieldsets, (_("核定後更正"), {"fields": [REASON_FIELD]})]
        return fieldsets

    def save_model(self, request, obj, form, change):
        periods = getattr(form, "corrected_periods", [])
        reason = (form.cleaned_data.get(REASON_FIELD) or "").strip() if periods else ""
        if reason:
            obj._change_reason = reason  # simple-history stores it as the version's history_change_reason
        super().save_model(request, obj, form, change)
        if reason:
            PeriodCorrection.objects.bulk_create([
                PeriodCorrection(period=period, record_type=obj._meta.label_lower, record_id=str(obj.pk),
                                 reason=reason, corrected_by=request.user)
                for period in periods
            ])
