"""Demo records that reproduce the welfare figures of the 2020H1 report, with 2019H2 and 2020H2 around them.

The condolence table comes out of payments graded through the services (the bands of migration 0002), the
re-graded worker of the report's note included: paid 1萬 in 11-15, re-graded 6-10 and paid 1萬 more.
"""

from datetime import date, timedelta

from labor_portal.cases.codes import access_code_hash, access_code_random
from labor_portal.cases.numbers import case_number_next
from labor_portal.core.demo import create, split_total, spread_dates
from labor_portal.core.periods import HalfYear
from welfare import services
from welfare.models import (
    BookingStatus,
    CaseContact,
    CondolenceBudget,
    CondolenceCase,
    CondolencePayment,
    ContactKind,
    HallBlackout,
    HallBooking,
    HallFacility,
    HallKind,
    HallSlot,
    InjuredWorkerCase,
    PaymentStatus,
    RentalHousingUnit,
    Tenancy,
)

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = ["志明", "淑芬", "建宏", "美玲", "俊傑", "雅婷", "家豪", "怡君", "文雄", "秀英"]
# Death payments of 2020H1 (NT$): 35 cases, 680萬 in all, each within the band's 10–30萬.
DEATHS_2020H1 = [300_000] * 10 + [100_000] * 15 + [230_000] * 10
# Disability cases of 2020H1 paid once, by grade: 10 in 1–5, 26 in 6–10 (+ the re-graded one), 39 in 11–15.
DISABILITIES_2020H1 = [(3, 10), (8, 26), (13, 39)]


def _name(n: int) -> str:
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)]


def _personal_id(n: int) -> str:
    return f"E{1 if n % 2 else 2}{n:08d}"


def _condolence_case(n: int, accident_on: date) -> CondolenceCase:
    return CondolenceCase.objects.create(
        worker_name=_name(n), personal_id=_personal_id(n), phone=f"0912{n:06d}", employer=f"示範事業單位{n % 40 + 1}",
        accident_on=accident_on, applied_on=accident_on + timedelta(days=10), description="示範：職災事故摘要",
    )


def _paid(payment: CondolencePayment, paid_on: date) -> CondolencePayment:
    services.condolence_payment_approve(payment=payment, user=None, on=paid_on - timedelta(days=3))
    return services.condolence_payment_pay(payment=payment, paid_on=paid_on)


def _grant_and_pay(n: int, paid_on: date, *, grade=None, death=False, amount=None) -> CondolenceCase:
    case = _condolence_case(n, paid_on - timedelta(days=40))
    payment = services.condolence_payment_grant(case=case, graded_on=paid_on - timedelta(days=5), grade=grade,
                                                death=death, amount=amount)
    _paid(payment, paid_on)
    return case


def _condolence() -> int:
    n = 0

    def next_n():
        nonlocal n
        n += 1
        return n

    for year in (2019, 2020, 2021):
        CondolenceBudget.objects.get_or_create(year=year, defaults={"amount": {2020: 23_048_000}.get(year, 22_500_000)})
    days = spread_dates(H1_2020, 120, offset=3)
    for k, amount in enumerate(DEATHS_2020H1):
        _grant_and_pay(next_n(), days[k], death=True, amount=amount)
    k = len(DEATHS_2020H1)
    for grade, count in DISABILITIES_2020H1:
        for _ in range(count):
            _grant_and_pay(next_n(), days[k], grade=grade)
            k += 1
    # The report's note: 11–15 paid 1萬 in February, re-graded 6–10 in May and paid the 1萬 difference.
    regraded = _grant_and_pay(next_n(), date(2020, 2, 12), grade=12)
    _paid(services.condolence_payment_grant(case=regraded, graded_on=date(2020, 5, 4), grade=9), date(2020, 5, 15))
    # Granted in the period but not paid by its end: not in the table.
    pending = _condolence_case(next_n(), date(2020, 6, 1))
    services.condolence_payment_grant(case=pending, graded_on=date(2020, 6, 25), grade=14)
    # The halves around it, and a re-grading that crosses the end of 2020H2 (11–15 in December, 1–5 in January).
    for period, count in ((H2_2019, 40), (H2_2020, 45)):
        for j, day in enumerate(spread_dates(period, count, offset=5)):
            if j % 5 == 0:
                _grant_and_pay(next_n(), day, death=True, amount=200_000)
            else:
                _grant_and_pay(next_n(), day, grade=(2, 7, 12, 14)[j % 4])
    crossing = _grant_and_pay(next_n(), date(2020, 12, 10), grade=11)
    _paid(services.condolence_payment_grant(case=crossing, graded_on=date(2021, 1, 8), grade=4), date(2021, 1, 20))
    return n


def _case_management() -> tuple[int, int]:
    cases = []
    # 2020H1 serves 484: 300 opened before it and still open on 1 January, 184 opened in it.
    for n in range(300):
        opened = date(2019, 1, 5) + timedelta(days=n)
        closed = date(2020, 1, 1) + timedelta(days=n % 250) if n % 3 == 0 else None
        cases.append((opened, closed))
    cases += [(day, date(2020, 9, 30) if n % 4 == 0 else None) for n, day in enumerate(spread_dates(H1_2020, 184))]
    # Not served in 2020H1: closed on its eve, opened after it.
    cases += [(date(2019, 3, 1) + timedelta(days=n), date(2019, 12, 31)) for n in range(20)]
    cases += [(day, None) for day in spread_dates(H2_2020, 30)]
    records = create(InjuredWorkerCase, [
        InjuredWorkerCase(worker_name=_name(n), personal_id=_personal_id(5000 + n), phone=f"0933{n:06d}",
                          injury="示範：上肢骨折，復健中", needs="心理支持、復工協助", opened_on=opened, closed_on=closed)
        for n, (opened, closed) in enumerate(cases)
    ])
    served_2020h1 = [case for case in records if case.opened_on < H1_2020.end
                     and (case.closed_on is None or case.closed_on >= H1_2020.start)]
    kinds = list(ContactKind)
    contacts = []
    for n, day in enumerate(spread_dates(H1_2020, 3670, offset=1)):
        case = served_2020h1[n % len(served_2020h1)]
        contacts.append(CaseContact(case=case, contacted_on=max(day, case.opened_on), kind=kinds[n % len(kinds)]))
    long_open = [case for case in records[:300] if case.closed_on is None]
    for period, count in ((H2_2019, 2900), (H2_2020, 3100)):
        for n, day in enumerate(spread_dates(period, count)):
            case = long_open[n % len(long_open)]
            contacts.append(CaseContact(case=case, contacted_on=max(day, case.opened_on), kind=kinds[n % len(kinds)]))
    create(CaseContact, contacts)
    return len(records), len(contacts)


def _rental_housing() -> int:
    units = [RentalHousingUnit(building=f"示範勞工住宅{n // 60 + 1}期", unit_number=f"{n % 60 + 1:03d}",
                               monthly_rent=4_500 + 100 * (n % 8), managed_from=date(1995, 7, 1))
             for n in range(173)]
    units += [
        # Still managed on 2020-06-30 (released the next day), released on it, added after it.
        RentalHousingUnit(building="示範勞工住宅4期", unit_number="001", managed_from=date(1998, 1, 1),
                          managed_until=date(2020, 7, 1)),
        RentalHousingUnit(building="示範勞工住宅4期", unit_number="002", managed_from=date(1998, 1, 1),
                          managed_until=date(2020, 6, 30)),
        RentalHousingUnit(building="示範勞工住宅4期", unit_number="003", managed_from=date(2020, 8, 1)),
    ]
    units = create(RentalHousingUnit, units)
    create(Tenancy, [Tenancy(unit=unit, tenant_name=_name(9000 + n), personal_id=_personal_id(9000 + n),
                             starts_on=date(2018, 1 + n % 12, 1)) for n, unit in enumerate(units[:150])])
    return len(units)


def _bookings(facility, period, count, *, people_total, income_total, slot, status=BookingStatus.ATTENDED):
    bookings = []
    days = spread_dates(period, count, offset=2)
    for n, (day, people, income) in enumerate(zip(days, split_total(people_total, count),
                                                  split_total(income_total, count, step=50), strict=True)):
        place = facility[n % len(facility)]
        attended = status == BookingStatus.ATTENDED
        bookings.append(HallBooking(
            case_number=case_number_next(kind="V", filed_on=day - timedelta(days=14)),
            access_code_hash=access_code_hash(access_code_random()),
            facility=place, use_on=day, slot=slot if slot != "rotate" else list(HallSlot)[n % 3],
            people=people, booker_name=_name(700 + n), organisation=f"示範單位{n % 30 + 1}",
            phone=f"07-33{n:05d}", status=status, booked_on=day - timedelta(days=14), fee=income,
            paid_amount=income if attended else 0, paid_on=day if attended else None,
            attended_people=people if attended else None,
        ))
    return bookings


def _shijia_hall() -> int:
    venues = create(HallFacility, [
        HallFacility(name="獅甲會館大禮堂", kind=HallKind.VENUE, capacity=300, price=6_000),
        HallFacility(name="獅甲會館第一會議室", kind=HallKind.VENUE, capacity=80, price=2_000),
        HallFacility(name="獅甲會館第二會議室", kind=HallKind.VENUE, capacity=40, price=1_200),
    ])
    rooms = create(HallFacility, [
        HallFacility(name=f"獅甲會館{floor}樓團體房", kind=HallKind.LODGING, capacity=12, price=2_400)
        for floor in range(3, 9)
    ])
    bookings = _bookings(venues, H1_2020, 80, people_total=4_066, income_total=206_250, slot="rotate")
    bookings += _bookings(rooms, H1_2020, 600, people_total=4_433, income_total=1_138_445, slot=HallSlot.NIGHT)
    # Booked in 2020H1 but cancelled or not used: not counted.
    bookings += _bookings(venues, H1_2020, 6, people_total=180, income_total=12_000, slot="rotate",
                          status=BookingStatus.CANCELLED)
    bookings += _bookings(rooms, H1_2020, 4, people_total=30, income_total=9_600, slot=HallSlot.NIGHT,
                          status=BookingStatus.NO_SHOW)
    for period in (H2_2019, H2_2020):
        bookings += _bookings(venues, period, 60, people_total=3_500, income_total=180_000, slot="rotate")
        bookings += _bookings(rooms, period, 500, people_total=3_900, income_total=1_000_000, slot=HallSlot.NIGHT)
    create(HallBooking, bookings)
    HallBlackout.objects.create(day=date(2020, 2, 3), reason="年度消防設備檢修")
    return len(bookings)


def load() -> str:
    condolence = _condolence()
    cases, contacts = _case_management()
    units = _rental_housing()
    bookings = _shijia_hall()
    awaiting = CondolencePayment.objects.filter(status=PaymentStatus.AWAITING_APPROVAL).count()
    return (f"{condolence} condolence cases ({awaiting} awaiting approval), {cases} injured-worker cases, "
            f"{contacts} contacts, {units} rental units, {bookings} Shijia Hall bookings")
