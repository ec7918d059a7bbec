"""The Labor Standards Act table: top 8 articles of final penalties, ties to the lower article."""

from datetime import date

import pytest

from inspections.models import Law, PenaltyStatus
from inspections.reports import LSAViolationsByArticle
from labor_portal.core.periods import HalfYear

from .factories import EstablishmentFactory, ViolationFactory

H1_2020 = HalfYear(2020, 1)


def penalise(article: int, count: int, **fields):
    firm = EstablishmentFactory()
    for _n in range(count):
        ViolationFactory(establishment=firm, article=article, **fields)


def table(period=H1_2020) -> dict:
    return {row.label: row.values for row in LSAViolationsByArticle().compute(period)}


@pytest.mark.django_db
def test_equal_counts_rank_the_lower_article_first():
    for article, count in ((80, 3), (38, 3), (24, 5), (36, 3), (22, 1), (23, 1), (30, 1), (32, 1), (70, 1)):
        penalise(article, count)
    rows = table()
    assert rows["條次"] == ["第24條", "第36條", "第38條", "第80條", "第22條", "第23條", "第30條", "第32條"]
    assert rows["次數"] == [5, 3, 3, 3, 1, 1, 1, 1]
    # 第70條 is ninth and not shown, yet its penalty counts in every share: 5 of 19.
    assert rows["百分比"][0] == 26.32


@pytest.mark.django_db
def test_a_period_with_fewer_than_eight_articles_leaves_the_other_places_empty():
    penalise(24, 2)
    penalise(30, 1)
    rows = table()
    assert rows["條次"] == ["第24條", "第30條", None, None, None, None, None, None]
    assert rows["次數"] == [2, 1, None, None, None, None, None, None]
    assert rows["百分比"] == [66.67, 33.33, None, None, None, None, None, None]


@pytest.mark.django_db
def test_an_empty_period_has_an_empty_table_not_an_error():
    assert table(HalfYear(2001, 1)) == {label: [None] * 8 for label in ("條次", "次數", "百分比")}


@pytest.mark.django_db
def test_only_final_lsa_penalties_decided_in_the_period_count():
    penalise(24, 3)
    penalise(24, 1, status=PenaltyStatus.UNDER_APPEAL)
    penalise(24, 1, status=PenaltyStatus.REVOKED)
    penalise(24, 1, law=Law.GENDER_EQUALITY)
    penalise(24, 1, decided_on=date(2019, 12, 31))
    penalise(24, 1, decided_on=date(2020, 7, 1))
    penalise(30, 1, decided_on=date(2020, 6, 30))
    penalise(36, 1, decided_on=date(2020, 1, 1))
    rows = table()
    assert rows["條次"][:3] == ["第24條", "第30條", "第36條"]
    assert rows["次數"][:3] == [3, 1, 1]
    assert rows["百分比"][:3] == [60.0, 20.0, 20.0]


@pytest.mark.django_db
def test_shares_are_rounded_half_up_to_two_decimals():
    # 1 of 8 = 12.5 %; 1 of 16 = 6.25 %; 1 of 32 = 3.125 % → 3.13 (half up, not to even).
    penalise(24, 31)
    penalise(30, 1)
    assert table()["百分比"][1] == 3.13
