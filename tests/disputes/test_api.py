"""The API lists cases and fund applications to dispute staff, filtered, masked and in bounded queries."""

from datetime import date

import pytest

from disputes.models import DisputeStatus

from .factories import VALID_ID, concluded_case, file_case

pytestmark = pytest.mark.django_db


def test_case_list_is_masked_filtered_and_bounded(client, dispute_clerk, django_assert_max_num_queries):
    for n in range(8):
        file_case(token=f"api-token-{n:020d}", filed_on=date(2020, 2, 1 + n))
    concluded_case(outcome=DisputeStatus.SETTLED, filed_on=date(2020, 5, 1), concluded_on=date(2020, 5, 20))
    client.force_login(dispute_clerk)
    with django_assert_max_num_queries(8):
        body = client.get("/api/v1/disputes/cases/").json()
    assert body["count"] == 9
    applicant = body["results"][0]["applicants"][0]
    assert (applicant["name"], applicant["personal_id"]) == ("王○明", "A12****789")
    assert VALID_ID not in str(body)
    settled = client.get("/api/v1/disputes/cases/", {"status": "settled", "channel": "mediator",
                                                      "category": "wages"}).json()
    assert [case["status"] for case in settled["results"]] == ["settled"]
    between = client.get("/api/v1/disputes/cases/", {"filed_after": "2020-02-03", "filed_before": "2020-02-05"})
    assert between.json()["count"] == 3


def test_fund_applications_are_listed_masked(client, dispute_clerk):
    from disputes.models import FundKind, RightsFundApplication

    RightsFundApplication.objects.create(kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name="王小明",
                                         applied_on=date(2020, 3, 1), lawyer_fee_asked=10000)
    client.force_login(dispute_clerk)
    body = client.get("/api/v1/disputes/rights-fund-applications/", {"kind": "unfair_labor_practice"}).json()
    assert body["results"][0]["applicant_name"] == "王○明"


def test_anonymous_callers_get_nothing(client, db):
    assert client.get("/api/v1/disputes/cases/").status_code in (401, 403)


def test_the_category_filter_finds_every_category_a_case_concerns(client, dispute_clerk):
    from disputes import services

    from .factories import VALID_BUSINESS_NUMBER, applicant

    services.dispute_case_file(
        applicants=[applicant()],
        respondent={"name": "示範公司", "business_number": VALID_BUSINESS_NUMBER, "representative": "",
                    "address": "", "phone": ""},
        main_category="wages", categories=["wages", "occupational_injury"], claims=[], account="工資與職災",
    )
    file_case(token="category-token-000000000001", category="contract")
    client.force_login(dispute_clerk)

    def count(**query):
        return client.get("/api/v1/disputes/cases/", query).json()["count"]

    assert (count(category="occupational_injury"), count(category="wages"), count(category="contract")) == (1, 1, 1)
    assert count(main_category="occupational_injury") == 0
