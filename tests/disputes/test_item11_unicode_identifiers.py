"""Item 11: IDs typed in full width are stored in ASCII; impossible birth dates are refused."""

import pytest
from django.urls import reverse

from disputes.models import Applicant, DisputeCase

from .factories import form_data, issued_token

pytestmark = pytest.mark.django_db(transaction=True)


def _post(client, **overrides):
    return client.post(reverse("disputes:apply"), form_data(token=issued_token(client), **overrides))


def test_item11_full_width_ids_are_stored_as_ascii(client):
    response = _post(client, **{"applicants-0-personal_id": "ａ１２３４５６７８９",
                                "respondent_business_number": "０４５９５２５７"})
    assert response.status_code == 302
    assert Applicant.objects.get().personal_id == "A123456789"
    assert DisputeCase.objects.get().respondent_business_number == "04595257"


def test_item11_ids_in_other_scripts_digits_are_refused(client):
    response = _post(client, **{"applicants-0-personal_id": "A١٢٣٤٥٦٧٨٩"})
    assert response.status_code == 400 and "身分證統一編號或居留證號碼不正確" in response.text
    assert DisputeCase.objects.count() == 0


@pytest.mark.parametrize("birth_date", ["1899-12-31", "2999-01-01", "0109-03-01"])
def test_item11_birth_dates_outside_1900_to_today_are_refused(client, birth_date):
    response = _post(client, **{"applicants-0-birth_date": birth_date})
    assert response.status_code == 400 and "出生日期應介於 1900 年 1 月 1 日與今天之間" in response.text
    assert DisputeCase.objects.count() == 0
