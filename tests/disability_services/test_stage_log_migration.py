"""Migration disability_services/0004 keeps every existing case and logs its current stage at its last change
date, so that past half-years report as before."""

from datetime import date

import pytest

from disability_services.demo import personal_id
from disability_services.reports import CaseManagement
from labor_portal.core.periods import HalfYear
from tests.cases.conftest import migrate_to  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("disability_services", "0003_roster_month_counts_index")]
AFTER = [("disability_services", "0004_case_stage_log")]


def test_each_existing_case_gets_its_current_stage_logged(migrate_to):  # noqa: F811
    old = migrate_to(BEFORE)
    def client(n):
        return old.get_model("disability_services", "Client").objects.create(
            name=f"王小{n}", personal_id=personal_id(n), disability_level="mild")

    case = old.get_model("disability_services", "RehabilitationCase").objects.create
    closed = case(client=client(1), opened_on=date(2019, 3, 1), stage="closed", closed_on=date(2019, 12, 31))
    closed_in_h1 = case(client=client(2), opened_on=date(2019, 3, 1), stage="closed", closed_on=date(2020, 2, 1))
    open_case = case(client=client(3), opened_on=date(2019, 9, 1), stage="plan")

    apps = migrate_to(AFTER)
    Change = apps.get_model("disability_services", "CaseStageChange")
    assert apps.get_model("disability_services", "RehabilitationCase").objects.count() == 3
    log = {row[0]: row[1:] for row in Change.objects.values_list("case_id", "from_state", "to_state", "changed_on")}
    assert log[closed.pk] == ("", "closed", date(2019, 12, 31))
    assert log[closed_in_h1.pk] == ("", "closed", date(2020, 2, 1))
    # An open case: its stage on the day it was last changed (today here: the rows were written just now).
    assert log[open_case.pk][:2] == ("", "plan") and log[open_case.pk][2] >= date(2019, 9, 1)
    assert CaseManagement().compute(HalfYear(2020, 1))["disability_services.case_management.cumulative"] == 2
