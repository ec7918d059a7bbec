"""The shared report helpers: grouped counts, subtotals equal to their parts, the bureau's half-up rounding, and
one-line figures counted in one query per model."""

from datetime import date

import pytest
from django.db.models import Count, Q, Sum

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import (
    Figure,
    FigureGroup,
    Row,
    column,
    count_by,
    percent,
    ratio,
    registry,
    with_total,
)
from tests.unions.factories import UnionFactory
from unions.models import EducationEvent, LaborUniversityClass, MagazineIssue, Union, UnionType
from unions.reports import LABOR_UNIVERSITY

H1 = HalfYear(2020, 1)


def test_halves_are_rounded_up_as_the_bureau_does_not_to_even_as_python_does():
    assert round(9000.5) == 9000  # what the report must not print
    assert ratio(18001, 2) == 9001
    assert ratio(45, 2) == 23
    assert percent(1, 8, decimals=2) == 12.5
    assert percent(1, 3, decimals=2) == 33.33
    assert ratio(5, 0) == 0


def test_a_subtotal_row_is_the_sum_of_the_rows_above_it():
    rows = [Row("甲", [1, 2, 3]), Row("乙", [4, 5, 6])]
    assert with_total(rows) == [*rows, Row("小計", [5, 7, 9])]
    assert with_total(rows, label="合計")[-1].label == "合計"


def test_a_row_of_another_width_is_refused_rather_than_summed_short():
    with pytest.raises(ValueError):
        with_total([Row("甲", [1, 2]), Row("乙", [1, 2, 3])])


@pytest.mark.django_db
def test_count_by_groups_in_one_query_and_column_puts_absent_choices_at_zero(django_assert_num_queries):
    UnionFactory.create_batch(2, union_type=UnionType.CRAFT, members=10)
    UnionFactory(union_type=UnionType.ENTERPRISE, members=5)
    with django_assert_num_queries(1):
        grouped = count_by(Union.objects.all(), "union_type", members=Sum("members"))
    assert grouped[UnionType.CRAFT.value] == {"count": 2, "members": 20}
    assert column(grouped, UnionType) == [
        2 if choice == UnionType.CRAFT else 1 if choice == UnionType.ENTERPRISE else 0 for choice in UnionType
    ]
    assert column(grouped, [UnionType.CRAFT], "members") == [20]


@pytest.mark.django_db
def test_magazine_copies_per_issue_rounds_an_exact_half_up():
    MagazineIssue.objects.create(issue_number=1, published_on=date(2020, 2, 1), copies=9000)
    MagazineIssue.objects.create(issue_number=2, published_on=date(2020, 4, 1), copies=9001)
    group = next(g for g in registry.steps() if getattr(g, "indicators", None) and g.indicators[0].id == "unions.magazine.issues")
    assert group.compute(H1)["unions.magazine.copies_per_issue"] == 9001


@pytest.mark.django_db
def test_figures_of_one_model_are_counted_in_one_query_with_their_own_filters(django_assert_num_queries):
    union = UnionFactory()
    EducationEvent.objects.create(union=union, title="a", held_on=date(2020, 3, 1), subsidy_amount=1000)
    EducationEvent.objects.create(union=union, title="b", held_on=date(2020, 3, 2), subsidy_amount=0)
    EducationEvent.objects.create(union=union, title="c", held_on=date(2020, 7, 1), subsidy_amount=500)
    group = FigureGroup([
        Figure("unions.x.events", "場", "活動場次", EducationEvent.objects, Count("pk")),
        Figure("unions.x.subsidised", "場", "受補助場次", EducationEvent.objects, Count("pk", filter=Q(subsidy_amount__gt=0))),
        Figure("unions.x.amount", "元", "補助金額", EducationEvent.objects, Sum("subsidy_amount")),
        Figure("unions.x.classes", "班", "勞工大學班數", LaborUniversityClass.objects, Count("pk")),
        Figure("unions.x.participants", "人次", "勞工大學人次", LaborUniversityClass.objects, Sum("participants")),
    ])
    with django_assert_num_queries(2):  # one per model, whatever the number of figures
        values = group.compute(H1)
    assert values == {
        "unions.x.events": 2, "unions.x.subsidised": 1, "unions.x.amount": 1000,
        # A Sum over no rows is printed 0, not None.
        "unions.x.classes": 0, "unions.x.participants": 0,
    }


@pytest.mark.django_db
def test_figures_of_one_model_over_another_base_queryset_are_not_merged():
    UnionFactory(founded_on=date(2020, 2, 1), members=10)
    UnionFactory(founded_on=date(2020, 3, 1), members=0)
    UnionFactory(founded_on=date(2019, 3, 1), members=10)
    group = FigureGroup([
        Figure("unions.x.new", "家", "新成立", Union.objects, Count("pk"), scope="founded_in"),
        Figure("unions.x.new_with_members", "家", "新成立且有會員", Union.objects.filter(members__gt=0), Count("pk"),
               scope="founded_in"),
    ])
    assert group.compute(H1) == {"unions.x.new": 2, "unions.x.new_with_members": 1}


@pytest.mark.django_db
def test_a_declared_group_of_figures_of_one_model_runs_one_query(django_assert_num_queries):
    assert len(LABOR_UNIVERSITY.figures) == 2
    with django_assert_num_queries(1):
        values = LABOR_UNIVERSITY.compute(H1)
    assert values == {"unions.labor_university.classes": 0, "unions.labor_university.participants": 0}
