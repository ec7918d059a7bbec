import pytest
from tests.employment.test_job_centre_pages import _untranslated, URL
from tests.employment.job_centre_factories import vacancy
pytestmark = pytest.mark.django_db
def test_dump(client):
    vacancy(employer_name="X", job_title="Y", pay_max=None)
    client.cookies["django_language"] = "en"
    for q in ({}, {"pay_at_least": "-1"}, {"page": 9}):
        print(sorted(set(_untranslated(client.get(URL, q).text))))
    assert 0
