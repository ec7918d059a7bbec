"""One API style: every section's routes come from its api.py, on the shared base (labor_portal.core.api).

Per section: its staff only (403 for another section's clerk and for officials), personal data always masked
(in full only on a case's admin page, ARCHITECTURE.md); django-filter per viewset; lists in a bounded number of
queries; each section's paths tagged with its title in the API docs, in the sections' order.
"""

import types
from datetime import date

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.permissions import AllowAny

from disputes.models import FundKind, RightsFundApplication
from labor_portal import api
from labor_portal.cases.models import PersonalDataRead
from labor_portal.core.api import SectionViewSetMixin
from labor_portal.core.sections import section_titles, sections
from tests.disputes.factories import VALID_ID, file_case
from tests.inspections import factories as inspections
from tests.unions.factories import StatutoryMeetingFactory, UnionFactory

pytestmark = pytest.mark.django_db

ROUTES = api.section_routes()
STAFF_ROUTES = [route for route in ROUTES if AllowAny not in route[1].permission_classes]


def _section(viewset) -> str:
    return apps.get_containing_app_config(viewset.__module__).label


def _list(prefix: str) -> str:
    return f"/api/v1/{prefix}/"


def _fund_application(n: int) -> RightsFundApplication:
    return RightsFundApplication.objects.create(
        kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明", applicant_personal_id=VALID_ID,
        applied_on=date(2020, 3, 1 + n), lawyer_fee_asked=10000)


# One record of each list, by route; a section's new route without one is still checked, on an empty list.
MAKERS = {
    "unions/unions": lambda n: UnionFactory(),
    "unions/meetings": lambda n: StatutoryMeetingFactory(),
    "inspections/establishments": lambda n: inspections.EstablishmentFactory(),
    "inspections/labor-inspections": lambda n: inspections.LaborInspectionFactory(),
    "inspections/compliance-counselling": lambda n: inspections.ComplianceCounsellingFactory(),
    "inspections/violations": lambda n: inspections.ViolationFactory(),
    "inspections/osh-inspections": lambda n: inspections.OSHInspectionFactory(),
    "inspections/stop-work-orders": lambda n: inspections.StopWorkOrderFactory(),
    "inspections/accidents": lambda n: inspections.OccupationalAccidentFactory(),
    "inspections/promotion-sessions": lambda n: inspections.PromotionSessionFactory(),
    "inspections/volunteers": lambda n: inspections.VolunteerFactory(),
    "inspections/sme-visits": lambda n: inspections.SMECounsellingVisitFactory(),
    "inspections/safety-families": lambda n: inspections.SafetyFamilyFactory(),
    "inspections/safety-family-members": lambda n: inspections.SafetyFamilyMemberFactory(),
    "violation-register": lambda n: inspections.ViolationFactory(),
    "disputes/cases": lambda n: file_case(token=f"api-base-{n:023d}"),
    "disputes/rights-fund-applications": _fund_application,
}


# --- Routes: each section's ROUTES, found in its api.py -----------------------------------------------


def test_every_section_route_is_registered_under_its_prefix_and_basename():
    registered = {(prefix, basename) for prefix, _viewset, basename in api.router.registry}
    assert {(prefix, basename) for prefix, _viewset, basename in ROUTES} <= registered
    # Today's URL names keep working.
    assert reverse("union-list") == "/api/v1/unions/unions/"
    assert reverse("statutorymeeting-list") == "/api/v1/unions/meetings/"
    assert reverse("disputecase-list") == "/api/v1/disputes/cases/"
    assert reverse("rightsfundapplication-list") == "/api/v1/disputes/rights-fund-applications/"
    assert reverse("inspections-violations-list") == "/api/v1/inspections/violations/"
    assert reverse("violation-register-list") == "/api/v1/violation-register/"
    assert reverse("reportrun-list") == "/api/v1/reports/runs/"


def test_routes_come_from_the_sections_in_their_order():
    owners = list(dict.fromkeys(_section(viewset) for _prefix, viewset, _basename in ROUTES))
    assert owners == [config.label for config in sections() if config.label in owners]
    assert {"unions", "inspections", "disputes"} <= set(owners)


def test_a_section_api_module_with_routes_is_registered_with_no_other_change(monkeypatch):
    from unions.api import UnionViewSet

    tenth = types.SimpleNamespace(label="tenth")
    with_routes = types.ModuleType("tenth.api")
    with_routes.ROUTES = [("tenth/things", UnionViewSet), ("tenth/others", UnionViewSet, "other-thing")]
    without_routes = types.ModuleType("eleventh.api")
    found = list(api.section_modules("api"))
    monkeypatch.setattr(api, "section_modules", lambda name: [*found, (tenth, with_routes), (tenth, without_routes)])
    router = api.build_router()
    assert ("tenth/things", UnionViewSet, "tenth-things") in router.registry
    assert ("tenth/others", UnionViewSet, "other-thing") in router.registry
    assert {url.name for url in router.urls} >= {"tenth-things-list", "tenth-things-detail", "other-thing-list"}


def test_every_portal_sections_staff_route_is_on_the_shared_base():
    # The rule is the portal's; the tests' fake section (tests/tenth_section) may stand on plain DRF.
    portal = [(prefix, viewset) for prefix, viewset, _ in STAFF_ROUTES if not viewset.__module__.startswith("tests.")]
    assert len(portal) >= 14
    for prefix, viewset in portal:
        assert issubclass(viewset, SectionViewSetMixin), prefix


def test_a_viewset_declares_its_serializer_and_date_filter_in_a_few_attributes():
    from labor_portal.core.api import SectionReadOnlyViewSet
    from labor_portal.core.validators import mask_name
    from unions.models import Union

    class ChairViewSet(SectionReadOnlyViewSet):
        queryset = Union.objects.order_by("pk")
        date_field = "founded_on"
        filterset_fields = ["district"]
        fields = ["id", "name", "founded_on"]
        masked = {"name": mask_name}

    union = UnionFactory.build(pk=7, name="王小明", founded_on=date(2000, 1, 2))
    serializer = ChairViewSet.serializer_class
    assert serializer(union).data == {"id": 7, "name": "王○明", "founded_on": "2000-01-02"}
    assert {"date", "district"} <= set(ChairViewSet.filterset_class.base_filters)
    assert ChairViewSet.ordering_fields == ["founded_on"]


# --- Permissions by section ---------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, viewset", [(prefix, viewset) for prefix, viewset, _ in STAFF_ROUTES])
def test_only_the_sections_own_staff_reach_its_routes(client, make_staff, prefix, viewset):
    owner = _section(viewset)
    other = next(config.label for config in sections() if config.label != owner)
    client.force_login(make_staff(other))
    assert client.get(_list(prefix)).status_code == 403
    client.force_login(make_staff("officials"))  # officials see reports, no case records
    assert client.get(_list(prefix)).status_code == 403
    client.logout()
    assert client.get(_list(prefix)).status_code in (401, 403)
    client.force_login(make_staff(owner))
    assert client.get(_list(prefix)).status_code == 200


def test_another_sections_clerk_cannot_write_or_read_one_record(client, make_staff):
    union = UnionFactory(name="甲工會")
    client.force_login(make_staff("disputes"))
    assert client.get(f"/api/v1/unions/unions/{union.pk}/").status_code == 403
    response = client.patch(f"/api/v1/unions/unions/{union.pk}/", {"name": "乙工會"}, content_type="application/json")
    assert response.status_code == 403
    union.refresh_from_db()
    assert union.name == "甲工會"


# --- Personal data: masked in lists and details alike --------------------------------------------------------


def test_a_case_is_masked_in_the_list_and_in_its_detail(client, make_staff):
    case = file_case().case
    clerk = make_staff("disputes")
    client.force_login(clerk)
    listed = client.get("/api/v1/disputes/cases/").json()["results"][0]["applicants"][0]
    assert (listed["name"], listed["personal_id"]) == ("王○明", "A12****789")
    assert not PersonalDataRead.objects.exists()

    detail = client.get(f"/api/v1/disputes/cases/{case.pk}/").json()["applicants"][0]
    assert (detail["name"], detail["personal_id"]) == ("王○明", "A12****789")
    assert VALID_ID not in client.get(f"/api/v1/disputes/cases/{case.pk}/").text


def test_a_fund_application_is_masked_in_the_list_and_in_its_detail(client, make_staff):
    application = _fund_application(0)
    client.force_login(make_staff("disputes"))
    listed = client.get("/api/v1/disputes/rights-fund-applications/").json()["results"][0]
    assert (listed["applicant_name"], listed["applicant_personal_id"]) == ("王○明", "A12****789")
    detail = client.get(f"/api/v1/disputes/rights-fund-applications/{application.pk}/").json()
    assert (detail["applicant_name"], detail["applicant_personal_id"]) == ("王○明", "A12****789")


def test_refused_or_missing_details_and_records_without_personal_data_log_nothing(client, make_staff):
    case = file_case().case
    union = UnionFactory()
    client.force_login(make_staff("unions"))
    assert client.get(f"/api/v1/disputes/cases/{case.pk}/").status_code == 403
    assert client.get(f"/api/v1/unions/unions/{union.pk}/").status_code == 200
    client.force_login(make_staff("disputes"))
    assert client.get("/api/v1/disputes/cases/999999/").status_code == 404
    assert not PersonalDataRead.objects.exists()


# --- Filters, writes ------------------------------------------------------------------------------------


def test_a_date_field_filters_by_a_range_and_filterset_fields_filter_by_value(client, make_staff):
    inspections.PromotionSessionFactory(held_on=date(2020, 3, 1), channel="seminar")
    inspections.PromotionSessionFactory(held_on=date(2020, 8, 1), channel="seminar")
    inspections.PromotionSessionFactory(held_on=date(2020, 3, 9), channel="media")
    client.force_login(make_staff("inspections"))

    def held_on(**query):
        results = client.get("/api/v1/inspections/promotion-sessions/", query).json()["results"]
        return [session["held_on"] for session in results]

    assert held_on() == ["2020-08-01", "2020-03-09", "2020-03-01"]  # newest first
    assert held_on(date_after="2020-01-01", date_before="2020-06-30") == ["2020-03-09", "2020-03-01"]
    assert held_on(date_after="2020-01-01", channel="seminar") == ["2020-08-01", "2020-03-01"]
    assert held_on(ordering="held_on") == ["2020-03-01", "2020-03-09", "2020-08-01"]
    response = client.get("/api/v1/inspections/promotion-sessions/", {"channel": "carrier-pigeon"})
    assert response.status_code == 400


def test_writes_record_the_acting_user(client, make_staff):
    clerk = make_staff("inspections")
    client.force_login(clerk)
    response = client.post("/api/v1/inspections/volunteers/", {"name": "志工甲", "recruited_on": "2020-02-01"},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert "created_by" not in response.json()
    from inspections.models import Volunteer

    volunteer = Volunteer.objects.get()
    assert (volunteer.created_by, volunteer.updated_by) == (clerk, clerk)
    editor = make_staff("inspections", username="editor")
    client.force_login(editor)
    client.patch(f"/api/v1/inspections/volunteers/{volunteer.pk}/", {"name": "志工乙"},
                 content_type="application/json")
    volunteer.refresh_from_db()
    assert (volunteer.name, volunteer.created_by, volunteer.updated_by) == ("志工乙", clerk, editor)


# --- Queries: a list costs the same however many records it shows ------------------------------------------


@pytest.mark.parametrize("prefix, viewset", [(prefix, viewset) for prefix, viewset, _ in ROUTES])
def test_each_list_costs_a_bounded_number_of_queries(client, make_staff, prefix, viewset,
                                                      django_assert_max_num_queries):
    make = MAKERS.get(prefix)
    if AllowAny not in viewset.permission_classes:
        client.force_login(make_staff(_section(viewset)))
    client.get(_list(prefix))  # the session and the permissions, once
    if make:
        make(0)
    with CaptureQueriesContext(connection) as one:
        assert client.get(_list(prefix)).status_code == 200
    for n in range(1, 7):
        make and make(n)
    with django_assert_max_num_queries(8):
        response = client.get(_list(prefix))
    assert response.status_code == 200
    if make:
        assert len(response.json()["results"]) == 7
    with CaptureQueriesContext(connection) as seven:
        client.get(_list(prefix))
    assert len(seven) == len(one), prefix


# --- The API docs: one tag per section, in the sections' order -------------------------------------------


def test_each_sections_paths_carry_its_title_and_tags_follow_the_sections(client, make_staff):
    client.force_login(make_staff("administrators"))
    schema = client.get("/api/schema/", {"format": "json"}).json()
    titles = {label: str(title) for label, title in section_titles().items()}
    for prefix, viewset, _basename in ROUTES:
        operations = schema["paths"][_list(prefix)].values()
        assert {tag for operation in operations for tag in operation["tags"]} == {titles[_section(viewset)]}, prefix
        # The shared base's docstrings describe no endpoint.
        assert not any("SectionViewSet" in operation.get("description", "") for operation in operations)
    tags = [tag["name"] for tag in schema["tags"]]
    section_tags = [tag for tag in tags if tag in titles.values()]
    assert section_tags == [titles[config.label] for config in sections() if titles[config.label] in tags]


def test_the_docs_list_the_date_range_of_each_dated_list(client, make_staff):
    client.force_login(make_staff("administrators"))
    schema = client.get("/api/schema/", {"format": "json"}).json()
    dated = [prefix for prefix, viewset, _ in ROUTES if getattr(viewset, "date_field", "")]
    assert "inspections/labor-inspections" in dated
    for prefix in dated:
        names = {parameter["name"] for parameter in schema["paths"][_list(prefix)]["get"]["parameters"]}
        assert {"date_after", "date_before", "page"} <= names, prefix


def test_the_schema_is_generated_once_per_language_and_again_after_a_setting_changes(client, make_staff, settings,
                                                                                      monkeypatch):
    from drf_spectacular.generators import SchemaGenerator as Generated

    parses = []
    parse = Generated.parse
    monkeypatch.setattr(Generated, "parse", lambda self, *args: parses.append(1) or parse(self, *args))
    settings.SPECTACULAR_SETTINGS = {**settings.SPECTACULAR_SETTINGS}  # a setting changes: starts afresh
    client.force_login(make_staff("administrators"))
    chinese = client.get("/api/schema/", {"format": "json"}).json()
    assert client.get("/api/schema/", {"format": "json"}).json() == chinese
    english = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english != chinese and len(parses) == 2
    settings.API_SCHEMA_CHANGED = True
    assert client.get("/api/schema/", {"format": "json"}).json() == chinese and len(parses) == 3
