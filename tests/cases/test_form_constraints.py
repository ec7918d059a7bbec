"""A citizen's filing form checks only the model constraints about what the citizen enters (issue 9, "Measure").

DisputeCase's check constraints are about its state and dates, which staff and services set; the application
form has none of those fields, so checking them on each filing cost time and could never refuse anything.
"""

from unittest import mock

import pytest
from django import forms
from django.db.models import CheckConstraint

from disputes.forms import ApplicationForm
from disputes.models import DisputeCase
from labor_portal.cases.forms import FormFieldConstraintsOnlyMixin

pytestmark = pytest.mark.django_db


def _application_data():
    return {
        "main_category": "wages", "categories": ["wages"], "account": "雇主積欠三個月工資。",
        "respondent_name": "示範股份有限公司", "consent": "on", "submission_token": "t" * 52,
    }


def test_a_valid_application_is_accepted_without_checking_constraints_on_fields_it_lacks():
    form = ApplicationForm(_application_data(), {})
    with mock.patch.object(CheckConstraint, "validate", side_effect=AssertionError("constraint checked")):
        assert form.is_valid(), form.errors


def test_the_application_still_refuses_what_the_citizen_got_wrong():
    form = ApplicationForm({**_application_data(), "main_category": ""}, {})
    assert not form.is_valid()
    assert "main_category" in form.errors


class _StaffDatesForm(FormFieldConstraintsOnlyMixin, forms.ModelForm):
    class Meta:
        model = DisputeCase
        fields = ["filed_on", "concluded_on"]


def test_a_form_with_a_constrained_field_still_checks_that_constraint():
    form = _StaffDatesForm({"filed_on": "2026-03-02", "concluded_on": ""})
    with mock.patch.object(CheckConstraint, "validate", autospec=True) as validate:
        form.is_valid()
    assert {call.args[0].name for call in validate.call_args_list} >= {"dispute_concluded_not_before_filed"}
