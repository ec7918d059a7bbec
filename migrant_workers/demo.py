"""Demo records that reproduce section 四(四) of the 2020H1 report, with 2019H2 and 2020H2 around them.

Records only: every figure is counted from them by migrant_workers/reports.py.
"""

from datetime import date, timedelta
from decimal import Decimal

from labor_portal.core.demo import create, split_total, spread_dates
from labor_portal.core.periods import HalfYear
from migrant_workers.deadlines import notification_deadlines
from migrant_workers.models import (
    CareKind,
    Consultation,
    ConsultationChannel,
    ConsultationTopic,
    Handout,
    HandoutKind,
    InspectionFinding,
    InspectionReason,
    InspectionVisit,
    Nationality,
    NotificationKind,
    OutreachEvent,
    OutreachKind,
    Penalty,
    QuarantineCare,
    QuarantineCheck,
    QuarantineCheckOutcome,
    ShelterStay,
    StatusNotification,
    WorkerCategory,
    shelter_ends_on,
)

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
NATIONALITIES = [Nationality.INDONESIA, Nationality.VIETNAM, Nationality.PHILIPPINES, Nationality.THAILAND]
CHANNELS = list(ConsultationChannel)
FINDINGS = [InspectionFinding.COMPLIANT] * 8 + [InspectionFinding.TO_IMPROVE, InspectionFinding.VIOLATION]

# 2020H1 as the report has it; the halves around it get a tenth (or so) of these.
BLUE_COLLAR_2020H1 = {InspectionReason.ROUTINE: 1122, InspectionReason.ARRIVAL: 8052, InspectionReason.ASSIGNED: 545}
PROFESSIONAL_2020H1 = {InspectionReason.ROUTINE: 300, InspectionReason.ASSIGNED: 150, InspectionReason.OTHER: 53}
CONSULTATIONS_2020H1 = {ConsultationTopic.LEGAL: 8306, ConsultationTopic.DISPUTE: 816,
                        ConsultationTopic.TERMINATION: 2500}
PENALTIES_2020H1 = 180
NOTIFICATIONS_2020H1 = {
    NotificationKind.TRANSFER: 2161, NotificationKind.ARRIVAL: 4500,  # 6,661
    NotificationKind.DEPARTURE: 2500, NotificationKind.ABSCOND: 735, NotificationKind.REVOCATION: 600,
    NotificationKind.CANCELLATION: 300,  # 4,135
}
SHELTER_HALF_DAYS_2020H1, SHELTER_STAYS_2020H1 = 6021, 200  # 3,010.5 person-days
# (kind, day, place, reach): the report's dated events.
OUTREACH_2020H1 = [
    (OutreachKind.DORMITORY_CHECK, date(2020, 3, 25), "林園區外籍移工宿舍", 0),
    (OutreachKind.COVID_BRIEFING, date(2020, 4, 26), "楠梓加工區", 300),
    (OutreachKind.COVID_BRIEFING, date(2020, 5, 3), "岡山火車站周邊", 300),
    (OutreachKind.COVID_BRIEFING, date(2020, 5, 9), "楠梓火車站周邊", 300),
    (OutreachKind.COVID_BRIEFING, date(2020, 5, 17), "高雄火車站周邊", 300),
    (OutreachKind.COVID_BRIEFING, date(2020, 5, 24), "楠梓加工區", 300),
    (OutreachKind.COVID_BRIEFING, date(2020, 5, 31), "高雄火車站周邊", 300),
    (OutreachKind.COMMUNITY_CARE, date(2020, 5, 27), "中央公園", 70),
    (OutreachKind.COMMUNITY_CARE, date(2020, 6, 14), "衛武營都會公園", 62),
    (OutreachKind.COMMUNITY_CARE, date(2020, 6, 23), "鳳山社區活動中心", 62),
]
QUARANTINE_2020H1 = {QuarantineCheckOutcome.RETURNED: 190, QuarantineCheckOutcome.WITHDRAWN: 74,
                     QuarantineCheckOutcome.INSPECTED: 600, QuarantineCheckOutcome.TO_INSPECT: 46}
MASKS_2020H1, CARE_PACKS_2020H1 = 1264, 267
PHONE_CARE_2020H1, VISITS_2020H1 = 262, 44


def _tenth(counts: dict) -> dict:
    return {key: max(1, value // 10) for key, value in counts.items()}


def _visits() -> list[InspectionVisit]:
    visits = []
    for period, blue, professional in (
        (H2_2019, _tenth(BLUE_COLLAR_2020H1), _tenth(PROFESSIONAL_2020H1)),
        (H1_2020, BLUE_COLLAR_2020H1, PROFESSIONAL_2020H1),
        (H2_2020, _tenth(BLUE_COLLAR_2020H1), _tenth(PROFESSIONAL_2020H1)),
    ):
        for category, counts in ((WorkerCategory.BLUE_COLLAR, blue), (WorkerCategory.PROFESSIONAL, professional)):
            for reason, count in counts.items():
                for n, day in enumerate(spread_dates(period, count, offset=len(visits) % 7)):
                    visits.append(InspectionVisit(
                        reference=f"V{period}-{len(visits) + 1:06d}", visited_on=day, category=category,
                        reason=reason, employer_name=f"示範雇主{n % 400 + 1:03d}", workers_seen=1 + n % 3,
                        finding=FINDINGS[n % len(FINDINGS)],
                    ))
    return visits


def _consultations() -> list[Consultation]:
    rows = []
    for period, counts in ((H2_2019, _tenth(CONSULTATIONS_2020H1)), (H1_2020, CONSULTATIONS_2020H1),
                           (H2_2020, _tenth(CONSULTATIONS_2020H1))):
        for topic, count in counts.items():
            for n, day in enumerate(spread_dates(period, count)):
                rows.append(Consultation(held_on=day, topic=topic, channel=CHANNELS[n % len(CHANNELS)],
                                         nationality=NATIONALITIES[n % 4]))
    return rows


def _penalties() -> list[Penalty]:
    rows = []
    for period, count in ((H2_2019, 20), (H1_2020, PENALTIES_2020H1), (H2_2020, 15)):
        for n, day in enumerate(spread_dates(period, count)):
            rows.append(Penalty(
                document_number=f"高市勞外字第{day.year - 1911}{len(rows) + 1:05d}號", decided_on=day,
                employer_name=f"示範雇主{n % 400 + 1:03d}",
                article="就業服務法第57條第1款" if n % 3 else "就業服務法第56條第1項",
                penalty_article="就業服務法第63條第1項" if n % 3 else "就業服務法第68條第1項",
                amount=150_000 if n % 3 else 30_000, is_final=n % 4 != 0,
            ))
    return rows


def _notifications() -> list[StatusNotification]:
    rows = []
    for period, counts in ((H2_2019, _tenth(NOTIFICATIONS_2020H1)), (H1_2020, NOTIFICATIONS_2020H1),
                           (H2_2020, _tenth(NOTIFICATIONS_2020H1))):
        for kind, count in counts.items():
            for n, processed_on in enumerate(spread_dates(period, count)):
                # Filed 0–5 days after the event, processed on the day filed: some are late.
                filed_on = processed_on
                event_on = filed_on - timedelta(days=n % 6)
                rows.append(StatusNotification(
                    reference=f"N{period}-{len(rows) + 1:06d}", kind=kind, event_on=event_on, filed_on=filed_on,
                    processed_on=processed_on, employer_name=f"示範雇主{n % 400 + 1:03d}",
                    worker_name=f"示範移工{len(rows) + 1:05d}", passport_number=f"X{len(rows) + 1:08d}",
                    nationality=NATIONALITIES[n % 4],
                ))
    deadlines = notification_deadlines([row.event_on for row in rows])
    for row in rows:
        row.deadline_on = deadlines[row.event_on]
        row.filed_late = row.filed_on > row.deadline_on
    return rows


# Two stays cross a half's edge, each counted in both halves by the half days that fall in each:
# (placed, half days, of which in 2020H1).
SHELTER_CROSSING = [(date(2019, 12, 30), 10, 6), (date(2020, 6, 29), 9, 4)]


def _shelter() -> list[ShelterStay]:
    rows = []

    def stay(day, halves, n):
        person_days = Decimal(halves) / 2
        rows.append(ShelterStay(
            placed_on=day, worker_name=f"示範受安置移工{len(rows) + 1:04d}", nationality=NATIONALITIES[n % 4],
            person_days=person_days, ends_on=shelter_ends_on(day, person_days), reason="勞資爭議處理期間",
        ))

    crossing_in_h1 = sum(in_h1 for _day, _halves, in_h1 in SHELTER_CROSSING)
    for period, half_days, stays in ((H2_2019, 601, 20),
                                     (H1_2020, SHELTER_HALF_DAYS_2020H1 - crossing_in_h1, SHELTER_STAYS_2020H1 - 2),
                                     (H2_2020, 455, 15)):
        # Placed early enough to leave inside the half (the crossing stays are the two below).
        days = spread_dates(period, stays)
        for n, (day, halves) in enumerate(zip(days, split_total(half_days, stays), strict=True)):
            last_start = period.last_day - timedelta(days=halves // 2 + 1)
            stay(min(day, last_start), halves, n)
    for n, (day, halves, _in_h1) in enumerate(SHELTER_CROSSING):
        stay(day, halves, n)
    return rows


def _quarantine_checks() -> list[QuarantineCheck]:
    rows = []
    for period, counts in ((H1_2020, QUARANTINE_2020H1),
                           (H2_2020, {QuarantineCheckOutcome.RETURNED: 20, QuarantineCheckOutcome.INSPECTED: 80})):
        for outcome, count in counts.items():
            for n, day in enumerate(spread_dates(period, count)):
                if period == H1_2020:
                    # The checks began with the Ministry's form of 22 April 2020.
                    day = date(2020, 4, 22) + timedelta(days=n % 70)
                rows.append(QuarantineCheck(received_on=day, employer_name=f"示範雇主{n % 400 + 1:03d}",
                                            workers=1 + n % 4, outcome=outcome))
    return rows


def _handouts() -> list[Handout]:
    rows = []
    for period, masks, packs in ((H1_2020, MASKS_2020H1, CARE_PACKS_2020H1), (H2_2020, 300, 40)):
        for day, quantity in zip(spread_dates(period, 40), split_total(masks, 40), strict=True):
            rows.append(Handout(given_on=day, kind=HandoutKind.MASK, quantity=quantity, recipient="諮詢移工"))
        for day, quantity in zip(spread_dates(period, 30, offset=3), split_total(packs, 30), strict=True):
            rows.append(Handout(given_on=day, kind=HandoutKind.CARE_PACK, quantity=quantity, recipient="仲介公司"))
    return rows


def _care() -> list[QuarantineCare]:
    rows = []
    for kind, start, count in ((CareKind.PHONE, date(2020, 3, 18), PHONE_CARE_2020H1),
                               (CareKind.VISIT, date(2020, 6, 16), VISITS_2020H1),
                               (CareKind.VISIT, date(2020, 7, 1), 30)):
        for n in range(count):
            rows.append(QuarantineCare(cared_on=start + timedelta(days=n % 14), kind=kind,
                                       worker_name=f"示範檢疫移工{len(rows) + 1:04d}", nationality=NATIONALITIES[n % 4]))
    return rows


def load() -> str:
    visits = create(InspectionVisit, _visits())
    consultations = create(Consultation, _consultations())
    create(Penalty, _penalties())
    notifications = create(StatusNotification, _notifications())
    create(ShelterStay, _shelter())
    create(OutreachEvent, [OutreachEvent(held_on=day, kind=kind, place=place, reach=reach)
                           for kind, day, place, reach in OUTREACH_2020H1]
           + [OutreachEvent(held_on=date(2019, 10, 20), kind=OutreachKind.COMMUNITY_CARE, place="中央公園", reach=55),
              OutreachEvent(held_on=date(2020, 9, 6), kind=OutreachKind.COVID_BRIEFING, place="高雄火車站周邊",
                            reach=240)])
    create(QuarantineCheck, _quarantine_checks())
    create(Handout, _handouts())
    create(QuarantineCare, _care())
    return f"{len(visits)} inspection visits, {len(consultations)} consultations, {len(notifications)} notifications"
