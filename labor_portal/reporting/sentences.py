"""The report's key figures as the report writes them: its own sentences, with this period's numbers filled in.

Each sentence is a template over the snapshot (never a number of a past report):

    {unions.campus_lectures}            an indicator, printed 1,234 (decimals kept: 3,010.5)
    {unions.education_grants.amount:wan} the same in the report's 萬 style for large amounts: 654萬5,000
    {employment.discrimination_complaints[性騷擾]}   a cell of a table's first row, by column
    {period} 109年1月至6月   {roc_year} 109   {period_end} 109年6月底   {prior3} 106-108   {months} 1月至6月
    {name}                              a value of the sentence's `derived` functions, computed from the others

Each sentence has its English beside it (`en`, with `derived_en`), over the same figures: there {period} is
January to June 2020, {year} 2020, {period_end} the end of June 2020, {prior3} 2017-2019, {months} January to
June; amounts are written in full (NT$6,545,000), never in 萬, and a label in a cell (第24條) in English.

A sentence whose figures are not all in the snapshot (a section not built yet) is left out.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from labor_portal.reporting import catalogue

MISSING = "-"
_PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)(?:\[([^\]]+)\])?(?::(wan))?\}")
PERIOD_NAMES = {"period", "roc_year", "year", "period_end", "prior3", "months"}


def change_zh(difference: int | float, unit: str) -> str:
    """增加4人 / 減少4人 / 持平, as the report compares a figure with an earlier one."""
    if not difference:
        return "持平"
    return f"{'增加' if difference > 0 else '減少'}{number(abs(difference))}{unit}"


def change_en(difference: int | float) -> str:
    """4 more than / 4 fewer than / the same as, before the figure compared with."""
    if not difference:
        return "the same as"
    return f"{number(abs(difference))} {'more' if difference > 0 else 'fewer'} than"


@dataclass(frozen=True)
class Sentence:
    section: str
    template: str
    derived: dict[str, Callable[[dict], str]] = field(default_factory=dict)
    en: str = ""
    derived_en: dict[str, Callable[[dict], str]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        """The table and indicator ids the sentence reads, in order (kept beside it for machines)."""
        return self.ids_of(self.template, self.derived)

    @property
    def ids_en(self) -> list[str]:
        return self.ids_of(self.en, self.derived_en)

    @staticmethod
    def ids_of(template: str, derived: dict) -> list[str]:
        found = [m[1] for m in _PLACEHOLDER.finditer(template)]
        names = PERIOD_NAMES | set(derived)
        return list(dict.fromkeys(id_ for id_ in found if id_ not in names))


def _fatality_change(values: dict) -> str:
    return change_zh(values["inspections.osh.fatalities"] - values["inspections.osh.fatalities_prior3_avg"], "人")


def _fatality_change_en(values: dict) -> str:
    return change_en(values["inspections.osh.fatalities"] - values["inspections.osh.fatalities_prior3_avg"])


def _condolence_amount_en(values: dict) -> str:
    """The table counts in 萬元; English reads the amount in full."""
    return f"NT${number(round(_cell(values['welfare.accident_condolence'], '總計:金額(萬元)') * 10000))}"


SENTENCES = [
    # 一、勞工組織
    Sentence("unions", "截至{period_end}，本市工會家數計{unions.by_type[合計]}家。",
             en="At {period_end}, the city had {unions.by_type[合計]} unions."),
    Sentence("unions", "{period}計{unions.new_unions}家工會成立。",
             en="In {period}, {unions.new_unions} unions were founded."),
    Sentence("unions", "{period}計補助工會聯合組織及基層工會辦理{unions.education_grants.sessions}場次勞工教育活動，"
                       "補助金額計新臺幣{unions.education_grants.amount:wan}元。",
             en="In {period}, union federations and local unions were subsidised for "
                "{unions.education_grants.sessions} labor-education events, NT${unions.education_grants.amount} in "
                "all."),
    Sentence("unions", "補助高雄市總工會及高雄市產業總工會發行聯合會訊計{unions.newsletter_grants.amount:wan}元。",
             en="The Kaohsiung City Confederation of Trade Unions and the Kaohsiung City Federation of Industrial "
                "Unions were subsidised NT${unions.newsletter_grants.amount} for their joint newsletter."),
    Sentence("unions", "辦理{roc_year}年度高中職「勞動法制教育」校園巡迴演講，{months}計辦理{unions.campus_lectures}場次。",
             en="Labor-law lectures toured senior high and vocational schools in {year}: {unions.campus_lectures} "
                "were held from {months}."),
    Sentence("unions", "{period}出刊勞工雙月刊「工代誌」{unions.magazine.issues}期，每期印製{unions.magazine.copies_per_issue}份。",
             en="In {period}, {unions.magazine.issues} issues of the bimonthly labor magazine were published, "
                "{unions.magazine.copies_per_issue} copies each."),
    Sentence("unions", "辦理勞工大學，總計開辦{unions.labor_university.classes}班，"
                       "計有勞工朋友及眷屬{unions.labor_university.participants}人次參加。",
             en="The Labor University opened {unions.labor_university.classes} classes in all, attended "
                "{unions.labor_university.participants} times by workers and their families."),
    # 二、勞動條件
    Sentence("inspections", "{period}實施申訴、專案及會同勞動檢查計{inspections.labor_conditions.establishments}家事業單位；"
                            "另以一對一、外展服務模式入場輔導，計有{inspections.labor_conditions.counselled}家。",
             en="In {period}, {inspections.labor_conditions.establishments} establishments had complaint, project or "
                "joint labor inspections; another {inspections.labor_conditions.counselled} were counselled "
                "one-to-one or by outreach."),
    Sentence("inspections", "{period}違反勞動基準法案件裁罰以{inspections.lsa_violations_by_article[第一名]}"
                            "最多，計{inspections.lsa_violations_by_article[次數|第一名]}次。",
             en="In {period}, Labor Standards Act penalties were most often under "
                "{inspections.lsa_violations_by_article[第一名]}, {inspections.lsa_violations_by_article[次數|第一名]} "
                "times."),
    Sentence("inspections", "{period}計宣導{inspections.lsa_promotion.sessions}場次，"
                            "宣導人次達{inspections.lsa_promotion.reach:wan}人次。",
             en="In {period}, {inspections.lsa_promotion.sessions} promotion sessions reached "
                "{inspections.lsa_promotion.reach} people."),
    Sentence("inspections", "{period}計{inspections.osh.fatalities}人死亡，與過去3年({prior3})同期平均"
                            "{inspections.osh.fatalities_prior3_avg}人相比{fatality_change}。",
             {"fatality_change": _fatality_change},
             en="In {period}, {inspections.osh.fatalities} workers died at work, {fatality_change} the average of "
                "{inspections.osh.fatalities_prior3_avg} in the same half of the past 3 years ({prior3}).",
             derived_en={"fatality_change": _fatality_change_en}),
    Sentence("inspections", "{period}辦理勞動檢查共實施{inspections.osh.inspections:wan}場次，"
                            "停工{inspections.osh.stop_work_orders}場次，罰鍰處分{inspections.osh.fines}件次。",
             en="In {period}, {inspections.osh.inspections} safety and health inspections were carried out, with "
                "{inspections.osh.stop_work_orders} stop-work orders and {inspections.osh.fines} fines."),
    Sentence("inspections", "辦理職業安全衛生法令宣導，{period}計{inspections.osh_promotion.sessions}場次。",
             en="Occupational safety and health law was promoted at {inspections.osh_promotion.sessions} sessions in "
                "{period}."),
    Sentence("inspections", "{roc_year}年共招募志工輔導員{inspections.osh_counselling.volunteers}位，"
                            "{months}計辦理{inspections.osh_counselling.visits}場次中小企業訪視輔導。",
             en="In {year}, {inspections.osh_counselling.volunteers} volunteer counsellors were recruited; from "
                "{months} they made {inspections.osh_counselling.visits} counselling visits to small and medium "
                "enterprises."),
    Sentence("inspections", "截至{roc_year}年計成立{inspections.safety_families.families}大安衛家族，"
                            "共計{inspections.safety_families.members}家事業單位及承攬商參與。",
             en="By {year}, {inspections.safety_families.families} safety and health families had been formed, "
                "joined by {inspections.safety_families.members} establishments and contractors."),
    # 三、勞資關係
    Sentence("disputes", "勞工權益基金{period}申請{disputes.rights_fund.applications}案，通過{disputes.rights_fund.approved}案，"
                         "補助人數{disputes.rights_fund.persons}人，補助經費{disputes.rights_fund.amount:wan}元。",
             en="Labor rights fund, {period}: {disputes.rights_fund.applications} applications, "
                "{disputes.rights_fund.approved} approved, {disputes.rights_fund.persons} persons subsidised, "
                "NT${disputes.rights_fund.amount} in subsidies."),
    Sentence("disputes", "{period}受理勞資爭議案件{disputes.by_category[小計|合計]}件，"
                         "調解成立{disputes.by_category[小計|成立]}件。",
             en="In {period}, {disputes.by_category[小計|合計]} labor disputes were received; "
                "{disputes.by_category[小計|成立]} were settled by mediation."),
    # 四、就業安全
    Sentence("employment", "{period}受理不實廣告及求職防騙申訴案件{employment.scam_complaints.cases}案、"
                           "提供諮詢服務{employment.scam_complaints.consultations}案次。",
             en="In {period}, {employment.scam_complaints.cases} complaints about false job advertisements and job "
                "scams were received and {employment.scam_complaints.consultations} consultations given."),
    Sentence("employment", "{period}受理就業歧視暨性別工作平等申訴案件{employment.discrimination_complaints[合計]}案，"
                           "分別為性騷擾案{employment.discrimination_complaints[性騷擾]}案、"
                           "性別歧視{employment.discrimination_complaints[性別歧視]}案、"
                           "年齡歧視{employment.discrimination_complaints[年齡歧視]}案、"
                           "身心障礙歧視{employment.discrimination_complaints[身心障礙歧視]}案、"
                           "出生地歧視{employment.discrimination_complaints[出生地歧視]}案、"
                           "以往工會會員歧視{employment.discrimination_complaints[以往工會會員歧視]}案及"
                           "其他{employment.discrimination_complaints[其他]}案。",
             en="In {period}, {employment.discrimination_complaints[合計]} employment discrimination and gender "
                "equality complaints were received: sexual harassment {employment.discrimination_complaints[性騷擾]}, "
                "gender {employment.discrimination_complaints[性別歧視]}, age "
                "{employment.discrimination_complaints[年齡歧視]}, disability "
                "{employment.discrimination_complaints[身心障礙歧視]}, place of birth "
                "{employment.discrimination_complaints[出生地歧視]}, past union membership "
                "{employment.discrimination_complaints[以往工會會員歧視]} and other "
                "{employment.discrimination_complaints[其他]}."),
    Sentence("employment", "針對事業單位辦理防制就業歧視促進性別平等宣導會，{period}共計"
                           "{employment.anti_discrimination_seminars.sessions}場，"
                           "參加人數{employment.anti_discrimination_seminars.participants}人次。",
             en="Seminars for employers on preventing employment discrimination and promoting gender equality: "
                "{employment.anti_discrimination_seminars.sessions} in {period}, attended "
                "{employment.anti_discrimination_seminars.participants} times."),
    Sentence("employment", "「安心即時上工計畫」核定{employment.restart_program.quota}名額，"
                           "上工人數{employment.restart_program.working}人，上工率達{employment.restart_program.rate}%。",
             en="“Restart at once” programme: {employment.restart_program.quota} places approved, "
                "{employment.restart_program.working} people at work, a work rate of "
                "{employment.restart_program.rate}%."),
    Sentence("employment", "「暖心計畫」計{employment.warm_heart_program.applicants}人報名，"
                           "錄取{employment.warm_heart_program.hired}人。",
             en="“Warm heart” programme: {employment.warm_heart_program.applicants} applicants, "
                "{employment.warm_heart_program.hired} hired."),
    Sentence("employment", "{period}市民求職服務{employment.job_seekers:wan}人次，推介就業{employment.job_seekers.placed:wan}人次，"
                           "求職就業率{employment.job_seekers.placement_rate}%。",
             en="In {period}, job seekers were served {employment.job_seekers} times and referred to jobs "
                "{employment.job_seekers.placed} times, a placement rate of "
                "{employment.job_seekers.placement_rate}%."),
    Sentence("employment", "{period}廠商求才提供{employment.vacancies:wan}個職缺數，僱用{employment.vacancies.filled:wan}人，"
                           "求才利用率{employment.vacancies.utilization_rate}%。",
             en="In {period}, employers offered {employment.vacancies} vacancies and hired "
                "{employment.vacancies.filled} people, a vacancy utilisation rate of "
                "{employment.vacancies.utilization_rate}%."),
    Sentence("employment", "運用「行動就服車」，{period}總計巡迴{employment.mobile_van.trips}車次、"
                           "諮詢服務{employment.mobile_van.consultations}人次及協助求職推介{employment.mobile_van.referrals}人次。",
             en="The mobile employment service van made {employment.mobile_van.trips} trips in {period}, giving "
                "{employment.mobile_van.consultations} consultations and {employment.mobile_van.referrals} job "
                "referrals."),
    Sentence("employment", "{period}計辦理大、中、小型及單一徵才活動{employment.job_fairs.events}場次，"
                           "參加廠商{employment.job_fairs.employers}家、提供{employment.job_fairs.openings:wan}個就業機會、"
                           "投遞履歷{employment.job_fairs.resumes}人次、初步媒合{employment.job_fairs.matched}人、"
                           "初步媒合率{employment.job_fairs.match_rate}%。",
             en="In {period}, {employment.job_fairs.events} job fairs of every size were held: "
                "{employment.job_fairs.employers} employers, {employment.job_fairs.openings} job openings, "
                "{employment.job_fairs.resumes} résumés submitted, {employment.job_fairs.matched} initial matches, "
                "an initial match rate of {employment.job_fairs.match_rate}%."),
    Sentence("employment", "{period}共辦理{employment.direct_bus.sessions}場就業直達車服務，"
                           "已辦理{employment.video_interviews.sessions}場次視訊面試服務。",
             en="In {period}, {employment.direct_bus.sessions} job shuttle-bus services and "
                "{employment.video_interviews.sessions} video interview sessions were held."),
    Sentence("employment", "{period}與高中職暨大專院校合作辦理{employment.youth.campus_events}場就業博覽會、駐點或入班宣導，"
                           "提供{employment.youth.campus_reach}人次青年學子就業、職訓資訊服務。",
             en="In {period}, {employment.youth.campus_events} job fairs, on-site desks or class talks were held "
                "with senior high schools, colleges and universities, bringing employment and training information "
                "to students {employment.youth.campus_reach} times."),
    Sentence("employment", "共辦理{employment.youth.winner_sessions}場次青年就業大贏家活動，"
                           "計{employment.youth.winner_participants}人參與。",
             en="{employment.youth.winner_sessions} “Youth employment winners” events were held, with "
                "{employment.youth.winner_participants} participants."),
    Sentence("employment", "「特定對象暨弱勢者就業服務計畫」{period}計{employment.disadvantaged.sessions}場、"
                           "服務{employment.disadvantaged.served}人；入監就業宣導場次為{employment.prison.sessions}場、"
                           "服務{employment.prison.served}人次；一般失業者適性就促研習、職場觀摩活動、成長團體共"
                           "{employment.unemployed_workshops.sessions}場，服務{employment.unemployed_workshops.served}人次。",
             en="Employment services for specific and disadvantaged groups, {period}: "
                "{employment.disadvantaged.sessions} sessions serving {employment.disadvantaged.served} people; "
                "employment talks in prisons: {employment.prison.sessions} sessions serving "
                "{employment.prison.served} times; workshops, workplace visits and support groups for the "
                "unemployed: {employment.unemployed_workshops.sessions} sessions serving "
                "{employment.unemployed_workshops.served} times."),
    Sentence("employment", "{period}共計服務中高齡者及高齡者求職者{employment.middle_aged.served}人次，"
                           "成功輔導就業{employment.middle_aged.employed}人次，就業率達{employment.middle_aged.rate}%，"
                           "協助{employment.middle_aged.subsidised}位中高齡者及高齡者就業。",
             en="In {period}, middle-aged and older job seekers were served {employment.middle_aged.served} times; "
                "{employment.middle_aged.employed} found jobs, an employment rate of {employment.middle_aged.rate}%, "
                "and {employment.middle_aged.subsidised} middle-aged and older workers were helped into work."),
    Sentence("employment", "辦理「中高齡職務再設計」，{period}計補助{employment.middle_aged.redesign_firms}家廠商"
                           "改造中高齡友善職場，協助{employment.middle_aged.redesign_workers}位中高齡就業者。",
             en="Job redesign for middle-aged workers: in {period}, {employment.middle_aged.redesign_firms} "
                "employers were subsidised to make their workplaces age-friendly, helping "
                "{employment.middle_aged.redesign_workers} middle-aged workers."),
    Sentence("employment", "{period}協助銀髮人才資源中心開發{employment.silver_centre.people}位55歲以上中高齡者及高齡者人力，"
                           "{employment.silver_centre.vacancies}個友善職缺。",
             en="In {period}, the Silver Talent Centre found {employment.silver_centre.people} job seekers aged 55 "
                "or over and {employment.silver_centre.vacancies} age-friendly vacancies."),
    Sentence("employment", "{period}辦理產訓合作職前訓練班{employment.vocational_training[產訓合作職前訓練班|班數]}班，"
                           "總訓練時數{employment.vocational_training[產訓合作職前訓練班|總訓練時數]}小時，招訓人數{employment.vocational_training[產訓合作職前訓練班|招(開)訓人數]}人，"
                           "結訓人數{employment.vocational_training[產訓合作職前訓練班|結訓人數]}人。",
             en="In {period}, {employment.vocational_training[產訓合作職前訓練班|班數]} industry-cooperation pre-employment "
                "training classes were held: {employment.vocational_training[產訓合作職前訓練班|總訓練時數]} training hours, "
                "{employment.vocational_training[產訓合作職前訓練班|招(開)訓人數]} trainees enrolled and "
                "{employment.vocational_training[產訓合作職前訓練班|結訓人數]} completed."),
    Sentence("employment", "{period}共計服務{employment.skills_certification.persons}人參加各項技能檢定測驗。",
             en="In {period}, {employment.skills_certification.persons} people were helped to take skills "
                "certification tests."),
    Sentence("employment", "{period}共辦理{employment.trainee_volunteering.events}場次公益活動服務項目，"
                           "總計服務{employment.trainee_volunteering.served}人次。",
             en="In {period}, trainees held {employment.trainee_volunteering.events} community service events, "
                "serving {employment.trainee_volunteering.served} times."),
    # 外籍勞工管理
    Sentence("migrant_workers", "{period}藍領外籍勞工查察案件計{migrant_workers.blue_collar_inspections[合計]}件，"
                                "諮詢服務{migrant_workers.consultations[合計]}件，"
                                "違反就業服務法裁處案件{migrant_workers.penalties[裁處案件]}件。",
             en="In {period}, employers of blue-collar migrant workers were inspected "
                "{migrant_workers.blue_collar_inspections[合計]} times, {migrant_workers.consultations[合計]} "
                "consultations were given and {migrant_workers.penalties[裁處案件]} penalties decided under the "
                "Employment Service Act."),
    Sentence("migrant_workers", "提供緊急安置服務，{period}已收容安置{migrant_workers.shelter.person_days}人次。",
             en="Emergency shelter, {period}: {migrant_workers.shelter.person_days} person-days."),
    Sentence("migrant_workers", "辦理「社區關懷家庭看護工巡迴服務活動」，總計有{migrant_workers.community_care.participants}人參加。",
             en="{migrant_workers.community_care.participants} people took part in the community care outreach for "
                "migrant home caregivers."),
    Sentence("migrant_workers", "移工居家檢疫實地查核計受理申請{migrant_workers.quarantine_checks.applications}件，"
                                "經初步審查資料不全退件{migrant_workers.quarantine_checks.returned}件，"
                                "雇主自行撤回{migrant_workers.quarantine_checks.withdrawn}件，"
                                "須辦理查核{migrant_workers.quarantine_checks.to_inspect}件。",
             en="Migrant workers' home quarantine checks: {migrant_workers.quarantine_checks.applications} "
                "applications, {migrant_workers.quarantine_checks.returned} returned as incomplete, "
                "{migrant_workers.quarantine_checks.withdrawn} withdrawn by employers, "
                "{migrant_workers.quarantine_checks.to_inspect} to be inspected."),
    Sentence("migrant_workers", "提供口罩供移工配戴，已發放計{migrant_workers.masks_given}份；"
                                "走動式面對面防疫宣導約{migrant_workers.outreach.reach}人次。",
             en="{migrant_workers.masks_given} masks were given to migrant workers; face-to-face epidemic-prevention "
                "outreach reached about {migrant_workers.outreach.reach} people."),
    Sentence("migrant_workers", "『防疫關懷包』總計發放{migrant_workers.care_packs}份；總計電話關懷{migrant_workers.phone_care}名移工，"
                                "計關懷訪視{migrant_workers.quarantine_visits}名。",
             en="{migrant_workers.care_packs} epidemic-prevention care packs were given out; "
                "{migrant_workers.phone_care} migrant workers were called and {migrant_workers.quarantine_visits} "
                "visited."),
    # 五、職業重建
    Sentence("disability_services", "截至{period_end}，本市定額進用義務機關(構)計"
                                    "{disability_services.quota_employment[義務機關構數:合計|總計]}家，"
                                    "不足額{disability_services.quota_employment[義務機關構數:不足額|總計]}家。",
             en="At {period_end}, {disability_services.quota_employment[義務機關構數:合計|總計]} employers in the city were "
                "obliged to hire persons with disabilities, {disability_services.quota_employment[義務機關構數:不足額|總計]} of "
                "them below quota."),
    Sentence("disability_services", "{period}職業重建個案管理新開案人數計{disability_services.case_management.new}人，"
                                    "累積服務個案人數{disability_services.case_management.cumulative}人。",
             en="In {period}, {disability_services.case_management.new} new vocational rehabilitation cases were "
                "opened; {disability_services.case_management.cumulative} cases were served in all."),
    Sentence("disability_services", "{period}計完成{disability_services.assessments}案身心障礙者評量及報告。",
             en="In {period}, {disability_services.assessments} vocational assessments of persons with disabilities "
                "were completed with their reports."),
    Sentence("disability_services", "自辦日間養成職業訓練共開設{disability_services.training.own_classes}班；"
                                    "委辦日間養成職業訓練計招收{disability_services.training.commissioned_trainees}名學員，"
                                    "第二專長(進修)職業訓練計招收{disability_services.training.second_skill_trainees}名學員，"
                                    "個別職能養成計畫計招收{disability_services.training.individual_trainees}名學員。",
             en="The bureau's own day vocational training opened {disability_services.training.own_classes} classes; "
                "commissioned day training enrolled {disability_services.training.commissioned_trainees} trainees, "
                "second-skill training {disability_services.training.second_skill_trainees} and individual training "
                "plans {disability_services.training.individual_trainees}."),
    Sentence("disability_services", "{period}計提供身心障礙者支持性就業服務{disability_services.supported_employment.served}人，"
                                    "其中新開案數{disability_services.supported_employment.new}人、"
                                    "推介成功{disability_services.supported_employment.placed}人、"
                                    "穩定就業三個月以上{disability_services.supported_employment.stable_3m}人。",
             en="In {period}, supported employment served {disability_services.supported_employment.served} persons "
                "with disabilities: {disability_services.supported_employment.new} new cases, "
                "{disability_services.supported_employment.placed} placed in jobs and "
                "{disability_services.supported_employment.stable_3m} in stable employment for three months or more."),
    Sentence("disability_services", "「本市關懷偏鄉身心障礙者就業服務計畫」{period}開案人數{disability_services.rural.opened}人、"
                                    "推介成功{disability_services.rural.placed}人。",
             en="Employment services for persons with disabilities in rural areas, {period}: "
                "{disability_services.rural.opened} cases opened, {disability_services.rural.placed} placed in jobs."),
    Sentence("disability_services", "本市計有{disability_services.sheltered.workshops}家庇護工場，"
                                    "提供{disability_services.sheltered.workers}名庇護性就業者及"
                                    "{disability_services.sheltered.trainees}名職場見習者工作機會；"
                                    "補助庇護工場合計{disability_services.sheltered.relief_total:wan}元。",
             en="The city has {disability_services.sheltered.workshops} sheltered workshops, giving work to "
                "{disability_services.sheltered.workers} sheltered workers and "
                "{disability_services.sheltered.trainees} workplace trainees; sheltered workshops were subsidised "
                "NT${disability_services.sheltered.relief_total} in all."),
    Sentence("disability_services", "職務再設計服務{period}計核准{disability_services.job_redesign.approved}件，"
                                    "核准補助金額{disability_services.job_redesign.amount:wan}元。",
             en="Job redesign services, {period}: {disability_services.job_redesign.approved} applications approved, "
                "NT${disability_services.job_redesign.amount} in subsidies."),
    Sentence("disability_services", "共輔導{disability_services.entrepreneurs.coached}位身心障礙創業者，"
                                    "營運總績效達{disability_services.entrepreneurs.revenue:wan}元。",
             en="{disability_services.entrepreneurs.coached} entrepreneurs with disabilities were coached, with "
                "total revenue of NT${disability_services.entrepreneurs.revenue}."),
    Sentence("disability_services", "{period}身障者自力更生創業補助核准{disability_services.self_employment.grants}件，"
                                    "補助金額共計{disability_services.self_employment.amount:wan}元。",
             en="In {period}, {disability_services.self_employment.grants} self-employment grants for persons with "
                "disabilities were approved, NT${disability_services.self_employment.amount} in all."),
    Sentence("disability_services", "截至{period_end}，轄內計有按摩師{disability_services.visually_impaired.masseurs}人、"
                                    "按摩小棧{disability_services.visually_impaired.kiosks}處、"
                                    "按摩院所{disability_services.visually_impaired.parlours}家。",
             en="At {period_end}, the city had {disability_services.visually_impaired.masseurs} masseurs, "
                "{disability_services.visually_impaired.kiosks} massage kiosks and "
                "{disability_services.visually_impaired.parlours} massage parlours."),
    Sentence("disability_services", "視障按摩服務據點補助金額{disability_services.visually_impaired.site_grants:wan}元；"
                                    "視障按摩師訓練累積參與學員計{disability_services.visually_impaired.training_attendance}人次。",
             en="Massage sites of visually impaired masseurs were subsidised "
                "NT${disability_services.visually_impaired.site_grants}; the training of visually impaired masseurs "
                "was attended {disability_services.visually_impaired.training_attendance} times in all."),
    # 六、勞工福利
    Sentence("welfare", "{period}勞工職業災害慰問金核發{welfare.accident_condolence[總計:件數]}件，"
                        "計{welfare.accident_condolence[總計:金額(萬元)]}萬元。",
             en="In {period}, {welfare.accident_condolence[總計:件數]} occupational accident condolence payments were "
                "made, {condolence_amount} in all.",
             derived_en={"condolence_amount": _condolence_amount_en}),
    Sentence("welfare", "{period}服務職業災害勞工{welfare.accident_cases.served}位個案；"
                        "主動關懷職災個案並提供諮詢，計服務{welfare.accident_cases.contacts}人次。",
             en="In {period}, {welfare.accident_cases.served} injured workers were followed as cases; proactive care "
                "and advice were given {welfare.accident_cases.contacts} times."),
    Sentence("welfare", "本府勞工局經管{welfare.rental_housing.units}戶勞工租賃住宅。",
             en="The bureau manages {welfare.rental_housing.units} rental housing units for workers."),
    Sentence("welfare", "獅甲會館{period}場地租借共計服務{welfare.shijia_hall.rental_people}人次，"
                        "租金收入{welfare.shijia_hall.rental_income:wan}元；"
                        "住宿服務共計{welfare.shijia_hall.lodging_people}人次、住宿收入{welfare.shijia_hall.lodging_income:wan}元。",
             en="Shijia Hall, {period}: venue rentals served {welfare.shijia_hall.rental_people} people for "
                "NT${welfare.shijia_hall.rental_income} in rent; lodging served {welfare.shijia_hall.lodging_people} "
                "people for NT${welfare.shijia_hall.lodging_income}."),
    # 七、勞工博物館營運
    Sentence("museum", "勞工博物館{period}共計{museum.visitors}人次參觀。",
             en="The Labor Museum had {museum.visitors} visitors in {period}."),
    Sentence("museum", "{roc_year}年經文化部核定補助經常門{museum.culture_grant:wan}元，本府配合款{museum.city_match:wan}元。",
             en="In {year}, the Ministry of Culture granted NT${museum.culture_grant} for recurrent expenses, "
                "matched by NT${museum.city_match} from the city."),
    Sentence("museum", "爭取勞動部就安基金補助{museum.animation_grant:wan}元。",
             en="NT${museum.animation_grant} was obtained from the Ministry of Labor's Employment Stability Fund."),
]


def number(value) -> str:
    """A figure as the report prints it in a sentence: 1,586; 3,010.5; '-' when there is none."""
    if value is None:
        return MISSING
    if isinstance(value, str):  # a label in a cell: 第24條
        return value
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def wan(value) -> str:
    """A large amount in the report's 萬 style: 6545000 → 654萬5,000; 400000 → 40萬; 830 → 830."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and not value.is_integer()):
        return number(value)
    tens_of_thousands, rest = divmod(int(value), 10000)
    if not tens_of_thousands:
        return number(rest)
    return f"{tens_of_thousands}萬" + (f"{rest:,}" if rest else "")


def period_values(period: dict, english: bool = False) -> dict[str, str]:
    year = period["year"]
    if english:
        months = "January to June" if period["half"] == 1 else "July to December"
        return {"period": f"{months} {year}", "year": str(year), "roc_year": str(year), "months": months,
                "period_end": f"the end of {'June' if period['half'] == 1 else 'December'} {year}",
                "prior3": f"{year - 3}-{year - 1}"}
    roc_year = year - 1911
    months = "1月至6月" if period["half"] == 1 else "7月至12月"
    return {
        "period": period.get("label_zh") or f"{roc_year}年{months}",
        "roc_year": str(roc_year),
        "year": str(year),
        "months": months,
        "period_end": f"{roc_year}年{6 if period['half'] == 1 else 12}月底",
        "prior3": f"{roc_year - 3}-{roc_year - 1}",
    }


def snapshot_values(snapshot: dict) -> dict:
    """{indicator id: value} and {table id: table} of a snapshot."""
    values = {item["id"]: item["value"] for item in snapshot.get("indicators", [])}
    values.update({table["id"]: table for table in snapshot.get("tables", [])})
    return values


def _cell(table: dict, key: str):
    """A table's cell by 'column' (first row) or 'row|column'; KeyError when it has none."""
    row_label, _, column = key.rpartition("|")
    rows = [row for row in table["rows"] if not row_label or row["label"] == row_label]
    if not rows or column not in table["columns"]:
        raise KeyError(key)
    return rows[0]["values"][table["columns"].index(column)]


def fill(sentence: Sentence, snapshot: dict, values: dict | None = None, english: bool = False) -> str | None:
    """The sentence (in English with `english`) with the snapshot's figures; None when one of them is not in the
    snapshot, or the sentence has no English."""
    values = snapshot_values(snapshot) if values is None else values
    names = period_values(snapshot["period"], english)
    template, derived = (sentence.en, sentence.derived_en) if english else (sentence.template, sentence.derived)
    if not template:
        return None
    try:
        names.update({name: derive(values) for name, derive in derived.items()})

        def replace(match):
            name, key, style = match[1], match[2], match[3]
            if name in names:
                return names[name]
            value = _cell(values[name], key) if key else values[name]
            if english:  # a label in a cell (第24條) in English; amounts in full
                return catalogue.label(value, "en") if isinstance(value, str) else number(value)
            return wan(value) if style == "wan" else number(value)

        return _PLACEHOLDER.sub(replace, template)
    except (KeyError, TypeError):
        return None


def key_figures(snapshot: dict, section: str, lang: str = "zh-hant") -> list[tuple[str, list[str]]]:
    """The section's key figures as (text, ids read): the report's sentences, in English for lang="en"."""
    english = catalogue.is_english(lang)
    values = snapshot_values(snapshot)
    filled = [(fill(sentence, snapshot, values, english), sentence.ids)
              for sentence in SENTENCES if sentence.section == section]
    return [(text, ids) for text, ids in filled if text is not None]
