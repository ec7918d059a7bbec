"""Numbers a law fixes are dated data (LegalRule): the value in force on a day, editable by an administrator."""

from datetime import date

import pytest
from django.urls import reverse

from labor_portal.core.models import LegalRule, rule_on

pytestmark = pytest.mark.django_db


def test_the_value_in_force_is_the_latest_from_on_or_before_the_day():
    LegalRule.objects.create(key="tests.days", value=3, valid_from=date(2011, 5, 1), title="期限", citation="某法第1條")
    LegalRule.objects.create(key="tests.days", value=5, valid_from=date(2020, 1, 1), title="期限", citation="某法第1條")
    assert rule_on("tests.days", date(2019, 12, 31)) == 3
    assert rule_on("tests.days", date(2020, 1, 1)) == 5
    with pytest.raises(LookupError):
        rule_on("tests.days", date(2011, 4, 30))


def test_an_administrator_saves_a_rule_with_a_dotted_key_and_a_malformed_key_is_refused(admin_client):
    rule = LegalRule.objects.get(key="disputes.assign_within_days")
    change = reverse("admin:core_legalrule_change", args=[rule.pk])
    data = {"key": rule.key, "value": "4", "valid_from": "2011-05-01", "title": rule.title, "citation": rule.citation}
    assert admin_client.post(change, data).status_code == 302
    assert rule_on("disputes.assign_within_days", date(2020, 1, 1)) == 4
    response = admin_client.post(change, {**data, "key": "Disputes assign"})
    assert response.status_code == 200 and "以點分段" in response.text
