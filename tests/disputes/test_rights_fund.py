"""Litigation subsidies of the labor-rights fund: who may get one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from disputes import services
from disputes.models import DisputeStatus, FundDecision, FundKind, RightsFundApplication

from .factories import concluded_case

pytestmark = pytest.mark.django_db


def _application(**overrides):
    values = {"kind": FundKind.OTHER_LAWSUIT, "applicant_name": "王小明", "registered_in_kaohsiung": True,
              "works_in_kaohsiung": True, "applied_on": date(2020, 5, 1), "lawyer_fee_asked": 60000, **overrides}
    return RightsFundApplication.objects.create(**values)


def _approve(application):
    return services.rights_fund_application_decide(application=application, decision=FundDecision.APPROVED,
                                                   decided_on=date(2020, 5, 20), amount_granted=50000)


def test_a_lawsuit_after_failed_mediation_is_approved():
    application = _application(dispute_case=concluded_case(outcome=DisputeStatus.NOT_SETTLED))
    assert _approve(application).amount_granted == 50000


def test_a_lawsuit_without_failed_mediation_is_not():
    application = _application(dispute_case=concluded_case(outcome=DisputeStatus.SETTLED))
    with pytest.raises(ValidationError, match="調解不成立"):
        _approve(application)
    with pytest.raises(ValidationError, match="調解不成立"):
        _approve(_application(dispute_case=None))


def test_residence_and_workplace_must_be_in_kaohsiung():
    case = concluded_case(outcome=DisputeStatus.NOT_SETTLED)
    with pytest.raises(ValidationError, match="設籍本市"):
        _approve(_application(dispute_case=case, registered_in_kaohsiung=False))
    with pytest.raises(ValidationError, match="勞務提供地須在本市"):
        _approve(_application(dispute_case=case, works_in_kaohsiung=False))


def test_an_unfair_labor_practice_ruling_needs_no_mediation_and_covers_the_lawyer_only():
    assert _approve(_application(kind=FundKind.UNFAIR_LABOR_PRACTICE)).decision == FundDecision.APPROVED
    with pytest.raises(ValidationError, match="不補助這個項目"):
        _approve(_application(kind=FundKind.UNFAIR_LABOR_PRACTICE, court_fee_asked=3000))


def test_living_costs_only_for_lawsuits_confirming_employment():
    case = concluded_case(outcome=DisputeStatus.NOT_SETTLED)
    confirm = _application(kind=FundKind.CONFIRM_EMPLOYMENT, dispute_case=case, living_cost_asked=30000)
    assert _approve(confirm).amount_asked == 90000
    with pytest.raises(ValidationError, match="不補助這個項目"):
        _approve(_application(dispute_case=case, living_cost_asked=30000))
