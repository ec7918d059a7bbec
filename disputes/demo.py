"""Demo cases that reproduce the disputes figures of the 2020H1 report, with 2019H2 and 2020H2 around them.

Around the published half: withdrawn cases (2019H2, 2020H2), cases filed in 2020H1 and concluded in 2020H2
(counted 調解中 for 2020H1), and cases withdrawn before assignment (no channel).
"""

import secrets
from datetime import date, timedelta
from itertools import cycle

from django.apps import apps as django_apps

from disputes.models import (
    Applicant,
    ApplicantKind,
    ClaimItem,
    DisputeCase,
    DisputeCategory,
    DisputeStatus,
    FiledVia,
    FundDecision,
    FundKind,
    MediationChannel,
    MediationSession,
    RightsFundApplication,
)
from disputes.services import access_code_hash, dispute_state_log_backfill
from labor_portal.cases.models import CaseNumberSequence
from labor_portal.core.demo import create, split_total, spread_dates
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import LETTER_CODES, is_valid_business_number

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
CATEGORIES, CHANNELS = list(DisputeCategory), list(MediationChannel)

# The 2020H1 report: per outcome, cases by category and by channel (their sums agree).
BY_CATEGORY = {
    DisputeStatus.SETTLED: [749, 376, 127, 61, 76, 172],
    DisputeStatus.NOT_SETTLED: [181, 134, 40, 19, 22, 52],
    "open": [17, 0, 2, 1, 2, 2],
}
BY_CHANNEL = {
    DisputeStatus.SETTLED: [1004, 418, 139],
    DisputeStatus.NOT_SETTLED: [235, 146, 67],
    "open": [18, 3, 3],
}
# Of the 24 cases in mediation on 2020-06-30, this many were concluded in 2020H2; the rest are still open.
OPEN_CONCLUDED_LATER = 10
FUND_2020H1 = {"applications": 64, "approved": 56, "persons": 60, "amount": 2_738_585}
BODIES = {
    MediationChannel.CIVIC_GROUP: ["高雄市勞資關係協會", "高雄市勞資爭議調解協進會", "社團法人高雄市勞資和諧促進會"],
    MediationChannel.MEDIATOR: ["調解人 陳○○", "調解人 林○○", "調解人 黃○○"],
    MediationChannel.COMMITTEE: ["高雄市政府勞資爭議調解委員會"],
}
SURNAMES, GIVEN = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周", "志明淑芬家豪怡君建宏雅婷俊傑美玲文雄麗華"


def joint_counts(by_category: list[int], by_channel: list[int]) -> dict[tuple[int, int], int]:
    """Counts per (category, channel) with the given row and column sums (north-west corner rule)."""
    rows, cols, cells = list(by_category), list(by_channel), {}
    i = j = 0
    while i < len(rows) and j < len(cols):
        take = min(rows[i], cols[j])
        if take:
            cells[(i, j)] = take
        rows[i] -= take
        cols[j] -= take
        if rows[i] == 0:
            i += 1
        else:
            j += 1
    return cells


def personal_id(n: int) -> str:
    """A valid national ID (checksum included) for demo person `n`."""
    letter = "ABCDEFGHJKLMNPQRSTUVXYWZIO"[n % 22]  # 22 area letters: E (Kaohsiung) among them
    body = f"{1 + n % 2}{n * 7919 % 10_000_000:07d}"
    code = LETTER_CODES[letter]
    weights = (8, 7, 6, 5, 4, 3, 2, 1)
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return f"{letter}{body}{(10 - total % 10) % 10}"


def business_number(n: int) -> str:
    stem = f"{(n * 104_729) % 10_000_000:07d}"
    return next(f"{stem}{d}" for d in range(10) if is_valid_business_number(f"{stem}{d}"))


class _Builder:
    def __init__(self):
        self.cases, self.applicants, self.claims, self.sessions = [], [], [], []
        self.numbers: dict[int, int] = {}
        # One hash for every demo case: nobody knows its code (demo cases are not for tracking).
        self.code_hash = access_code_hash(secrets.token_hex(8))

    def case(self, *, filed_on, category, channel=None, status=DisputeStatus.RECEIVED, concluded_on=None,
             session_on=None) -> DisputeCase:
        n = len(self.cases)
        roc = filed_on.year - 1911
        self.numbers[roc] = self.numbers.get(roc, 0) + 1
        case = DisputeCase(
            case_number=f"{roc}-D-{self.numbers[roc]:06d}",
            access_code_hash=self.code_hash,
            filed_via=FiledVia.PAPER if n % 5 == 0 else FiledVia.ONLINE,
            filed_on=filed_on,
            main_category=category,
            categories=[category],
            account="雇主積欠工資及資遣費，經多次協商未果，申請調解。",
            respondent_name=f"示範企業第{n % 400 + 1}號股份有限公司",
            respondent_business_number=business_number(n % 400),
            respondent_representative=f"{SURNAMES[n % 20]}○○",
            respondent_address="高雄市前鎮區中山二路1號",
            status=status,
            channel=channel or "",
            mediation_body=BODIES[channel][n % len(BODIES[channel])] if channel else "",
            assigned_on=filed_on + timedelta(days=3) if channel else None,
            concluded_on=concluded_on,
            settled_amount=30_000 + (n * 1_373) % 400_000 if status == DisputeStatus.SETTLED else None,
        )
        self.cases.append(case)
        name = SURNAMES[n % 20] + GIVEN[(n * 2) % 20] + GIVEN[(n * 2 + 1) % 20]
        self.applicants.append(Applicant(
            case=case, kind=ApplicantKind.WORKER, name=name, personal_id=personal_id(n),
            birth_date=date(1960 + n % 40, 1 + n % 12, 1 + n % 28), phone=f"09{n % 100_000_000:08d}",
            address="高雄市苓雅區四維三路2號",
        ))
        self.claims.append(ClaimItem(case=case, item="積欠工資", amount=20_000 + (n * 977) % 200_000))
        if session_on:
            self.sessions.append(MediationSession(case=case, held_on=session_on, place="高雄市政府勞工局調解室",
                                                  attendees="申請人、對造代理人、調解人"))
        return case


def _published_half(builder: _Builder) -> None:
    """2020H1 exactly as published: concluded cases filed Jan-early June, open ones filed in June."""
    concluded_total = sum(BY_CATEGORY[DisputeStatus.SETTLED]) + sum(BY_CATEGORY[DisputeStatus.NOT_SETTLED])
    # Filed from 2 January to 5 June, so that each is concluded by the end of June.
    filed_days = (date(2020, 1, 2) + timedelta(days=n * 155 // concluded_total) for n in range(concluded_total))
    for outcome in (DisputeStatus.SETTLED, DisputeStatus.NOT_SETTLED):
        for (i, j), count in joint_counts(BY_CATEGORY[outcome], BY_CHANNEL[outcome]).items():
            for k in range(count):
                filed = next(filed_days)
                concluded = filed + timedelta(days=10 + k % 15)
                builder.case(filed_on=filed, category=CATEGORIES[i], channel=CHANNELS[j], status=outcome,
                             concluded_on=concluded, session_on=concluded)
    later = 0
    for (i, j), count in joint_counts(BY_CATEGORY["open"], BY_CHANNEL["open"]).items():
        for k in range(count):
            filed = date(2020, 6, 10 + k % 20)
            if later < OPEN_CONCLUDED_LATER:
                later += 1
                outcome = DisputeStatus.SETTLED if later % 3 else DisputeStatus.NOT_SETTLED
                session = date(2020, 6, 30) if later % 2 else date(2020, 7, 14)
                builder.case(filed_on=filed, category=CATEGORIES[i], channel=CHANNELS[j], status=outcome,
                             concluded_on=date(2020, 7, 15), session_on=session)
            else:
                builder.case(filed_on=filed, category=CATEGORIES[i], channel=CHANNELS[j],
                             status=DisputeStatus.ASSIGNED)


def _surrounding_half(builder: _Builder, period: HalfYear, count: int, withdrawn: int) -> None:
    for n, filed in enumerate(spread_dates(period, count)):
        category, channel = CATEGORIES[n % 6], CHANNELS[n % 3]
        concluded = min(filed + timedelta(days=20), period.last_day)
        if n < withdrawn:
            # Half of the withdrawals come before any assignment: they have no channel.
            builder.case(filed_on=filed, category=category, channel=channel if n % 2 else None,
                         status=DisputeStatus.WITHDRAWN, concluded_on=concluded)
        else:
            outcome = DisputeStatus.SETTLED if n % 4 else DisputeStatus.NOT_SETTLED
            builder.case(filed_on=filed, category=category, channel=channel, status=outcome,
                         concluded_on=concluded, session_on=concluded)


def _fund_applications(not_settled: list[DisputeCase]) -> list[RightsFundApplication]:
    grants = split_total(FUND_2020H1["amount"], FUND_2020H1["approved"], step=1_000)
    days = spread_dates(H1_2020, FUND_2020H1["applications"])
    kinds = cycle([FundKind.CONFIRM_EMPLOYMENT, FundKind.OTHER_LAWSUIT, FundKind.OTHER_LAWSUIT,
                   FundKind.UNFAIR_LABOR_PRACTICE])
    two_person = FUND_2020H1["persons"] - FUND_2020H1["approved"]  # the first few cover two workers
    applications = []
    for n, applied in enumerate(days):
        kind = next(kinds)
        approved = n < FUND_2020H1["approved"]
        granted = grants[n] if approved else 0
        applications.append(RightsFundApplication(
            kind=kind,
            dispute_case=not_settled[n] if kind != FundKind.UNFAIR_LABOR_PRACTICE else None,
            applicant_name=f"{SURNAMES[n % 20]}{GIVEN[n % 20]}{GIVEN[(n + 3) % 20]}",
            applicant_personal_id=personal_id(10_000 + n),
            registered_in_kaohsiung=True,
            works_in_kaohsiung=True,
            persons_covered=2 if approved and n < two_person else 1,
            applied_on=applied,
            lawyer_fee_asked=max(granted, 50_000),
            decision=FundDecision.APPROVED if approved else (FundDecision.REJECTED if n % 2 else FundDecision.PENDING),
            decided_on=applied + timedelta(days=7) if approved or n % 2 else None,
            amount_granted=granted,
        ))
    for period in (H2_2019, H2_2020):
        for n, applied in enumerate(spread_dates(period, 6)):
            applications.append(RightsFundApplication(
                kind=FundKind.UNFAIR_LABOR_PRACTICE, applicant_name=f"示範產業工會第{n + 1}號",
                registered_in_kaohsiung=True, works_in_kaohsiung=True, applied_on=applied,
                lawyer_fee_asked=60_000, decision=FundDecision.APPROVED, decided_on=applied + timedelta(days=10),
                amount_granted=40_000,
            ))
    return applications


def load() -> str:
    builder = _Builder()
    _surrounding_half(builder, H2_2019, count=90, withdrawn=6)
    _published_half(builder)
    _surrounding_half(builder, H2_2020, count=80, withdrawn=8)
    create(DisputeCase, builder.cases)
    create(Applicant, builder.applicants)
    create(ClaimItem, builder.claims)
    create(MediationSession, builder.sessions)
    for roc_year, last in builder.numbers.items():
        CaseNumberSequence.objects.update_or_create(kind="D", roc_year=roc_year, defaults={"last_number": last})
    not_settled = [case for case in builder.cases if case.status == DisputeStatus.NOT_SETTLED]
    applications = create(RightsFundApplication, _fund_applications(not_settled))
    # The state log, derived from the records as the migration derived it for real cases.
    dispute_state_log_backfill(apps=django_apps)
    return f"{len(builder.cases)} dispute cases, {len(builder.sessions)} sessions, {len(applications)} fund applications"

