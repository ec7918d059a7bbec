from django.contrib import admin

from labor_portal.core.admin import BureauRecordAdmin, SpreadsheetImportAdminMixin
from unions.imports import EducationEventImport, StatutoryMeetingImport, UnionImport
from unions.models import (
    CampusLecture,
    EducationEvent,
    LaborUniversityClass,
    MagazineIssue,
    NewsletterGrant,
    StatutoryMeeting,
    Union,
)


@admin.register(Union)
class UnionAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = UnionImport()
    list_display = ("name", "union_type", "registration_number", "district", "founded_on", "dissolved_on", "members")
    list_filter = ("union_type", "district", ("dissolved_on", admin.EmptyFieldListFilter))
    search_fields = ("name", "registration_number")
    date_hierarchy = "founded_on"


@admin.register(StatutoryMeeting)
class StatutoryMeetingAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = StatutoryMeetingImport()
    list_display = ("union", "kind", "held_on")
    list_filter = ("kind", "union__union_type")
    list_select_related = ("union",)
    search_fields = ("union__name", "union__registration_number")
    date_hierarchy = "held_on"
    autocomplete_fields = ("union",)


@admin.register(EducationEvent)
class EducationEventAdmin(SpreadsheetImportAdminMixin, BureauRecordAdmin):
    spreadsheet_import = EducationEventImport()
    list_display = ("title", "union", "held_on", "subsidy_amount")
    list_select_related = ("union",)
    search_fields = ("title", "union__name")
    date_hierarchy = "held_on"
    autocomplete_fields = ("union",)


@admin.register(NewsletterGrant)
class NewsletterGrantAdmin(BureauRecordAdmin):
    list_display = ("union", "granted_on", "amount")
    list_select_related = ("union",)
    date_hierarchy = "granted_on"
    autocomplete_fields = ("union",)


@admin.register(CampusLecture)
class CampusLectureAdmin(BureauRecordAdmin):
    list_display = ("school", "held_on", "audience")
    search_fields = ("school",)
    date_hierarchy = "held_on"


@admin.register(MagazineIssue)
class MagazineIssueAdmin(BureauRecordAdmin):
    list_display = ("issue_number", "published_on", "copies")
    date_hierarchy = "published_on"


@admin.register(LaborUniversityClass)
class LaborUniversityClassAdmin(BureauRecordAdmin):
    list_display = ("name", "starts_on", "participants")
    search_fields = ("name",)
    date_hierarchy = "starts_on"
