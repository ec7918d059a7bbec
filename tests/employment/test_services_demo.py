"""The demo reproduces every published 2020H1 value of the job centre's events, programmes, training classes and
certification tests (四(二)1(3)–4, 四(三)), and the halves around it count their own records."""


import pytest

from employment import demo_services
from employment.reports_services import CERTIFICATION, ProgrammeFigures, ServiceEventFigures, VocationalTraining
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import registry
from tests.specification import CATALOGUE

pytestmark = pytest.mark.django_db
H1, H2, H2_2019 = HalfYear(2020, 1), HalfYear(2020, 2), HalfYear(2019, 2)
GROUPS = (ServiceEventFigures(), ProgrammeFigures(), CERTIFICATION)
# Counted from the job seekers, vacancies and referrals, not from these records.
NOT_OURS = ("employment.job_seekers", "employment.vacancies", "employment.middle_aged.served",
            "employment.middle_aged.employed", "employment.middle_aged.rate", "employment.scam_complaints",
            "employment.anti_discrimination_seminars")
OURS = sorted(item["id"] for item in CATALOGUE["indicators"]
              if item["section"] == "employment" and not item["id"].startswith(NOT_OURS))


def _values(period) -> dict:
    return {item["id"]: (item["value"], item["unit"]) for group in GROUPS for item in group.snapshot(period)}


def test_every_figure_of_these_parts_is_declared_and_registered():
    assert len(OURS) == 34
    assert sorted(_values(H1)) == OURS
    assert set(OURS) | {"employment.vocational_training"} <= registry.ids()


def test_the_demo_reproduces_the_published_figures():
    demo_services.load_services()
    published = {item["id"]: (item["value"], item["unit"]) for item in CATALOGUE["indicators"] if item["id"] in OURS}
    assert _values(H1) == published
    table = next(item for item in CATALOGUE["tables"] if item["id"] == "employment.vocational_training")
    snapshot = VocationalTraining().snapshot(H1)
    assert (snapshot["title_zh"], snapshot["columns"], snapshot["rows"]) == (
        table["title_zh"], table["columns"], table["rows"])


def test_the_halves_around_it_count_their_own_records():
    demo_services.load_services()
    after, before = _values(H2), _values(H2_2019)
    # 2020H2: 192 fairs (one large), the van trip of 1 July among its 49; 2019H2: no COVID programmes yet.
    assert after["employment.job_fairs.events"] == (192, "場次")
    assert after["employment.mobile_van.trips"] == (49, "車次")
    assert after["employment.job_fairs.match_rate"] == (45.56, "%")  # 3,850 / 8,450
    assert after["employment.restart_program.rate"] == (91.0, "%")
    assert before["employment.restart_program.quota"] == (0, "名")
    assert before["employment.restart_program.rate"] == (0, "%")
    assert before["employment.youth.winner_sessions"] == (0, "場次")
    assert after["employment.middle_aged.redesign_firms"] == (3, "家")
    assert [row.values for row in VocationalTraining().compute(H2)] == [
        [7, 602, 140, 131], [16, None, 470, 120], [18, None, 610, 360]]
    assert next(row.values for row in VocationalTraining().compute(H2_2019)) == [6, 540, 120, 114]
