"""One /track/ page for every kind of case: the number's letter says which, the access code opens it."""

import pytest
from django.urls import reverse

from disputes.models import DisputeCase
from labor_portal.cases.kinds import CaseKind, case_kind_register, case_kind_unregister
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db


def _track(client, number, code):
    return client.post(reverse("track"), {"case_number": number, "access_code": code})


@pytest.fixture
def employment_kind():
    """A second kind, as the employment section will declare it (here on the dispute model, for the test)."""
    kind = case_kind_register(CaseKind(
        letter="Z", section="employment_test", model=DisputeCase, title="申訴",
        case_url=lambda case: f"/employment/track/{case.pk}/", contact=lambda case: ("", ""),
    ))
    yield kind
    case_kind_unregister("Z")


def test_a_dispute_number_opens_the_dispute_case_page(client):
    filed = file_case()
    response = _track(client, filed.case.case_number, filed.access_code)
    assert response.status_code == 302 and response["Location"] == reverse("disputes:case", args=[filed.case.pk])
    assert client.session["disputes_tracked_cases"] == [str(filed.case.pk)]


def test_the_numbers_letter_sends_the_citizen_to_that_sections_case_page(client, employment_kind):
    filed = file_case()
    DisputeCase.objects.filter(pk=filed.case.pk).update(case_number="109-Z-000001")
    response = _track(client, "109-z-000001 ", filed.access_code)
    assert response["Location"] == f"/employment/track/{filed.case.pk}/"
    # Remembered for that section only: the disputes case page stays closed.
    assert client.session["employment_test_tracked_cases"] == [str(filed.case.pk)]
    assert "disputes_tracked_cases" not in client.session


def test_an_unknown_letter_or_a_wrong_code_gets_the_same_answer(client):
    filed = file_case()
    unknown_letter = _track(client, filed.case.case_number.replace("-D-", "-Q-"), filed.access_code)
    wrong_code = _track(client, filed.case.case_number, "AAAA-BBBB-CCCC")
    malformed = _track(client, "not a number", filed.access_code)
    for response in (unknown_letter, wrong_code, malformed):
        assert response.status_code == 400 and "案件編號或查詢碼不正確" in response.text


def test_a_number_typed_with_full_width_characters_still_opens_the_case(client):
    filed = file_case()
    typed = filed.case.case_number.translate(str.maketrans("0123456789-D", "０１２３４５６７８９－Ｄ"))
    assert _track(client, typed, filed.access_code).status_code == 302


def test_the_track_page_links_to_the_lost_code_page(client):
    assert reverse("track-lost-code") in client.get(reverse("track")).text
