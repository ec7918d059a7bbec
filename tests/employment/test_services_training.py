"""Vocational training: the table counts the classes that started in the period by scheme, its hours only when
every class has them; certification candidates; the queue of ended classes without completion numbers."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from employment.models import CertificationKind, CertificationSession, TrainingClass, TrainingScheme
from employment.reports_services import CERTIFICATION, VocationalTraining
from employment.workbench import queues
from labor_portal.core.periods import HalfYear

pytestmark = pytest.mark.django_db
H1 = HalfYear(2020, 1)
S = TrainingScheme
_codes = iter(range(1, 1000))


def _class(scheme, starts_on=date(2020, 3, 2), *, hours=None, enrolled=20, completed=None, ends_on=None):
    return TrainingClass.objects.create(
        code=f"C{next(_codes):03d}", scheme=scheme, name="食品烘焙", starts_on=starts_on,
        ends_on=ends_on or starts_on + timedelta(days=90), hours=hours, enrolled=enrolled, completed=completed)


def _rows(period=H1):
    return {row.label: row.values for row in VocationalTraining().compute(period)}


def test_classes_count_in_the_half_they_start_by_scheme():
    _class(S.INDUSTRY_COOPERATION, hours=80, enrolled=20, completed=19)
    _class(S.INDUSTRY_COOPERATION, date(2020, 6, 30), hours=90, enrolled=18, completed=18, ends_on=date(2020, 9, 30))
    _class(S.INDUSTRY_COOPERATION, date(2020, 7, 1), hours=500, enrolled=99, completed=90)  # the next half
    _class(S.INDUSTRY_COOPERATION, date(2019, 12, 20), hours=500, enrolled=99, completed=90)  # starts in 2019H2
    _class(S.COMMISSIONED_UNEMPLOYED, enrolled=30, completed=25)
    _class(S.COMMISSIONED_UNEMPLOYED, enrolled=28)  # still running: no completion numbers yet
    assert _rows() == {
        "產訓合作職前訓練班": [2, 170, 38, 37],
        "委外失業者職業訓練": [2, None, 58, 25],
        "補助照顧服務員等職業訓練": [0, 0, 0, 0],
    }


def test_hours_are_a_total_only_when_every_class_of_the_scheme_has_them():
    _class(S.SUBSIDISED_CARE, hours=100)
    _class(S.SUBSIDISED_CARE)  # hours not given
    _class(S.INDUSTRY_COOPERATION, hours=0)
    rows = _rows()
    assert rows["補助照顧服務員等職業訓練"][1] is None
    assert rows["產訓合作職前訓練班"][1] == 0


def test_the_table_is_one_query_and_in_the_report_layout(django_assert_num_queries):
    _class(S.SUBSIDISED_CARE, enrolled=35, completed=30)
    with django_assert_num_queries(1):
        snapshot = VocationalTraining().snapshot(H1)
    assert snapshot["columns"] == ["班數", "總訓練時數", "招(開)訓人數", "結訓人數"]
    assert [row["label"] for row in snapshot["rows"]] == ["產訓合作職前訓練班", "委外失業者職業訓練", "補助照顧服務員等職業訓練"]


def test_completed_cannot_exceed_enrolled_nor_the_class_end_before_it_starts():
    training = TrainingClass(code="X", scheme=S.SUBSIDISED_CARE, name="照服", starts_on=date(2020, 3, 2),
                             ends_on=date(2020, 3, 1), enrolled=20, completed=21)
    with pytest.raises(ValidationError) as caught:
        training.full_clean()
    assert set(caught.value.message_dict) == {"ends_on", "completed"}


def test_certification_candidates_are_summed_over_the_half_s_sessions():
    for day, candidates in ((date(2020, 1, 5), 60), (date(2020, 6, 30), 40), (date(2020, 7, 1), 500)):
        CertificationSession.objects.create(kind=CertificationKind.NATIONAL, trade="中餐烹調", held_on=day,
                                            candidates=candidates)
    assert CERTIFICATION.compute(H1) == {"employment.skills_certification.persons": 100}


def test_ended_classes_without_completion_numbers_wait_on_the_workbench(make_staff, client):
    today = timezone.localdate()
    waiting = _class(S.COMMISSIONED_UNEMPLOYED, today - timedelta(days=100), ends_on=today - timedelta(days=3))
    done = _class(S.COMMISSIONED_UNEMPLOYED, today - timedelta(days=100), ends_on=today - timedelta(days=1),
                  completed=20)
    running = _class(S.COMMISSIONED_UNEMPLOYED, today - timedelta(days=10), ends_on=today + timedelta(days=30))
    clerk = make_staff("employment")
    rows = {row["title"]: row for bench in queues(clerk, today) for row in bench.count(today)}
    queue = rows["職業訓練：已結訓，尚未填寫結訓人數"]
    assert (queue["count"], queue["due"]) == (1, waiting.ends_on)
    client.force_login(clerk)
    listed = client.get(reverse("admin:employment_trainingclass_changelist") + "?completion=missing").text
    assert waiting.code in listed and done.code not in listed and running.code not in listed
