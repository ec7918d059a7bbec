"""Demo records of the job centre's events, programmes, training classes and certification tests that reproduce
the 2020H1 report's 四(二)1(3)–4 and 四(三) figures, with other numbers in 2019H2 and 2020H2 around them.

Edge cases: single-employer fairs (one employer each), no large fair in 2020H1 (COVID), workshop rows of two
sessions, a van trip on 30 June 2020 (2020H1) and one on 1 July 2020 (2020H2), a firm with two job-redesign
grants in one half (counted once), classes still running when the half ended (no completion numbers: the
workbench's queue), schemes whose hours the bureau does not give (the table's "-").
"""

from datetime import date, timedelta
from itertools import cycle

from employment.models import (
    CertificationKind,
    CertificationSession,
    EventActivity,
    EventKind,
    Programme,
    ProgrammeEnrolment,
    ServiceEvent,
    TrainingClass,
    TrainingScheme,
)
from labor_portal.core.demo import create, spread_dates
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import is_valid_business_number

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
K = EventKind

# Per half: (kind, rows, {field: total over the rows}); each total is shared out as evenly as whole numbers go.
EVENTS = {
    H1_2020: [
        # COVID: no large fair in the first half of 2020 (the report's (5)).
        (K.JOB_FAIR_MEDIUM, 4, {"sessions": 4, "employers": 240, "openings": 7200, "resumes": 1600, "matched": 720}),
        (K.JOB_FAIR_SMALL, 23, {"sessions": 23, "employers": 635, "openings": 12000, "resumes": 2300,
                                "matched": 1050}),
        (K.JOB_FAIR_SINGLE, 170, {"sessions": 170, "employers": 170, "openings": 9581, "resumes": 2302,
                                  "matched": 1105}),
        (K.MOBILE_VAN, 46, {"sessions": 46, "consultations": 1023, "referrals": 370}),
        (K.DIRECT_BUS, 15, {"sessions": 15, "employers": 15, "participants": 231, "matched": 96}),
        (K.VIDEO_INTERVIEW, 5, {"sessions": 5, "employers": 5, "participants": 42}),
        (K.CAMPUS, 66, {"sessions": 66, "participants": 1298}),
        (K.YOUTH_WINNER, 7, {"sessions": 7, "participants": 228}),
        (K.DISADVANTAGED, 44, {"sessions": 44, "participants": 806}),
        (K.PRISON, 13, {"sessions": 13, "participants": 152}),
        (K.UNEMPLOYED_WORKSHOP, 127, {"sessions": 130, "participants": 5065}),
        (K.TRAINEE_VOLUNTEERING, 5, {"sessions": 5, "participants": 250}),
    ],
    H2_2019: [
        (K.JOB_FAIR_LARGE, 2, {"sessions": 2, "employers": 180, "openings": 6400, "resumes": 3100, "matched": 1380}),
        (K.JOB_FAIR_MEDIUM, 6, {"sessions": 6, "employers": 330, "openings": 8800, "resumes": 2400, "matched": 1010}),
        (K.JOB_FAIR_SMALL, 30, {"sessions": 30, "employers": 790, "openings": 14100, "resumes": 3050,
                                "matched": 1400}),
        (K.JOB_FAIR_SINGLE, 150, {"sessions": 150, "employers": 150, "openings": 8100, "resumes": 2010,
                                  "matched": 930}),
        (K.MOBILE_VAN, 52, {"sessions": 52, "consultations": 1180, "referrals": 402}),
        (K.CAMPUS, 58, {"sessions": 58, "participants": 1420}),
        (K.DISADVANTAGED, 51, {"sessions": 51, "participants": 930}),
        (K.PRISON, 24, {"sessions": 24, "participants": 390}),
        (K.UNEMPLOYED_WORKSHOP, 140, {"sessions": 142, "participants": 5410}),
        (K.TRAINEE_VOLUNTEERING, 7, {"sessions": 7, "participants": 310}),
    ],
    H2_2020: [
        (K.JOB_FAIR_LARGE, 1, {"sessions": 1, "employers": 120, "openings": 4100, "resumes": 1900, "matched": 860}),
        (K.JOB_FAIR_MEDIUM, 5, {"sessions": 5, "employers": 280, "openings": 7600, "resumes": 1750, "matched": 790}),
        (K.JOB_FAIR_SMALL, 26, {"sessions": 26, "employers": 700, "openings": 12900, "resumes": 2600,
                                "matched": 1190}),
        (K.JOB_FAIR_SINGLE, 160, {"sessions": 160, "employers": 160, "openings": 8900, "resumes": 2200,
                                  "matched": 1010}),
        (K.MOBILE_VAN, 49, {"sessions": 49, "consultations": 1104, "referrals": 388}),
        (K.DIRECT_BUS, 9, {"sessions": 9, "employers": 9, "participants": 140}),
        (K.VIDEO_INTERVIEW, 3, {"sessions": 3, "employers": 3, "participants": 25}),
        (K.CAMPUS, 61, {"sessions": 61, "participants": 1350}),
        (K.YOUTH_WINNER, 9, {"sessions": 9, "participants": 270}),
        (K.DISADVANTAGED, 47, {"sessions": 47, "participants": 860}),
        (K.PRISON, 20, {"sessions": 20, "participants": 301}),
        (K.UNEMPLOYED_WORKSHOP, 133, {"sessions": 135, "participants": 5190}),
        (K.TRAINEE_VOLUNTEERING, 6, {"sessions": 6, "participants": 280}),
    ],
}
SCHOOLS = ["高雄師範大學", "高苑工商", "高雄科技大學", "義守大學", "中山大學", "樹德科技大學", "正修科技大學",
           "輔英科技大學", "東方設計學院", "育英醫專"]
VAN_DISTRICTS = ["甲仙區", "六龜區", "茂林區", "桃源區", "那瑪夏區", "杉林區", "內門區", "田寮區", "永安區", "茄萣區"]
PRISONS = ["法務部矯正署高雄監獄", "法務部矯正署高雄第二監獄", "法務部矯正署高雄女子監獄", "法務部矯正署高雄戒治所"]
STATIONS = ["前鎮就業服務站", "鳳山就業服務站", "岡山就業服務站", "旗山就業服務站", "三民就業服務站", "楠梓就業服務站"]
EVENT_TEXT = {
    K.JOB_FAIR_LARGE: ("大型聯合徵才活動", "高雄展覽館", ""),
    K.JOB_FAIR_MEDIUM: ("中型徵才活動", "鳳山行政中心", ""),
    K.JOB_FAIR_SMALL: ("小型徵才活動", "前鎮就業服務站", ""),
    K.JOB_FAIR_SINGLE: ("單一廠商徵才活動", "三民就業服務站", ""),
    K.DIRECT_BUS: ("就業直達車客製化徵才", "廠商面試會場", ""),
    K.VIDEO_INTERVIEW: ("視訊面試服務", "訓練就業中心視訊室", ""),
    K.CAMPUS: ("校園就業服務", "", ""),
    K.YOUTH_WINNER: ("青年就業大贏家活動", "訓練就業中心", "青年就業大贏家計畫"),
    K.DISADVANTAGED: ("特定對象就業促進活動", "鳳山就業服務站", "特定對象暨弱勢者就業服務計畫"),
    K.PRISON: ("入監就業宣導", "", "特定對象暨弱勢者就業服務計畫"),
    K.UNEMPLOYED_WORKSHOP: ("適性就業促進活動", "岡山就業服務站", ""),
    K.MOBILE_VAN: ("行動就服車社區巡迴", "", ""),
    K.TRAINEE_VOLUNTEERING: ("職訓學員公益義剪", "長期照顧中心", ""),
}
CAMPUS_ACTIVITIES = [EventActivity.FAIR, EventActivity.ON_SITE, EventActivity.CLASS_BRIEFING]
PROMOTION_ACTIVITIES = [EventActivity.WORKSHOP, EventActivity.SITE_VISIT, EventActivity.GROWTH_GROUP]


def shares(total: int, count: int) -> list[int]:
    """`count` whole numbers as equal as they go that add up to `total`, the larger first."""
    base, extra = divmod(total, count)
    return [base + (n < extra) for n in range(count)]


def _event_days(period: HalfYear, kind: str, count: int) -> list[date]:
    if kind == K.YOUTH_WINNER and period == H1_2020:
        # The programme ran in April to June in 2020.
        return [date(2020, 4, 1) + timedelta(days=n * 90 // count) for n in range(count)]
    return spread_dates(period, count, offset=len(kind))


def _events(period: HalfYear, kind: str, rows: int, totals: dict) -> list[ServiceEvent]:
    title, place, programme = EVENT_TEXT[kind]
    split = {name: shares(total, rows) for name, total in totals.items()}
    schools, districts, prisons = cycle(SCHOOLS), cycle(VAN_DISTRICTS), cycle(PRISONS)
    campus, promotion = cycle(CAMPUS_ACTIVITIES), cycle(PROMOTION_ACTIVITIES)
    events = []
    for n, day in enumerate(_event_days(period, kind, rows)):
        event = ServiceEvent(kind=kind, programme=programme, title=f"{title}（{n + 1}）", held_on=day, place=place,
                             **{name: values[n] for name, values in split.items()})
        if kind == K.CAMPUS:
            event.school = event.place = next(schools)
            event.activity = next(campus)
        elif kind == K.MOBILE_VAN:
            event.place = f"{next(districts)}公所前廣場"
        elif kind == K.PRISON:
            event.place = next(prisons)
        elif kind in (K.DISADVANTAGED, K.UNEMPLOYED_WORKSHOP):
            event.activity = next(promotion)
        events.append(event)
    return events


def _service_events() -> list[ServiceEvent]:
    events = [event for period, specs in EVENTS.items() for spec in specs for event in _events(period, *spec)]
    # The half's edges: a van trip on the last day of 2020H1 and one on the first day of 2020H2.
    vans = [event for event in events if event.kind == K.MOBILE_VAN]
    next(event for event in vans if HalfYear.containing(event.held_on) == H1_2020).held_on = date(2020, 6, 30)
    next(event for event in vans if HalfYear.containing(event.held_on) == H2_2020).held_on = date(2020, 7, 1)
    return events


# --- Programmes ------------------------------------------------------------------------------------------------

def business_numbers(count: int, start: int = 24_500_000) -> list[str]:
    """`count` valid (checksummed) business numbers from `start` up: demo firms."""
    found, n = [], start
    while len(found) < count:
        if is_valid_business_number(f"{n:08d}"):
            found.append(f"{n:08d}")
        n += 1
    return found


def _spread(period: HalfYear, programme: str, rows: int, unit: str, **totals) -> list[ProgrammeEnrolment]:
    split = {name: shares(total, rows) for name, total in totals.items()}
    days = spread_dates(period, rows, offset=10)
    return [ProgrammeEnrolment(programme=programme, recorded_on=day, unit=unit,
                               **{name: values[n] for name, values in split.items()})
            for n, day in enumerate(days)]


def _restart(period: HalfYear, units: int, quota: int, working: int) -> list[ProgrammeEnrolment]:
    rows = _spread(period, Programme.RESTART, units, "", quota=quota, people=working)
    for n, row in enumerate(rows):
        row.unit = row.employer_name = f"安心上工用人單位{n + 1:02d}（{STATIONS[n % len(STATIONS)][:2]}區）"
    return rows


def _warm_heart(recorded_on: date, applicants: int, hired: int) -> list[ProgrammeEnrolment]:
    return [ProgrammeEnrolment(programme=Programme.WARM_HEART, recorded_on=recorded_on, unit=station,
                               applicants=applied, people=taken)
            for station, applied, taken in zip(STATIONS, shares(applicants, len(STATIONS)),
                                               shares(hired, len(STATIONS)), strict=True)]


def _redesign(period: HalfYear, firms: list[str], workers: int, *, twice: bool) -> list[ProgrammeEnrolment]:
    # A firm granted twice in the half is one firm (redesign_firms counts business numbers).
    granted = [*firms, firms[0]] if twice else firms
    days = spread_dates(period, len(granted), offset=20)
    return [ProgrammeEnrolment(programme=Programme.JOB_REDESIGN, recorded_on=day, unit="訓練就業中心",
                               employer_name=f"友善職場示範企業{number[-3:]}", business_number=number,
                               people=people, grant_amount=100_000)
            for number, day, people in zip(granted, days, shares(workers, len(granted)), strict=True)]


def _programmes() -> list[ProgrammeEnrolment]:
    firms = business_numbers(8)
    return [
        # 安心即時上工 began in 2020; 暖心計畫 took applications on 30 April - 5 May 2020, at work on 14 May.
        *_restart(H1_2020, 40, 1877, 1788), *_restart(H2_2020, 36, 1650, 1502),
        *_warm_heart(date(2020, 5, 14), 334, 214),
        *_spread(H2_2019, Programme.MIDDLE_AGED_SUBSIDY, 18, "訓練就業中心", people=251),
        *_spread(H1_2020, Programme.MIDDLE_AGED_SUBSIDY, 18, "訓練就業中心", people=282),
        *_spread(H2_2020, Programme.MIDDLE_AGED_SUBSIDY, 18, "訓練就業中心", people=305),
        *_redesign(H2_2019, firms[4:7], 71, twice=False),
        *_redesign(H1_2020, firms[:4], 108, twice=True),
        *_redesign(H2_2020, firms[5:8], 66, twice=False),
        *(row for period, people, vacancies in ((H2_2019, 1910, 1620), (H1_2020, 2092, 1785), (H2_2020, 2210, 1903))
          for row in _spread(period, Programme.SILVER_CENTRE, 6, "勞動部南區銀髮人才資源中心",
                             people=people, vacancies=vacancies)),
    ]


# --- Training and certification ---------------------------------------------------------------------------------

S = TrainingScheme
INDUSTRY_CLASSES_2020H1 = ["食品烘焙", "美髮設計師養成", "地方風味小吃", "工業自動化工程師", "輕食餐飲實務", "汽機車修護",
                           "美容彩顏造型", "水電裝修實務"]
# Per half and scheme: classes, total hours (None: not reported), enrolled, completed, classes finished by then.
CLASSES = {
    H1_2020: {S.INDUSTRY_COOPERATION: (8, 684, 160, 152, 8), S.COMMISSIONED_UNEMPLOYED: (17, None, 504, 89, 3),
              S.SUBSIDISED_CARE: (17, None, 584, 443, 13)},
    H2_2019: {S.INDUSTRY_COOPERATION: (6, 540, 120, 114, 6), S.COMMISSIONED_UNEMPLOYED: (15, None, 450, 402, 15),
              S.SUBSIDISED_CARE: (14, None, 480, 431, 14)},
    H2_2020: {S.INDUSTRY_COOPERATION: (7, 602, 140, 131, 7), S.COMMISSIONED_UNEMPLOYED: (16, None, 470, 120, 4),
              S.SUBSIDISED_CARE: (18, None, 610, 360, 11)},
}
CODES = {S.INDUSTRY_COOPERATION: "產訓", S.COMMISSIONED_UNEMPLOYED: "委外", S.SUBSIDISED_CARE: "照服"}
PROVIDERS = ["社團法人高雄市職業訓練協會", "財團法人高雄市私立社會福利基金會", "高雄市婦女福利協會"]


def _class_names(period: HalfYear, scheme: str, count: int) -> list[str]:
    if scheme == S.INDUSTRY_COOPERATION and period == H1_2020:
        return INDUSTRY_CLASSES_2020H1
    if scheme == S.COMMISSIONED_UNEMPLOYED:
        return ["樂活手作米麵食製作班", *(f"失業者職業訓練班（第{n}班）" for n in range(2, count + 1))]
    if scheme == S.SUBSIDISED_CARE:
        return [f"照顧服務員職業訓練班（第{n}班）" for n in range(1, count + 1)]
    return [f"產訓合作職前訓練班（第{n}班）" for n in range(1, count + 1)]


def _classes(period: HalfYear, scheme: str, spec: tuple) -> list[TrainingClass]:
    count, hours, enrolled, completed, finished = spec
    hours_each = shares(hours, count) if hours is not None else [None] * count
    completed_each = [*shares(completed, finished), *[None] * (count - finished)]
    batch = f"{period.year - 1911}{period.half}"
    classes = []
    for n, (name, start) in enumerate(zip(_class_names(period, scheme, count),
                                          spread_dates(period, count, offset=3), strict=True)):
        # A finished class ended in the half it started; one still running ends in the next half.
        ends = min(start + timedelta(days=60), period.end - timedelta(days=1)) if n < finished else \
            period.end + timedelta(days=45)
        classes.append(TrainingClass(
            code=f"{batch}-{CODES[scheme]}-{n + 1:02d}", scheme=scheme, name=name, provider=PROVIDERS[n % 3],
            starts_on=start, ends_on=ends, hours=hours_each[n], enrolled=shares(enrolled, count)[n],
            completed=completed_each[n]))
    return classes


CERTIFICATION = {H2_2019: (22, 1288), H1_2020: (24, 1392), H2_2020: (26, 1475)}
TRADES = ["中餐烹調", "美容", "女子美髮", "室內配線", "汽車修護", "電腦軟體應用", "烘焙食品", "照顧服務員"]


def _certification() -> list[CertificationSession]:
    kinds, trades = cycle(CertificationKind), cycle(TRADES)
    return [CertificationSession(kind=next(kinds), trade=next(trades), held_on=day, candidates=candidates)
            for period, (sessions, total) in CERTIFICATION.items()
            for day, candidates in zip(spread_dates(period, sessions, offset=7), shares(total, sessions), strict=True)]


def load_services() -> str:
    events = create(ServiceEvent, _service_events())
    programmes = create(ProgrammeEnrolment, _programmes())
    classes = create(TrainingClass, [cls for period, schemes in CLASSES.items()
                                     for scheme, spec in schemes.items() for cls in _classes(period, scheme, spec)])
    sessions = create(CertificationSession, _certification())
    return (f"{len(events)} service events, {len(programmes)} programme records, {len(classes)} training classes, "
            f"{len(sessions)} certification sessions")
