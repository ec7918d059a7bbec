"""Demo records that reproduce the 2020H1 report's employment-rights figures (四(一)1), with 2019H2 and 2020H2
around them.

Complaints are real rows of the three complaint models, numbered as filings are (one sequence per kind and ROC
year) with their state logs. Edge cases: a discrimination complaint with two grounds (counted once, under its
main ground), one filed on 30 June 2020 (counted in 2020H1) and one on 1 July 2020 (2020H2), withdrawn ones, one
referred to a committee meeting without a quorum and decided at the next, and an out-of-time harassment complaint
filed under the 2024 time limits.
"""

import secrets
from datetime import date, timedelta
from itertools import cycle

from employment.demo_job_centre import load as load_job_centre
from employment.demo_services import load_services
from employment.grounds import Ground
from employment.models import (
    OTHER_ACTS,
    AntiDiscriminationSeminar,
    CommitteeMeeting,
    CommitteeMember,
    CommitteeReview,
    ComplaintFiledVia,
    ComplaintStatus,
    ConsultationChannel,
    DiscriminationComplaint,
    HarassmentComplaint,
    HarassmentRoute,
    ReviewDecision,
    ScamAdSource,
    ScamComplaint,
    ScamConsultation,
    ScamTopic,
    UnlawfulRecruitmentAct,
)
from employment.services import complaint_letter, complaint_prepare
from labor_portal.cases.codes import access_code_hash
from labor_portal.cases.numbers import case_number_next
from labor_portal.core.demo import create, spread_dates
from labor_portal.core.periods import HalfYear

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)

# The 2020H1 report (109年1月至6月): complaints by the main ground they are counted under.
DISCRIMINATION_2020H1 = {
    Ground.GENDER: 13, Ground.AGE: 4, Ground.DISABILITY: 2, Ground.BIRTHPLACE: 1, Ground.UNION_MEMBERSHIP: 1,
    OTHER_ACTS: 1,
}
HARASSMENT_2020H1 = 25
SCAM_2020H1 = {"cases": 12, "consultations": 31}
SEMINARS_2020H1 = [("防制就業歧視促進性別平等宣導會", "高雄市政府勞工局訓練就業中心大禮堂", 1, 56, 41)]
# The halves around it: other numbers, so that a period leaking into another shows.
DISCRIMINATION_AROUND = {
    H2_2019: {Ground.GENDER: 9, Ground.AGE: 5, Ground.MARITAL_STATUS: 1, Ground.APPEARANCE: 1},
    H2_2020: {Ground.GENDER: 11, Ground.AGE: 3, Ground.DISABILITY: 1, Ground.RELIGION: 1, OTHER_ACTS: 2},
}
HARASSMENT_AROUND = {H2_2019: 18, H2_2020: 21}
SCAM_AROUND = {H2_2019: {"cases": 9, "consultations": 24}, H2_2020: {"cases": 14, "consultations": 27}}
SEMINARS_AROUND = {
    H2_2019: [("防制就業歧視宣導會（鳳山場）", "鳳山區行政中心", 1, 48, 35), ("性別工作平等法令說明會", "高雄展覽館", 2, 120, 88)],
    H2_2020: [("防制就業歧視促進性別平等宣導會（岡山場）", "岡山區農會", 1, 61, 44)],
}

SURNAMES, GIVEN = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周", "志明淑芬家豪怡君建宏雅婷俊傑美玲文雄麗華"
EMPLOYERS = ["○○科技股份有限公司", "○○餐飲有限公司", "○○物流股份有限公司", "○○醫療社團法人", "○○百貨股份有限公司",
             "○○保全股份有限公司", "○○精密工業有限公司", "○○補習班"]
ACCOUNTS = {
    Ground.GENDER: "面試時主管表示該職務限男性，拒絕錄用。",
    Ground.SEXUAL_ORIENTATION: "同事得知我的性傾向後，主管即調動我的職務並減薪。",
    Ground.AGE: "徵才廣告載明限35歲以下，應徵時被告知年齡過大。",
    Ground.DISABILITY: "告知領有身心障礙證明後，公司即撤回錄取通知。",
    Ground.BIRTHPLACE: "面試主管詢問出生地後表示不錄用外地人。",
    Ground.UNION_MEMBERSHIP: "公司得知我曾任前公司工會幹部，拒絕錄用。",
    Ground.MARITAL_STATUS: "公司要求女性員工結婚即須離職。",
    Ground.APPEARANCE: "面試時被告知外貌不符公司形象。",
    Ground.RELIGION: "主管要求參加特定宗教儀式，拒絕後遭解僱。",
    OTHER_ACTS: "職缺月薪未達4萬元，廣告僅寫面議，未揭示薪資範圍。",
}


class _Builder:
    def __init__(self):
        self.n = 0
        self.code_hash = access_code_hash(secrets.token_hex(8))
        self.cases: dict[type, list] = {DiscriminationComplaint: [], HarassmentComplaint: [], ScamComplaint: []}
        # (case, [(state, day), ...]) in order
        self.states: list[tuple] = []

    def _common(self, filed_on: date) -> dict:
        self.n += 1
        n = self.n
        return {
            "filed_on": filed_on,
            "filed_via": [ComplaintFiledVia.ONLINE, ComplaintFiledVia.ONLINE, ComplaintFiledVia.PAPER][n % 3],
            "complainant_name": SURNAMES[n % len(SURNAMES)] + GIVEN[(2 * n) % len(GIVEN)] + GIVEN[(2 * n + 1) % len(GIVEN)],
            "complainant_phone": f"09{n * 7919 % 100_000_000:08d}",
            "complainant_email": f"complainant{n}@example.org",
            "employer_name": EMPLOYERS[n % len(EMPLOYERS)].replace("○○", ["大發", "前鎮", "港都", "旗津", "鳳凰"][n % 5]),
            "access_code_hash": self.code_hash,
        }

    def add(self, model, fields: dict, states: list[tuple[str, date]]):
        case = model(**fields)
        complaint_prepare(case)
        last_state, last_day = states[-1]
        case.status = last_state
        if last_state in (ComplaintStatus.WITHDRAWN, ComplaintStatus.SUBSTANTIATED,
                          ComplaintStatus.NOT_SUBSTANTIATED, ComplaintStatus.CLOSED):
            case.concluded_on = last_day
        self.cases[model].append(case)
        self.states.append((case, states))
        return case

    def discrimination(self, filed_on: date, grounds: list[str], main_ground: str, states=None):
        other_acts = [UnlawfulRecruitmentAct.NO_PAY_RANGE] if main_ground == OTHER_ACTS else []
        fields = {
            **self._common(filed_on), "grounds": grounds, "main_ground": main_ground, "other_acts": other_acts,
            "account": ACCOUNTS.get(main_ground, ACCOUNTS[Ground.GENDER]), "job_title": "門市人員",
            "offered_monthly_pay": 32_000 if main_ground == OTHER_ACTS else None,
            "incident_on": filed_on - timedelta(days=20),
        }
        return self.add(DiscriminationComplaint, fields, states or [(ComplaintStatus.RECEIVED, filed_on)])

    def harassment(self, filed_on: date, *, learned_on=None, act_ended_on=None, states=None):
        fields = {
            **self._common(filed_on), "route": HarassmentRoute.EMPLOYER_FAILED, "respondent_name": "王○○",
            "respondent_title": "組長", "act_ended_on": act_ended_on or filed_on - timedelta(days=45),
            "learned_on": learned_on or filed_on - timedelta(days=40),
            "account": "主管多次以言語及肢體騷擾，向公司申訴後未獲處理。",
        }
        return self.add(HarassmentComplaint, fields, states or [(ComplaintStatus.RECEIVED, filed_on)])

    def scam(self, filed_on: date, states=None):
        fields = {
            **self._common(filed_on), "ad_text": "高薪輕鬆工作，日領3000元，需先繳交保證金。",
            "ad_source": [ScamAdSource.SOCIAL, ScamAdSource.WEBSITE, ScamAdSource.PRINT][self.n % 3],
            "incident_on": filed_on - timedelta(days=7), "loss_amount": 5000 if self.n % 2 else None,
            "account": "應徵後被要求繳交保證金及提供存摺提款卡。",
        }
        return self.add(ScamComplaint, fields, states or [(ComplaintStatus.RECEIVED, filed_on)])

    def save(self):
        all_cases = [case for cases in self.cases.values() for case in cases]
        # Numbered in filing order, one sequence per kind and ROC year (a stable sort keeps the order built).
        for case in sorted(all_cases, key=lambda case: case.filed_on):
            case.case_number = case_number_next(kind=complaint_letter(type(case)), filed_on=case.filed_on)
        for model, cases in self.cases.items():
            create(model, cases)
        logs: dict[type, list] = {}
        for case, states in self.states:
            log_model = type(case).state_changes.rel.related_model
            previous = ""
            for state, day in states:
                logs.setdefault(log_model, []).append(
                    log_model(case=case, from_state=previous, to_state=state, changed_on=day, reason="示範資料"))
                previous = state
        for log_model, rows in logs.items():
            log_model.objects.bulk_create(rows)


def _discrimination_half(builder: _Builder, period: HalfYear, counts: dict, *, offset: int = 0) -> list:
    total = sum(counts.values())
    days = iter(spread_dates(period, total, offset=offset))
    made = []
    for ground, count in counts.items():
        for _ in range(count):
            grounds = [ground] if ground != OTHER_ACTS else []
            made.append(builder.discrimination(next(days), grounds, ground))
    return made


def _harassment_half(builder: _Builder, period: HalfYear, count: int, *, offset: int = 0) -> list:
    return [builder.harassment(day) for day in spread_dates(period, count, offset=offset)]


def _scam_half(builder: _Builder, period: HalfYear, counts: dict, *, offset: int = 0) -> list[ScamConsultation]:
    for day in spread_dates(period, counts["cases"], offset=offset):
        builder.scam(day)
    channels, topics = cycle(ConsultationChannel), cycle(ScamTopic)
    return [
        ScamConsultation(consulted_on=day, channel=next(channels), topic=next(topics), notes="提醒勿繳交保證金、勿交付證件。")
        for day in spread_dates(period, counts["consultations"], offset=offset + 2)
    ]


def _published_half(builder: _Builder) -> list[ScamConsultation]:
    """2020H1: the report's values, with the edge cases inside them."""
    counts = dict(DISCRIMINATION_2020H1)
    # Edge cases among the 13 gender complaints: two grounds (counted once, under gender); one withdrawn; one
    # filed on the half's last day (late in the evening, Taipei time: its filing day is 30 June).
    counts[Ground.GENDER] -= 3
    _discrimination_half(builder, H1_2020, counts, offset=3)
    builder.discrimination(date(2020, 3, 9), [Ground.GENDER, Ground.MARITAL_STATUS], Ground.GENDER)
    builder.discrimination(date(2020, 4, 14), [Ground.GENDER], Ground.GENDER, states=[
        (ComplaintStatus.RECEIVED, date(2020, 4, 14)), (ComplaintStatus.WITHDRAWN, date(2020, 5, 4))])
    builder.discrimination(date(2020, 6, 30), [Ground.GENDER], Ground.GENDER)
    _harassment_half(builder, H1_2020, HARASSMENT_2020H1 - 1, offset=1)
    builder.harassment(date(2020, 6, 30))
    return _scam_half(builder, H1_2020, SCAM_2020H1, offset=5)


def load() -> str:
    builder = _Builder()
    consultations = []
    for period in (H2_2019, H2_2020):
        _discrimination_half(builder, period, DISCRIMINATION_AROUND[period], offset=2)
        _harassment_half(builder, period, HARASSMENT_AROUND[period], offset=4)
        consultations += _scam_half(builder, period, SCAM_AROUND[period], offset=6)
    consultations += _published_half(builder)
    # The first day of 2020H2 (one minute after 30 June 23:59): counted in 2020H2, not 2020H1.
    builder.discrimination(date(2020, 7, 1), [Ground.AGE], Ground.AGE)
    builder.scam(date(2020, 7, 1))
    # Filed under the 2024 time limits, more than 2 years after the complainant learned of it: out of time.
    builder.harassment(date(2025, 3, 10), learned_on=date(2022, 1, 5), act_ended_on=date(2021, 12, 20))
    referred = _committee_cases(builder)
    builder.save()
    create(ScamConsultation, consultations)
    seminars = [
        AntiDiscriminationSeminar(title=title, held_on=day, place=place, sessions=sessions, participants=people,
                                  establishments=firms)
        for period, rows in ((H1_2020, SEMINARS_2020H1), *SEMINARS_AROUND.items())
        for (title, place, sessions, people, firms), day in zip(rows, spread_dates(period, len(rows), offset=40), strict=True)
    ]
    create(AntiDiscriminationSeminar, seminars)
    meetings = _committee(referred)
    complaints = sum(len(cases) for cases in builder.cases.values())
    return (f"{complaints} complaints, {len(consultations)} scam consultations, {len(seminars)} seminars, "
            f"{meetings} committee meetings; {load_job_centre()}; {load_services()}")


# --- The review committee ---------------------------------------------------------------------------------------

MEMBERS = [
    ("許○○", "高雄市政府勞工局（主任委員）", True), ("林○○", "國立中山大學社會學系", False),
    ("陳○○", "國立高雄大學法律學系", False), ("黃○○", "執業律師", False), ("張○○", "高雄市產業總工會", False),
    ("李○○", "高雄市總工會", False), ("王○○", "高雄市工業會", False), ("吳○○", "高雄市商業會", False),
    ("劉○○", "婦女團體代表", False), ("蔡○○", "身心障礙團體代表", False), ("楊○○", "社會工作師", False),
    ("鄭○○", "性別平等專家", False), ("謝○○", "高雄市政府社會局", False),
]


def _committee_cases(builder: _Builder) -> list[DiscriminationComplaint]:
    """Three 2020H1 complaints that go to the committee: investigated, referred, then decided (2 in 2020H1, 1
    deferred by a meeting without a quorum and decided in 2020H2). They count among 2020H1's received."""
    # Taken from the age and disability complaints already built for 2020H1 (the counts do not change).
    def h1(ground):
        return [case for case in builder.cases[DiscriminationComplaint]
                if H1_2020.contains(case.filed_on) and case.main_ground == ground]

    referred = [*h1(Ground.AGE)[:2], h1(Ground.DISABILITY)[0]]
    # (outcome, day decided, day of the first meeting it is on)
    outcomes = [
        (ComplaintStatus.SUBSTANTIATED, date(2020, 5, 20), date(2020, 5, 20)),
        (ComplaintStatus.NOT_SUBSTANTIATED, date(2020, 5, 20), date(2020, 5, 20)),
        (ComplaintStatus.SUBSTANTIATED, date(2020, 9, 16), date(2020, 6, 17)),
    ]
    for case, (outcome, decided_on, first_meeting) in zip(referred, outcomes, strict=True):
        entry = next(entry for entry in builder.states if entry[0] is case)
        assigned = case.filed_on + timedelta(days=3)
        referred_on = max(assigned, min(assigned + timedelta(days=30), first_meeting - timedelta(days=7)))
        entry[1][:] = [(ComplaintStatus.RECEIVED, case.filed_on), (ComplaintStatus.INVESTIGATING, assigned),
                       (ComplaintStatus.REFERRED, referred_on), (outcome, decided_on)]
        case.status, case.concluded_on = outcome, decided_on
        case.assigned_on, case.investigation_due_on = assigned, assigned + timedelta(days=61)
    return referred


def _committee(referred: list[DiscriminationComplaint]) -> int:
    members = create(CommitteeMember, [
        CommitteeMember(name=name, affiliation=where, is_chair=chair, term_from=date(2019, 1, 1),
                        term_to=date(2020, 12, 31))
        for name, where, chair in MEMBERS
    ])
    meetings = create(CommitteeMeeting, [
        CommitteeMeeting(title="109年第1次會議", held_on=date(2020, 5, 20), place="勞工局第一會議室"),
        CommitteeMeeting(title="109年第2次會議", held_on=date(2020, 6, 17), place="勞工局第一會議室"),
        CommitteeMeeting(title="109年第3次會議", held_on=date(2020, 9, 16), place="勞工局第一會議室"),
    ])
    # 9 of 13 present, 6 of 13 (no quorum), 8 of 13.
    for meeting, present in zip(meetings, (9, 6, 8), strict=True):
        meeting.members_present.set(members[:present])
    first, deferred_meeting, third = meetings
    substantiated, not_substantiated, later = referred
    create(CommitteeReview, [
        CommitteeReview(meeting=first, complaint=substantiated, decision=ReviewDecision.SUBSTANTIATED,
                        votes_substantiated=7, votes_not_substantiated=2, fine_amount=300_000,
                        publish_employer_name=True, reasons="廣告及面試紀錄足證以年齡為由拒絕錄用。",
                        decision_number="高市勞就字第10931234500號", final_on=date(2020, 7, 10)),
        CommitteeReview(meeting=first, complaint=not_substantiated, decision=ReviewDecision.NOT_SUBSTANTIATED,
                        votes_substantiated=1, votes_not_substantiated=8, reasons="未錄用係因證照資格不符。"),
        CommitteeReview(meeting=deferred_meeting, complaint=later, decision=ReviewDecision.OTHER,
                        reasons="出席委員未過半數，不足法定人數，延至下次會議評議。"),
        CommitteeReview(meeting=third, complaint=later, decision=ReviewDecision.SUBSTANTIATED,
                        votes_substantiated=6, votes_not_substantiated=2, fine_amount=350_000,
                        publish_employer_name=True, reasons="雇主以身心障礙為由撤回錄取，成立。",
                        decision_number="高市勞就字第10935678900號", final_on=date(2020, 11, 5)),
    ])
    return len(meetings)
