"""Every list of the section costs a fixed number of queries, however many records it shows."""

from datetime import date

import pytest
from django.urls import reverse

from inspections.models import Law
from tests.module_records import records_for_the_module

from . import factories as f

pytestmark = pytest.mark.django_db

ADMIN_LISTS = [
    "establishment", "laborinspection", "compliancecounselling", "violation", "oshinspection", "stopworkorder",
    "occupationalaccident", "promotionsession", "volunteer", "smecounsellingvisit", "safetyfamily",
]
API_LISTS = [
    "establishments", "labor-inspections", "compliance-counselling", "violations", "osh-inspections",
    "stop-work-orders", "accidents", "promotion-sessions", "volunteers", "sme-visits", "safety-families",
    "safety-family-members",
]


@pytest.fixture(scope="module")
def many_records(django_db_setup, django_db_blocker):
    """Made once for the module: some 130 records through the factories, each with its history."""
    with records_for_the_module(django_db_blocker):
        _many_records()
        yield


def _many_records():
    for n in range(12):
        day = date(2020, 1 + n % 6, 1 + n)
        inspection = f.LaborInspectionFactory(inspected_on=day)
        f.ViolationFactory(establishment=inspection.establishment, inspection=inspection, decided_on=day)
        osh = f.OSHInspectionFactory(inspected_on=day)
        f.ViolationFactory(establishment=osh.establishment, osh_inspection=osh, law=Law.OCCUPATIONAL_SAFETY)
        f.StopWorkOrderFactory(inspection=osh, ordered_on=day)
        f.ComplianceCounsellingFactory(visited_on=day)
        f.OccupationalAccidentFactory(occurred_on=day)
        f.PromotionSessionFactory(held_on=day)
        f.SMECounsellingVisitFactory(visited_on=day)
        f.SafetyFamilyMemberFactory()


@pytest.mark.parametrize("model_name", ADMIN_LISTS)
def test_admin_lists(client, make_staff, many_records, model_name, django_assert_max_num_queries):
    client.force_login(make_staff("inspections"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse(f"admin:inspections_{model_name}_changelist")).status_code == 200


@pytest.mark.parametrize("prefix", API_LISTS)
def test_api_lists(client, make_staff, many_records, prefix, django_assert_max_num_queries):
    client.force_login(make_staff("inspections"))
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/inspections/{prefix}/")
        assert response.status_code == 200
        assert response.json()["count"] >= 12


def test_api_filters_by_establishment_kind_article_dates_and_finality(client, make_staff, many_records):
    client.force_login(make_staff("inspections"))
    firm = f.EstablishmentFactory(business_number="04595257")
    f.ViolationFactory(establishment=firm, article=38, decided_on=date(2021, 2, 1), status="appeal")
    f.LaborInspectionFactory(establishment=firm, kind="joint", inspected_on=date(2021, 3, 1))

    def count(path, query):
        return client.get(f"/api/v1/inspections/{path}/?{query}").json()["count"]

    assert count("violations", "business_number=04595257") == 1
    assert count("violations", f"establishment={firm.pk}&final=true") == 0
    assert count("violations", "final=false") == 1
    assert count("violations", "article=38&date_after=2021-01-01&date_before=2021-12-31") == 1
    assert count("violations", "law=osh") == 12
    assert count("labor-inspections", "kind=joint&date_after=2021-01-01") == 1
