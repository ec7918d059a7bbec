"""The condolence bands and the re-grading rule: a re-grading pays the difference, and the half-year table counts
the case once, in the band it had reached by the period's end, with its payments of the period summed."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from labor_portal.core.periods import HalfYear
from welfare import services
from welfare.models import CondolenceBand, CondolenceCategory, CondolencePayment, PaymentStatus
from welfare.reports import AccidentCondolence

from .factories import condolence_case

pytestmark = pytest.mark.django_db
H1_2020, H2_2020 = HalfYear(2020, 1), HalfYear(2020, 2)


def pay(case, graded_on, paid_on, **grading):
    payment = services.condolence_payment_grant(case=case, graded_on=graded_on, **grading)
    services.condolence_payment_approve(payment=payment, user=None, on=graded_on)
    return services.condolence_payment_pay(payment=payment, paid_on=paid_on)


def table(period):
    (row,) = AccidentCondolence().compute(period)
    return dict(zip(AccidentCondolence.columns, row.values, strict=True))


def test_the_bands_are_data_from_the_migration():
    bands = CondolenceBand.in_force(date(2020, 3, 1))
    assert {c: (b.amount_min, b.amount_max) for c, b in bands.items()} == {
        CondolenceCategory.DEATH: (100_000, 300_000), CondolenceCategory.DISABILITY_1_5: (30_000, 30_000),
        CondolenceCategory.DISABILITY_6_10: (20_000, 20_000), CondolenceCategory.DISABILITY_11_15: (10_000, 10_000),
    }


def test_a_grade_is_paid_its_bands_amount_and_a_new_band_row_applies_from_its_date():
    assert pay(condolence_case(1), date(2020, 2, 1), date(2020, 2, 5), grade=7).amount == 20_000
    CondolenceBand.objects.create(category=CondolenceCategory.DISABILITY_6_10, grade_from=6, grade_to=10,
                                  amount_min=25_000, amount_max=25_000, valid_from=date(2020, 7, 1), citation="修正")
    assert pay(condolence_case(2), date(2020, 7, 1), date(2020, 7, 3), grade=7).amount == 25_000
    # Grades outside every band, and death amounts outside its range, are refused.
    with pytest.raises(ValidationError):
        services.condolence_payment_grant(case=condolence_case(3), graded_on=date(2020, 3, 1), grade=16)
    with pytest.raises(ValidationError):
        services.condolence_payment_grant(case=condolence_case(4), graded_on=date(2020, 3, 1), death=True,
                                          amount=350_000)


def test_a_worker_regraded_twice_is_paid_the_differences_and_counted_once_in_the_final_band():
    case = condolence_case()
    assert pay(case, date(2020, 1, 20), date(2020, 1, 25), grade=13).amount == 10_000
    assert pay(case, date(2020, 3, 2), date(2020, 3, 9), grade=8).amount == 10_000
    assert pay(case, date(2020, 5, 4), date(2020, 5, 11), grade=3).amount == 10_000
    counted = table(H1_2020)
    assert counted["失能1-5級(3萬):件數"] == 1 and counted["失能1-5級:金額"] == 3
    assert counted["失能6-10級(2萬):件數"] == counted["失能11-15級(1萬):件數"] == 0
    assert (counted["總計:件數"], counted["總計:金額(萬元)"]) == (1, 3)


def test_a_regrading_to_the_same_or_a_lower_band_pays_nothing():
    case = condolence_case()
    pay(case, date(2020, 1, 20), date(2020, 1, 25), grade=8)
    for grade in (9, 12):
        with pytest.raises(ValidationError):
            services.condolence_payment_grant(case=case, graded_on=date(2020, 2, 1), grade=grade)
    assert CondolencePayment.objects.filter(case=case).count() == 1


def test_a_regrading_that_crosses_the_periods_end_leaves_the_past_half_year_as_it_stood():
    case = condolence_case()
    pay(case, date(2020, 6, 10), date(2020, 6, 20), grade=12)
    first_half = table(H1_2020)
    pay(case, date(2020, 7, 2), date(2020, 7, 8), grade=7)

    # 2020H1 still counts it in 11–15 with the 1萬 paid then: a later re-grading does not rewrite a past report.
    assert table(H1_2020) == first_half
    assert first_half["失能11-15級(1萬):件數"] == 1 and first_half["失能11-15級:金額"] == 1
    # 2020H2 paid the 1萬 difference: the case is there once, in its final band, with that payment.
    second_half = table(H2_2020)
    assert second_half["失能6-10級(2萬):件數"] == 1 and second_half["失能6-10級:金額"] == 1
    assert second_half["失能11-15級(1萬):件數"] == 0


def test_only_payments_made_count_and_the_approver_is_not_the_clerk(make_staff):
    clerk, head = make_staff("welfare", "clerk"), make_staff("welfare", "head")
    payment = services.condolence_payment_grant(case=condolence_case(), graded_on=date(2020, 2, 1), death=True,
                                                amount=300_000, user=clerk)
    with pytest.raises(ValidationError):
        services.condolence_payment_approve(payment=payment, user=clerk)
    with pytest.raises(ValidationError):
        services.condolence_payment_pay(payment=payment, paid_on=date(2020, 2, 9))
    assert table(H1_2020)["總計:件數"] == 0
    services.condolence_payment_approve(payment=payment, user=head, on=date(2020, 2, 5))
    services.condolence_payment_pay(payment=payment, paid_on=date(2020, 2, 9), user=clerk)
    assert CondolencePayment.objects.get().status == PaymentStatus.PAID
    counted = table(H1_2020)
    assert (counted["職災死亡(10~30萬):件數"], counted["職災死亡:金額"]) == (1, 30)
