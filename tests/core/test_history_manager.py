"""Change history of bureau records (simple-history through labor_portal.core.models.BureauRecord), with
the history manager's class built once per model instead of on every save (tests/benchmarks: ~9 % of a
citizen's filing)."""

import pytest

from disputes.models import Applicant, DisputeCase
from tests.disputes.factories import file_case

pytestmark = pytest.mark.django_db


def test_every_change_of_a_record_is_in_its_history():
    case = file_case().case
    case.respondent_name = "改名後股份有限公司"
    case.save()
    names = [row.respondent_name for row in case.history.order_by("history_date")]
    assert names == ["示範股份有限公司", "改名後股份有限公司"]
    assert DisputeCase.history.filter(id=case.pk).count() == 2
    # The history queryset's own methods still work through the manager (as the admin's history page uses).
    assert DisputeCase.history.filter(id=case.pk).latest_of_each().get().respondent_name == "改名後股份有限公司"


def test_the_history_manager_is_not_rebuilt_for_each_record():
    first, second = file_case().case, file_case().case
    assert type(first.history) is type(second.history) is type(DisputeCase.history)
    assert type(first.applicants.get().history) is type(Applicant.history)
    assert first.history.instance == first and second.history.instance == second
