"""Back office of the case kit: the one personal-data admin mixin, the read log (系統管理 only), the outbox."""

import csv
import re

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.models import OutboxMessage, PersonalDataPage, PersonalDataRead
from labor_portal.cases.readlog import personal_data_read_record
from labor_portal.core.clientip import client_ip
from labor_portal.core.spreadsheets import safe_row
from labor_portal.core.validators import mask_name, mask_personal_id, normalize_identifier

# A national ID or resident certificate number as typed in a search (A123456789, AC01234567).
_PERSONAL_ID = re.compile(r"^[A-Z][A-Z0-9]\d{8}$")
LOG_BATCH_SIZE = 500


def masked_search_term(term: str) -> str:
    """What the read log keeps of a search term: an ID or a name masked as lists mask them, never in clear."""
    return mask_personal_id(term) if _PERSONAL_ID.match(term) else mask_name(term)


def csv_response(filename: str) -> tuple[HttpResponse, "csv.writer"]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that Excel reads UTF-8
    return response, csv.writer(response)


def _state_token(values, names) -> str:
    return "|".join("" if values.get(name) is None else str(values.get(name)) for name in names)


class SeenStateForm(forms.Form):
    """For a case's admin change form: the state the clerk saw, so that a save merges a change made meanwhile
    (a citizen's withdrawal) rather than overwriting it. Combine it with the section's ModelForm, list
    `seen_state` in the admin's fieldsets, read the case under its row lock in the admin's get_object, and call
    `state_merged(cleaned)` first thing in clean():

        class ComplaintAdminForm(SeenStateForm, forms.ModelForm):
            state_fields = ("status", "concluded_on")

    The form's initial values are then the case as it is now; the hidden `seen_state` is what the form showed.
    """

    # The fields a case's state is made of (a withdrawal writes all of them).
    state_fields: tuple[str, ...] = ("status", "concluded_on")
    seen_state = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.fields["seen_state"].initial = _state_token(self.initial, self.state_fields)

    def state_merged(self, cleaned) -> bool:
        """Whether the clerk's edit fits the case's state as it is now rather than as the form showed it.

        A clerk who left the state as shown keeps the change made meanwhile (the state fields take the case's
        values now) and saves the rest of the edit; a clerk who changed the state too is told, and the form then
        carries the new state, so that saving again overrides it knowingly.
        """
        if self.instance._state.adding:
            return True
        seen, now = cleaned.get("seen_state"), _state_token(self.initial, self.state_fields)
        if not seen or seen == now:
            return True
        if _state_token(cleaned, self.state_fields) == seen:
            for name in self.state_fields:
                cleaned[name] = self.initial.get(name)
            return True
        status = self.initial.get("status")
        label = dict(self.instance._meta.get_field("status").flatchoices).get(status, status)
        self.add_error(None, gettext("這個案件在您編輯時已變更為「%(status)s」，請確認後再儲存。") % {"status": label})
        self.data = self.data.copy()
        self.data[self.add_prefix("seen_state")] = now
        return False


class PersonalDataAdminMixin:
    """Personal data masked in lists and exports, in full on the record's own pages, every full view read-logged.

    Put it before BureauRecordAdmin, which calls `record_shown` from the change page, the history list, one
    historical version and the delete confirmation as each renders (Taiwan PDPA Enforcement Rules art. 12).
    A section lists masked values in `list_display` (e.g. with mask_name / mask_personal_id) and declares its
    export as `masked_export_columns`: (header, name) pairs, a name being a method of the admin taking the
    record, or an attribute of the record (called when callable, e.g. `get_status_display`). Each exported
    record is logged (page "export").

    `personal_search_fields` (e.g. ("applicants__name", "applicants__personal_id")) lets the search box find
    records by a person's full name or ID, matched whole and case-insensitively, besides `search_fields`. Such a
    search tells who is party to which record, so each record it finds is logged (page "search", the term
    masked); the list itself stays masked.
    """

    masked_export_columns: tuple[tuple[str, str], ...] = ()
    masked_export_filename = "export.csv"
    personal_search_fields: tuple[str, ...] = ()
    actions = ("export_masked_csv",)

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = normalize_identifier(search_term)
        if not self.personal_search_fields or not term:
            return results, may_have_duplicates
        by_person = Q()
        for name in self.personal_search_fields:
            by_person |= Q(**{f"{name}__iexact": term})
        found = queryset.filter(pk__in=queryset.filter(by_person).values("pk"))
        records = list(found.order_by("pk"))
        if not records:
            return results, may_have_duplicates
        self.records_read(request, records, PersonalDataPage.SEARCH,
                          note=f"查詢「{masked_search_term(term)}」")
        return results | found, may_have_duplicates

    def records_read(self, request, records, page: str, note: str = "") -> None:
        """Log that a list or file named each of `records` with its personal data (one insert per batch)."""
        content_type = ContentType.objects.get_for_model(self.model)
        viewer, ip_address = request.user, client_ip(request)
        PersonalDataRead.objects.bulk_create(
            [PersonalDataRead(content_type=content_type, object_id=str(obj.pk), section=self.model._meta.app_label,
                              label=f"{obj} {note}".strip()[:200], viewer=viewer, page=page, ip_address=ip_address)
             for obj in records],
            batch_size=LOG_BATCH_SIZE,
        )

    def record_shown(self, request, obj, page: str) -> None:
        if page in (PersonalDataPage.HISTORY, PersonalDataPage.HISTORY_VERSION) and not self._still_exists(obj):
            # The history of a deleted record still holds its personal data: nobody sees it there rather than
            # somebody without the record's own page to vouch for the view.
            raise PermissionDenied
        personal_data_read_record(viewer=request.user, obj=obj, page=page, ip_address=client_ip(request))

    def _still_exists(self, obj) -> bool:
        return self.model._default_manager.filter(pk=obj.pk).exists()

    def get_actions(self, request):
        # The bulk-delete confirmation lists every selected record by name, unlogged: records with personal
        # data are deleted one at a time, from their own (logged) delete page.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def masked_export_queryset(self, queryset):
        """The records to export, in order; override to prefetch what the masked columns read."""
        return queryset

    @admin.action(description=_("匯出所選資料（CSV，個資已遮蔽）"), permissions=["view"])
    def export_masked_csv(self, request, queryset):
        response, writer = csv_response(self.masked_export_filename)
        writer.writerow([header for header, _name in self.masked_export_columns])
        records = list(self.masked_export_queryset(queryset))
        for obj in records:
            writer.writerow(safe_row([self._export_value(obj, name) for _header, name in self.masked_export_columns]))
        self.records_read(request, records, PersonalDataPage.EXPORT)
        return response

    def _export_value(self, obj, name: str):
        if callable(method := getattr(self, name, None)):
            value = method(obj)
        else:
            value = getattr(obj, name)
            value = value() if callable(value) else value
        return "" if value is None else value


@admin.register(PersonalDataRead)
class PersonalDataReadAdmin(admin.ModelAdmin):
    """The whole read log, for 系統管理 (the only role with permissions on this app).

    It is an audit trail: nobody adds, changes or deletes a row here, not even 系統管理.
    """

    list_display = ("viewed_at", "viewer", "section", "label", "page", "ip_address", "content_type", "object_id")
    list_select_related = ("viewer", "content_type")
    list_filter = ("section", ("viewer", admin.RelatedOnlyFieldListFilter), "page")
    search_fields = ("label", "object_id", "viewer__username")
    date_hierarchy = "viewed_at"
    actions = ("export_csv",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("匯出所選調閱紀錄（CSV）"), permissions=["view"])
    def export_csv(self, request, queryset):
        response, writer = csv_response("personal-data-reads.csv")
        writer.writerow(["調閱時間", "調閱者", "業務科", "資料", "頁面", "來源位址", "資料類型", "資料識別碼"])
        for read in queryset.select_related("viewer", "content_type").order_by("viewed_at", "pk"):
            writer.writerow(safe_row([
                timezone.localtime(read.viewed_at).strftime("%Y-%m-%d %H:%M:%S"), read.viewer.get_username(),
                read.section, read.label, read.get_page_display(), read.ip_address or "",
                f"{read.content_type.app_label}.{read.content_type.model}", read.object_id,
            ]))
        return response


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """What was sent to citizens and what still waits; read only (the flush and the tasks write it)."""

    list_display = ("created_at", "section", "kind", "object_id", "language", "sent_at", "attempts", "last_error")
    list_filter = ("section", "kind", ("sent_at", admin.EmptyFieldListFilter))
    search_fields = ("object_id", "message_id")
    date_hierarchy = "created_at"
    readonly_fields = ("content_type", "object_id", "section", "kind", "template", "recipient", "language",
                       "context", "message_id", "created_at", "claimed_until", "attempts", "last_error", "sent_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
