"""Demo records that reproduce the unions figures of the 2020H1 report, with 2019H2 and 2020H2 around them."""

from datetime import date

from labor_portal.core.demo import create, split_total, spread_dates
from labor_portal.core.districts import District
from labor_portal.core.periods import HalfYear
from unions.models import (
    CampusLecture,
    EducationEvent,
    LaborUniversityClass,
    MagazineIssue,
    MeetingKind,
    NewsletterGrant,
    StatutoryMeeting,
    Union,
    UnionType,
)

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
DISTRICTS = list(District)

# Unions active on 2020-06-30, by type, as the report counts them.
ACTIVE_2020H1 = {UnionType.FEDERATION: 20, UnionType.ENTERPRISE: 155, UnionType.INDUSTRIAL: 44, UnionType.CRAFT: 628}
NEW_IN_2020H1 = ["台灣電子商務社群媒體行銷產業工會", "臺灣港務產業工會"]
MEETINGS_2020H1 = {
    MeetingKind.GENERAL_ASSEMBLY: 295,
    MeetingKind.BOARD_OF_DIRECTORS: 854,
    MeetingKind.BOARD_OF_SUPERVISORS: 437,
}


def _union(n: int, name: str, union_type, founded_on: date, dissolved_on: date | None = None) -> Union:
    return Union(
        name=name,
        union_type=union_type,
        registration_number=f"高市勞組字第{n:05d}號",
        district=DISTRICTS[n % len(DISTRICTS)],
        founded_on=founded_on,
        dissolved_on=dissolved_on,
        members=30 + (n * 37) % 900,
    )


def _unions() -> list[Union]:
    unions, n = [], 0

    def add(name, union_type, founded_on, dissolved_on=None):
        nonlocal n
        n += 1
        unions.append(_union(n, name, union_type, founded_on, dissolved_on))

    add("高雄市總工會", UnionType.FEDERATION, date(1948, 5, 1))
    add("高雄市產業總工會", UnionType.FEDERATION, date(1990, 3, 1))
    for name in NEW_IN_2020H1:
        add(name, UnionType.INDUSTRIAL, date(2020, 3, 15) if "電子" in name else date(2020, 5, 8))
    # Period edges: dissolved on the last day (gone by then), the day after (still counted), founded late.
    add("高雄市示範搬運職業工會", UnionType.CRAFT, date(2001, 4, 1), dissolved_on=date(2020, 6, 30))
    add("高雄市示範理容職業工會", UnionType.CRAFT, date(2003, 9, 1), dissolved_on=date(2020, 7, 1))
    add("示範電子股份有限公司企業工會", UnionType.ENTERPRISE, date(2010, 1, 5), dissolved_on=date(2019, 10, 15))
    add("示範航運股份有限公司企業工會", UnionType.ENTERPRISE, date(2020, 7, 1))
    add("高雄市示範外送職業工會", UnionType.CRAFT, date(2019, 11, 20))
    already = {
        UnionType.FEDERATION: 2, UnionType.INDUSTRIAL: 2, UnionType.CRAFT: 2, UnionType.ENTERPRISE: 0,
    }
    for union_type, total in ACTIVE_2020H1.items():
        for k in range(total - already[union_type]):
            founded = date(1975 + (k % 44), 1 + (k % 12), 1 + (k % 28))
            add(f"高雄市示範{union_type.label}第{k + 1}號", union_type, founded)
    return unions


def load() -> str:
    unions = create(Union, _unions())
    old_unions = [u for u in unions if u.founded_on < date(2019, 1, 1) and u.dissolved_on is None]
    federations = {u.name: u for u in unions if u.union_type == UnionType.FEDERATION}

    meetings = []
    for kind, count in MEETINGS_2020H1.items():
        for n, held_on in enumerate(spread_dates(H1_2020, count, offset=kind.label.__len__())):
            meetings.append(StatutoryMeeting(union=old_unions[(n * 7) % len(old_unions)], kind=kind, held_on=held_on))
    for period, count in ((H2_2019, 120), (H2_2020, 90)):
        for n, held_on in enumerate(spread_dates(period, count)):
            kind = list(MeetingKind)[n % 3]
            meetings.append(StatutoryMeeting(union=old_unions[n % len(old_unions)], kind=kind, held_on=held_on))
    create(StatutoryMeeting, meetings)

    events = [
        EducationEvent(union=old_unions[n], title=f"勞工教育講習第{n + 1}場", held_on=held_on, subsidy_amount=amount)
        for n, (held_on, amount) in enumerate(
            zip(spread_dates(H1_2020, 86), split_total(6_545_000, 86, step=5_000), strict=True)
        )
    ]
    events.append(EducationEvent(union=old_unions[90], title="自辦勞工教育（未申請補助）", held_on=date(2020, 4, 2)))
    events += [
        EducationEvent(union=old_unions[n], title=f"勞工教育講習（{period}）", held_on=day, subsidy_amount=60_000)
        for period in (H2_2019, H2_2020)
        for n, day in enumerate(spread_dates(period, 10))
    ]
    create(EducationEvent, events)

    create(NewsletterGrant, [
        NewsletterGrant(union=federations["高雄市總工會"], granted_on=date(2020, 3, 20), amount=75_000),
        NewsletterGrant(union=federations["高雄市產業總工會"], granted_on=date(2020, 4, 10), amount=115_000),
        NewsletterGrant(union=federations["高雄市總工會"], granted_on=date(2020, 9, 18), amount=75_000),
    ])
    create(CampusLecture, [
        CampusLecture(school=f"高雄市示範高級中等學校第{n % 20 + 1}校", held_on=day, audience=120 + n)
        for period, count in ((H2_2019, 20), (H1_2020, 34), (H2_2020, 25))
        for n, day in enumerate(spread_dates(period, count))
    ])
    create(MagazineIssue, [
        MagazineIssue(issue_number=number, published_on=date(year, month, 1), copies=9_000)
        for number, (year, month) in enumerate(
            [(2019, 8), (2019, 10), (2019, 12), (2020, 2), (2020, 4), (2020, 6), (2020, 8), (2020, 10)], start=101
        )
    ])
    participants = [16] * 155 + [15] * 39  # 194 classes, 3,065 participants
    classes = [
        LaborUniversityClass(name=f"勞工大學第{n + 1}班", starts_on=day, participants=participants[n])
        for n, day in enumerate(spread_dates(H1_2020, 194))
    ]
    classes += [
        LaborUniversityClass(name=f"勞工大學（{period}）第{n + 1}班", starts_on=day, participants=20)
        for period in (H2_2019, H2_2020)
        for n, day in enumerate(spread_dates(period, 30))
    ]
    create(LaborUniversityClass, classes)
    return f"{len(unions)} unions, {len(meetings)} meetings, {len(events)} education events"
