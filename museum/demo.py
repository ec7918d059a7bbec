"""Demo records that reproduce the museum figures of the 2020H1 report (8,074 visitors, the three grants), with
2019H2 and 2020H2 around them; plus exhibitions and bookable visit slots from the day the demo is loaded, so
that the public pages have something to show."""

from datetime import date, time, timedelta

from django.utils import timezone

from labor_portal.cases.codes import access_code_hash, access_code_random
from labor_portal.cases.numbers import case_number_next
from labor_portal.core.demo import create, split_total
from labor_portal.core.periods import HalfYear
from museum.models import (
    BookingStatus,
    ClosureReason,
    Exhibition,
    GrantKind,
    GroupVisitBooking,
    MuseumClosure,
    MuseumGrant,
    ProgrammeKind,
    VisitorCount,
    VisitorGroupKind,
    VisitorKind,
    VisitSlot,
)
from museum.services import museum_open_on

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
# 2020H1's 8,074 visitors by kind.
VISITORS_2020H1 = {VisitorKind.WALK_IN: 5_400, VisitorKind.BOOKED_GROUP: 2_074, VisitorKind.EVENT: 600}
GROUP_VISITS_2020H1 = 50
CLOSURES = [
    (date(2019, 8, 24), ClosureReason.TYPHOON, "白鹿颱風"),
    (date(2019, 9, 30), ClosureReason.TYPHOON, "米塔颱風"),
    (date(2020, 1, 24), ClosureReason.HOLIDAY, "除夕"),
    (date(2020, 1, 25), ClosureReason.HOLIDAY, "春節"),
    (date(2020, 4, 4), ClosureReason.MAINTENANCE, "空調設備檢修"),
    (date(2020, 8, 3), ClosureReason.TYPHOON, "哈格比颱風"),
]


def _open_days(period: HalfYear) -> list[date]:
    day, days = period.start, []
    while day < period.end:
        if museum_open_on(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _visitors(period: HalfYear, by_kind: dict, group_days: list[date], group_sizes: list[int]) -> list[VisitorCount]:
    days = _open_days(period)
    counts = [VisitorCount(day=day, kind=VisitorKind.WALK_IN, visitors=n)
              for day, n in zip(days, split_total(by_kind[VisitorKind.WALK_IN], len(days)), strict=True)]
    weekends = [day for day in days if day.weekday() >= 5][:20]
    counts += [VisitorCount(day=day, kind=VisitorKind.EVENT, visitors=n)
               for day, n in zip(weekends, split_total(by_kind[VisitorKind.EVENT], len(weekends)), strict=True)]
    counts += [VisitorCount(day=day, kind=VisitorKind.BOOKED_GROUP, visitors=n)
               for day, n in zip(group_days, group_sizes, strict=True)]
    return counts


def _group_visits(period: HalfYear, count: int, total: int) -> tuple[list[date], list[int]]:
    """`count` attended group visits on distinct open days, `total` visitors in all, with their slots."""
    days = _open_days(period)
    group_days = [days[n * len(days) // count] for n in range(count)]
    sizes = split_total(total, count)
    slots = create(VisitSlot, [VisitSlot(day=day, starts_at=time(10), capacity=max(120, size))
                               for day, size in zip(group_days, sizes, strict=True)])
    create(GroupVisitBooking, [
        GroupVisitBooking(
            case_number=case_number_next(kind="M", filed_on=slot.day - timedelta(days=20)),
            access_code_hash=access_code_hash(access_code_random()), slot=slot,
            group_kind=VisitorGroupKind.SCHOOL if n % 2 else VisitorGroupKind.GROUP,
            group_name=f"高雄市示範國民中學{n + 1}年級" if n % 2 else f"示範社區發展協會{n + 1}",
            contact_name="示範聯絡人", email=f"group{n}@example.tw", phone="07-8120000", group_size=size,
            accessibility=["wheelchair"] if n % 7 == 0 else [], status=BookingStatus.ATTENDED,
            booked_on=slot.day - timedelta(days=20), attended_count=size,
        )
        for n, (slot, size) in enumerate(zip(slots, sizes, strict=True))
    ])
    return group_days, sizes


def _upcoming(today: date) -> int:
    """Exhibitions on now and coming, and visit slots for the next eight weeks, as the public pages show them."""
    create(Exhibition, [
        Exhibition(title="高雄勞動與產業發展常設展", title_en="Labor and industry in Kaohsiung", kind=ProgrammeKind.PERMANENT,
                   starts_on=date(2015, 5, 1), place="勞工博物館一樓", summary="從加工出口區到重工業，看見城市的勞動者。"),
        Exhibition(title="《工會ㄟ故事，咱自己說》系列展覽", kind=ProgrammeKind.SPECIAL, starts_on=today - timedelta(days=30),
                   ends_on=today + timedelta(days=60), place="勞工博物館二樓特展室",
                   summary="工會幹部口述的組織經驗。"),
        Exhibition(title="世界的新世界：移工動畫首映", kind=ProgrammeKind.EVENT, starts_on=today + timedelta(days=14),
                   ends_on=today + timedelta(days=14), place="勞工博物館多功能室", summary="多語字幕放映與映後座談。"),
        Exhibition(title="移展攤車：勞動文物走進社區", kind=ProgrammeKind.SPECIAL, starts_on=today + timedelta(days=45),
                   ends_on=today + timedelta(days=120), place="各區活動中心"),
        Exhibition(title="加工區女工的青春（已閉幕）", kind=ProgrammeKind.SPECIAL, starts_on=date(2019, 9, 1),
                   ends_on=date(2020, 2, 29)),
    ])
    slots = [VisitSlot(day=today + timedelta(days=n), starts_at=hour, capacity=60)
             for n in range(1, 57) for hour in (time(10), time(14))
             if (today + timedelta(days=n)).weekday() != 0]
    return len(create(VisitSlot, slots))


def load() -> str:
    for day, reason, note in CLOSURES:
        MuseumClosure.objects.get_or_create(day=day, defaults={"reason": reason, "note": note})
    counts = []
    group_days, sizes = _group_visits(H1_2020, GROUP_VISITS_2020H1, VISITORS_2020H1[VisitorKind.BOOKED_GROUP])
    counts += _visitors(H1_2020, VISITORS_2020H1, group_days, sizes)
    for period in (H2_2019, H2_2020):
        group_days, sizes = _group_visits(period, 40, 1_800)
        counts += _visitors(period, {VisitorKind.WALK_IN: 7_000, VisitorKind.EVENT: 900}, group_days, sizes)
    create(VisitorCount, counts)
    create(MuseumGrant, [
        MuseumGrant(kind=GrantKind.CULTURE_MINISTRY, approved_on=date(2020, 3, 16), amount=1_080_000,
                    programme="前瞻基礎建設計畫—博物館與地方文化館提升計畫（109年經常門）"),
        MuseumGrant(kind=GrantKind.CITY_MATCH, approved_on=date(2020, 3, 16), amount=462_857,
                    programme="前瞻基礎建設計畫—博物館與地方文化館提升計畫（109年本府配合款）"),
        MuseumGrant(kind=GrantKind.EMPLOYMENT_FUND, approved_on=date(2020, 4, 22), amount=1_880_000,
                    programme="「世界的新世界」移工動畫製作計畫"),
        MuseumGrant(kind=GrantKind.CULTURE_MINISTRY, approved_on=date(2019, 8, 20), amount=950_000,
                    programme="前瞻基礎建設計畫—博物館與地方文化館提升計畫（108年經常門）"),
        MuseumGrant(kind=GrantKind.EMPLOYMENT_FUND, approved_on=date(2019, 7, 10), amount=1_200_000,
                    programme="勞動部108年就安基金移工繪本計畫"),
        MuseumGrant(kind=GrantKind.CITY_MATCH, approved_on=date(2020, 9, 1), amount=300_000,
                    programme="典藏數位化—勞動文物數位加值計畫（追加配合款）"),
    ])
    upcoming = _upcoming(timezone.localdate())
    return f"{len(counts)} daily visitor counts, {upcoming} upcoming visit slots"
