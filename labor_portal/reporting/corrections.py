"""Corrections after approval: a record dated in a published half-year may still be corrected, with a reason.

One mechanism for every section: the admin base class (core.admin.BureauRecordAdmin) takes
`PublishedPeriodCorrections`. A record is dated by the field its queryset selects half-years by
(`PeriodQuerySet.dated_by(...)`, or `opened_field` for records open over a span). When the record's date
before or after a change falls in a published half-year, the change asks for a reason; the reason goes into
the record's change history (simple-history's history_change_reason) and into one PeriodCorrection per record
and half-year, which the report page counts as "changes since approval". Every way the admin changes records
asks: the change form, its inline rows (the parent form's reason covers them), the delete page, the bulk
delete action (for what a deletion takes with it too: a case's contacts) and the Excel import
(core.admin.SpreadsheetImportAdminMixin).
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime

from django import forms
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.models import PeriodCorrection, Publication

REASON_FIELD = "correction_reason"
REASON_MAX_LENGTH = 100  # simple-history's history_change_reason column holds 100 characters
LOOKUP_CHUNK = 900  # values per `__in` look-up: under SQLite's bound-parameter limit


def record_day_field(model) -> str | None:
    """The field (a `__` path) whose day places a record of `model` in a half-year; None when not period-scoped."""
    queryset_class = getattr(model._default_manager, "_queryset_class", None)
    return getattr(queryset_class, "date_field", None) or getattr(queryset_class, "opened_field", None)


def _day(value) -> date | None:
    if isinstance(value, datetime):  # the day as the bureau reads it, not UTC's
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, date) else None


def record_day_getter(model) -> Callable[[object], date | None] | None:
    """How to read the day that places a record of `model` in a half-year; None when it is not period-scoped."""
    field = record_day_field(model)
    if not field:
        return None
    path = field.split("__")

    def day_of(record) -> date | None:
        value = record
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                return None
        return _day(value)

    return day_of


def _undated(record) -> None:
    return None


def periods_of(days, published: set[str]) -> list[str]:
    """The published half-years among those of `days` (None ignored)."""
    return sorted({str(HalfYear.containing(day)) for day in days if isinstance(day, date)} & published)


def periods_label(periods) -> str:
    return "、".join(HalfYear.parse(period).label_zh for period in sorted(periods))


def reason_field(required: bool, help_text) -> forms.CharField:
    return forms.CharField(label=_("更正原因"), required=required, max_length=REASON_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 2}), help_text=help_text)


def record_corrections(user, reason: str, corrections) -> None:
    """One PeriodCorrection per record and published half-year: `corrections` is [(record, pk, periods)], the
    pk given apart because a deleted record has lost its own."""
    PeriodCorrection.objects.bulk_create([
        PeriodCorrection(period=period, record_type=record._meta.label_lower, record_id=str(pk), reason=reason,
                         corrected_by=user)
        for record, pk, periods in corrections for period in periods
    ], batch_size=500)


def stored_days(model, pks) -> dict:
    """{pk: day} of the records as stored: the day before a change, read in one query per chunk."""
    field, pks, days = record_day_field(model), list(pks), {}
    for start in range(0, len(pks), LOOKUP_CHUNK):
        chunk = model._default_manager.filter(pk__in=pks[start:start + LOOKUP_CHUNK]).values_list("pk", field)
        days.update({pk: _day(value) for pk, value in chunk})
    return days


def deleted_with(records: list) -> list[tuple[type, Iterable]]:
    """[(model, records)] that deleting `records` deletes: themselves and what cascades from them, as Django's
    deletion collects them (a queryset where it would delete without loading the rows)."""
    if not records:
        return []
    try:
        collector = _collected(records)
    except (ProtectedError, RestrictedError):  # the deletion will be refused, saying why
        return [(type(records[0]), records)]
    return [*collector.data.items(), *((queryset.model, queryset) for queryset in collector.fast_deletes)]


def delete_with_reason(records: list, reason: str) -> None:
    """Deletes the records and what cascades from them, each deletion's change history keeping the reason."""
    collector = _collected(records)
    for instances in collector.data.values():
        for instance in instances:
            instance._change_reason = reason  # simple-history's history_change_reason of the deletion
    collector.delete()


def _collected(records: list) -> Collector:
    collector = Collector(using=router.db_for_write(type(records[0])))
    collector.collect(records)
    return collector


def _all_periods(corrections) -> set[str]:
    return {period for *_record, periods in corrections for period in periods}


def published_periods_for(request) -> set[str]:
    """The published half-years, read once per request (the admin builds its form more than once)."""
    if not hasattr(request, "_published_periods"):
        request._published_periods = set(Publication.objects.values_list("period", flat=True).distinct())
    return request._published_periods


def _day_before(record, day_of, *, stored: bool) -> date | None:
    """The record's day before the edit. `stored`: read from the database, since the history page's form holds
    a version's values, not the stored ones (an inline row's is the one its formset has just read)."""
    if record._state.adding:  # an inline row not yet saved already holds its parent, never a stored date
        return None
    if stored and record.pk is not None and record_day_field(type(record)):
        return stored_days(type(record), [record.pk]).get(record.pk)
    return day_of(record)


def correction_form(base_form, day_of, published: set[str], ask: bool = True):
    """`base_form` with a reason that is required when the record's date, before or after, is in `published`.

    With `ask` False (an inline row) the form only finds its `corrected_periods`: the parent form asks.
    """

    def _post_clean(self):
        before = _day_before(self.instance, day_of, stored=ask)
        super(form_class, self)._post_clean()  # puts the edited values on the instance
        self.corrected_periods = periods_of((before, day_of(self.instance)), published)
        if ask and self.corrected_periods and not (self.cleaned_data.get(REASON_FIELD) or "").strip() \
                and REASON_FIELD not in self.errors:
            self.add_error(REASON_FIELD, gettext(
                "這筆資料屬已核定公布的期間（%(periods)s），請填寫更正原因後再儲存。"
            ) % {"periods": periods_label(self.corrected_periods)})

    attrs = {"_post_clean": _post_clean}
    if ask:  # declared, so that the admin's modelform_factory keeps it
        attrs[REASON_FIELD] = reason_field(False, _("資料日期屬已核定公布的半年期間時必填：公布後的更正會列入下一版報表。"))
    form_class = type("CorrectionForm", (base_form,), attrs)
    return form_class


def correction_formset(base_formset, day_of, published: set[str]):
    """An inline formset whose rows of a published half-year (added, changed or deleted) are saved only with the
    parent form's reason; the rows get it in their history and keep `corrections` for the PeriodCorrections."""

    class CorrectionFormSet(base_formset):
        form = correction_form(base_formset.form, day_of, published, ask=False)

        def clean(self):
            super().clean()
            self.corrections = [
                (form.instance, form.instance.pk, form.corrected_periods) for form in self.forms
                if getattr(form, "corrected_periods", None) and (form.has_changed() or self._should_delete_form(form))
            ]
            self.correction_reason = (self.data.get(REASON_FIELD) or "").strip()
            if not self.corrections:
                return
            if not self.correction_reason:
                raise ValidationError(gettext(
                    "%(rows)s有資料屬已核定公布的期間（%(periods)s），請填寫更正原因後再儲存。"
                ) % {"rows": self.model._meta.verbose_name,
                     "periods": periods_label({p for *_record, periods in self.corrections for p in periods})})
            for record, _pk, _periods in self.corrections:
                record._change_reason = self.correction_reason

    return CorrectionFormSet


class DeleteReasonForm(forms.Form):
    """The delete confirmation's reason, when what is deleted belongs to a published half-year."""

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = periods_label(periods)
        self.fields[REASON_FIELD] = reason_field(True, _("刪除的資料屬已核定公布的期間：公布後的更正會列入下一版報表。"))


class ImportCorrections:
    """An Excel import's rows of a published half-year (new, or changed before or after) are written only with a
    reason, the one given on the upload form; each such record gets it in its history and a PeriodCorrection."""

    def __init__(self, model, published: set[str], user):
        self.model, self.published, self.user = model, published, user
        self.day_of, self.reason, self.corrections = record_day_getter(model), "", []

    def upload_form(self, base_form):
        """The upload form with the reason, required only when the file touches a published half-year."""
        return type(base_form.__name__, (base_form,), {REASON_FIELD: reason_field(
            False, _("檔案含已核定公布期間的資料時必填：公布後的更正會列入下一版報表。"))})

    def checker(self, form):
        """The import's `before_write`, with the reason given on `form`."""
        self.reason = (form.cleaned_data.get(REASON_FIELD) or "").strip()
        return self.check

    def check(self, rows: list[tuple[int, object]]) -> list[str]:
        """The errors refusing the file: none when no row is of a published half-year or a reason was given."""
        before = stored_days(self.model, [record.pk for _number, record in rows if record.pk is not None])
        numbers = []
        for number, record in rows:
            periods = periods_of((before.get(record.pk), self.day_of(record)), self.published)
            if periods:
                self.corrections.append((record, record.pk, periods))
                numbers.append(number)
        if self.corrections and not self.reason:
            shown = "、".join(str(number) for number in numbers[:10]) + ("…" if len(numbers) > 10 else "")
            return [gettext("第 %(rows)s 列的資料屬已核定公布的期間（%(periods)s），請填寫更正原因後再匯入。") % {
                "rows": shown, "periods": periods_label({p for *_r, periods in self.corrections for p in periods})}]
        for record, _pk, _periods in self.corrections:
            record._change_reason = self.reason  # simple-history's bulk writes read it per record
        return []

    def record(self) -> None:
        """After the write (new records have their keys now)."""
        if self.corrections and self.reason:
            record_corrections(self.user, self.reason,
                               [(record, record.pk or pk, periods) for record, pk, periods in self.corrections])


class PublishedPeriodCorrections:
    """Admin mixin: asks for a reason when a record of a published half-year is saved, deleted or imported, and
    records it."""

    delete_confirmation_template = "admin/correction_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/correction_delete_selected_confirmation.html"

    def _asks_reason(self, request) -> bool:
        """Whether the change form carries a reason: something is published and the record, or an inline's row,
        is dated."""
        models = [self.model, *(inline.model for inline in self.inlines)]
        return bool(published_periods_for(request)) and any(record_day_field(model) for model in models)

    def corrections_of(self, request, records) -> list[tuple[object, object, list[str]]]:
        """[(record, pk, published half-years)] of the records to delete (objects or a queryset) and of those
        their deletion takes with it (a case's contacts), for each dated in a published half-year."""
        published = published_periods_for(request)
        if not published:
            return []
        corrections = []
        for model, group in deleted_with(list(records)):
            if record_day_field(model):  # only these are read
                group = list(group)
                days = stored_days(model, [record.pk for record in group])
                corrections += [(record, record.pk, periods) for record in group
                                if (periods := periods_of([days.get(record.pk)], published))]
        return corrections

    # --- the change form and its inlines ---------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._asks_reason(request):
            day_of = record_day_getter(self.model) or _undated
            kwargs["form"] = correction_form(kwargs.get("form", self.form), day_of, published_periods_for(request))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self._asks_reason(request) and REASON_FIELD not in flatten_fieldsets(fieldsets):
            fieldsets = [*fieldsets, (_("核定後更正"), {"fields": [REASON_FIELD]})]
        return fieldsets

    def get_formsets_with_inlines(self, request, obj=None):
        published = published_periods_for(request)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            day_of = record_day_getter(inline.model) if published else None
            yield (correction_formset(formset, day_of, published) if day_of else formset), inline

    def save_model(self, request, obj, form, change):
        periods = getattr(form, "corrected_periods", [])
        reason = (form.cleaned_data.get(REASON_FIELD) or "").strip() if periods else ""
        if reason:
            obj._change_reason = reason  # simple-history stores it as the version's history_change_reason
        super().save_model(request, obj, form, change)
        if reason:
            record_corrections(request.user, reason, [(obj, obj.pk, periods)])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for formset in formsets:
            if getattr(formset, "corrections", None):
                record_corrections(request.user, formset.correction_reason, [
                    (record, record.pk or pk, periods) for record, pk, periods in formset.corrections])

    # --- deletes: one record's page and the bulk action ------------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        corrections = self.corrections_of(request, [obj]) if obj is not None else []
        if corrections:
            form = DeleteReasonForm(request.POST or None, periods=_all_periods(corrections))
            if request.POST and not form.is_valid():
                request.POST = QueryDict()  # Django deletes on any POST: show the confirmation again, with the error
            extra_context = {**(extra_context or {}), "correction_form": form}
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        reason = (request.POST.get(REASON_FIELD) or "").strip()
        corrections = self.corrections_of(request, [obj]) if reason else []
        if not corrections:
            return super().delete_model(request, obj)
        with transaction.atomic():
            delete_with_reason([obj], reason)
            record_corrections(request.user, reason, corrections)
        return None

    def delete_queryset(self, request, queryset):
        reason = (request.POST.get(REASON_FIELD) or "").strip()
        corrections = self.corrections_of(request, queryset) if reason else []
        if not corrections:
            return super().delete_queryset(request, queryset)
        with transaction.atomic():
            delete_with_reason(list(queryset), reason)
            record_corrections(request.user, reason, corrections)
        return None

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _func, name, description = actions["delete_selected"]
            actions["delete_selected"] = (delete_selected_with_reason, name, description)
        return actions

    # --- Excel imports (core.admin.SpreadsheetImportAdminMixin) ----------------------------------------------

    def import_corrections(self, request) -> ImportCorrections | None:
        published = published_periods_for(request)
        if not published or not record_day_field(self.model):
            return None
        return ImportCorrections(self.model, published, request.user)


def delete_selected_with_reason(modeladmin, request, queryset):
    """Django's bulk delete, whose confirmation asks for a reason when a selected record is of a published
    half-year; without one it shows the confirmation again."""
    corrections = modeladmin.corrections_of(request, queryset)
    if not corrections:
        return delete_selected(modeladmin, request, queryset)
    confirmed = bool(request.POST.get("post"))
    form = DeleteReasonForm(request.POST if confirmed else None, periods=_all_periods(corrections))
    if confirmed and not form.is_valid():
        request.POST = request.POST.copy()
        del request.POST["post"]  # what tells Django the deletion is confirmed
    response = delete_selected(modeladmin, request, queryset)
    if response is not None:
        response.context_data["correction_form"] = form
    return response


delete_selected_with_reason.allowed_permissions = delete_selected.allowed_permissions
delete_selected_with_reason.short_description = delete_selected.short_description
