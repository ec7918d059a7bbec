"""The report's key figures as the report writes them: its own sentences, with this period's numbers filled in.

Each sentence is a template over the snapshot (never a number of a past report):

    {unions.campus_lectures}            an indicator, printed 1,234 (decimals kept: 3,010.5)
    {unions.education_grants.amount:wan} the same in the report's 萬 style for large amounts: 654萬5,000
    {employment.discrimination_complaints[性騷擾]}   a cell of a table's first row, by column
    {period} 109年1月至6月   {roc_year} 109   {period_end} 109年6月底   {prior3} 106-108   {months} 1月至6月
    {name}                              a value of the sentence's `derived` functions, computed from the others

A sentence whose figures are not all in the snapshot (a section not built yet) is left out.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from labor_portal.reporting import catalogue

MISSING = "-"
_PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)(?:\[([^\]]+)\])?(?::(wan))?\}")
PERIOD_NAMES = {"period", "roc_year", "period_end", "prior3", "months"}


def change_zh(difference: int | float, unit: str) -> str:
    """增加4人 / 減少4人 / 持平, as the report compares a figure with an earlier one."""
    if not difference:
        return "持平"
    return f"{'增加' if difference > 0 else '減少'}{number(abs(difference))}{unit}"


@dataclass(frozen=True)
class Sentence:
    section: str
    template: str
    derived: dict[str, Callable[[dict], str]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        """The table and indicator ids the sentence reads, in order (kept beside it for machines)."""
        found = [m[1] for m in _PLACEHOLDER.finditer(self.template)]
        names = PERIOD_NAMES | set(self.derived)
        return list(dict.fromkeys(id_ for id_ in found if id_ not in names))


def _fatality_change(values: dict) -> str:
    return change_zh(values["inspections.osh.fatalities"] - values["inspections.osh.fatalities_prior3_avg"], "人")


SENTENCES = [
    # 一、勞工組織
    Sentence("unions", "截至{period_end}，本市工會家數計{unions.by_type[合計]}家。"),
    Sentence("unions", "{period}計{unions.new_unions}家工會成立。"),
    Sentence("unions", "{period}計補助工會聯合組織及基層工會辦理{unions.education_grants.sessions}場次勞工教育活動，"
                       "補助金額計新臺幣{unions.education_grants.amount:wan}元。"),
    Sentence("unions", "補助高雄市總工會及高雄市產業總工會發行聯合會訊計{unions.newsletter_grants.amount:wan}元。"),
    Sentence("unions", "辦理{roc_year}年度高中職「勞動法制教育」校園巡迴演講，{months}計辦理{unions.campus_lectures}場次。"),
    Sentence("unions", "{period}出刊勞工雙月刊「工代誌」{unions.magazine.issues}期，每期印製{unions.magazine.copies_per_issue}份。"),
    Sentence("unions", "辦理勞工大學，總計開辦{unions.labor_university.classes}班，"
                       "計有勞工朋友及眷屬{unions.labor_university.participants}人次參加。"),
    # 二、勞動條件
    Sentence("inspections", "{period}實施申訴、專案及會同勞動檢查計{inspections.labor_conditions.establishments}家事業單位；"
                            "另以一對一、外展服務模式入場輔導，計有{inspections.labor_conditions.counselled}家。"),
    Sentence("inspections", "{period}違反勞動基準法案件裁罰以{inspections.lsa_violations_by_article[第一名]}"
                            "最多，計{inspections.lsa_violations_by_article[次數|第一名]}次。"),
    Sentence("inspections", "{period}計宣導{inspections.lsa_promotion.sessions}場次，"
                            "宣導人次達{inspections.lsa_promotion.reach:wan}人次。"),
    Sentence("inspections", "{period}計{inspections.osh.fatalities}人死亡，與過去3年({prior3})同期平均"
                            "{inspections.osh.fatalities_prior3_avg}人相比{fatality_change}。",
             {"fatality_change": _fatality_change}),
    Sentence("inspections", "{period}辦理勞動檢查共實施{inspections.osh.inspections:wan}場次，"
                            "停工{inspections.osh.stop_work_orders}場次，罰鍰處分{inspections.osh.fines}件次。"),
    Sentence("inspections", "辦理職業安全衛生法令宣導，{period}計{inspections.osh_promotion.sessions}場次。"),
    Sentence("inspections", "{roc_year}年共招募志工輔導員{inspections.osh_counselling.volunteers}位，"
                            "{months}計辦理{inspections.osh_counselling.visits}場次中小企業訪視輔導。"),
    Sentence("inspections", "截至{roc_year}年計成立{inspections.safety_families.families}大安衛家族，"
                            "共計{inspections.safety_families.members}家事業單位及承攬商參與。"),
    # 三、勞資關係
    Sentence("disputes", "勞工權益基金{period}申請{disputes.rights_fund.applications}案，通過{disputes.rights_fund.approved}案，"
                         "補助人數{disputes.rights_fund.persons}人，補助經費{disputes.rights_fund.amount:wan}元。"),
    Sentence("disputes", "{period}受理勞資爭議案件{disputes.by_category[小計|合計]}件，"
                         "調解成立{disputes.by_category[小計|成立]}件。"),
    # 四、就業安全
    Sentence("employment", "{period}受理不實廣告及求職防騙申訴案件{employment.scam_complaints.cases}案、"
                           "提供諮詢服務{employment.scam_complaints.consultations}案次。"),
    Sentence("employment", "{period}受理就業歧視暨性別工作平等申訴案件{employment.discrimination_complaints[合計]}案，"
                           "分別為性騷擾案{employment.discrimination_complaints[性騷擾]}案、"
                           "性別歧視{employment.discrimination_complaints[性別歧視]}案、"
                           "年齡歧視{employment.discrimination_complaints[年齡歧視]}案、"
                           "身心障礙歧視{employment.discrimination_complaints[身心障礙歧視]}案、"
                           "出生地歧視{employment.discrimination_complaints[出生地歧視]}案、"
                           "以往工會會員歧視{employment.discrimination_complaints[以往工會會員歧視]}案及"
                           "其他{employment.discrimination_complaints[其他]}案。"),
    Sentence("employment", "針對事業單位辦理防制就業歧視促進性別平等宣導會，{period}共計"
                           "{employment.anti_discrimination_seminars.sessions}場，"
                           "參加人數{employment.anti_discrimination_seminars.participants}人次。"),
    Sentence("employment", "「安心即時上工計畫」核定{employment.restart_program.quota}名額，"
                           "上工人數{employment.restart_program.working}人，上工率達{employment.restart_program.rate}%。"),
    Sentence("employment", "「暖心計畫」計{employment.warm_heart_program.applicants}人報名，"
                           "錄取{employment.warm_heart_program.hired}人。"),
    Sentence("employment", "{period}市民求職服務{employment.job_seekers:wan}人次，推介就業{employment.job_seekers.placed:wan}人次，"
                           "求職就業率{employment.job_seekers.placement_rate}%。"),
    Sentence("employment", "{period}廠商求才提供{employment.vacancies:wan}個職缺數，僱用{employment.vacancies.filled:wan}人，"
                           "求才利用率{employment.vacancies.utilization_rate}%。"),
    Sentence("employment", "運用「行動就服車」，{period}總計巡迴{employment.mobile_van.trips}車次、"
                           "諮詢服務{employment.mobile_van.consultations}人次及協助求職推介{employment.mobile_van.referrals}人次。"),
    Sentence("employment", "{period}計辦理大、中、小型及單一徵才活動{employment.job_fairs.events}場次，"
                           "參加廠商{employment.job_fairs.employers}家、提供{employment.job_fairs.openings:wan}個就業機會、"
                           "投遞履歷{employment.job_fairs.resumes}人次、初步媒合{employment.job_fairs.matched}人、"
                           "初步媒合率{employment.job_fairs.match_rate}%。"),
    Sentence("employment", "{period}共辦理{employment.direct_bus.sessions}場就業直達車服務，"
                           "已辦理{employment.video_interviews.sessions}場次視訊面試服務。"),
    Sentence("employment", "{period}與高中職暨大專院校合作辦理{employment.youth.campus_events}場就業博覽會、駐點或入班宣導，"
                           "提供{employment.youth.campus_reach}人次青年學子就業、職訓資訊服務。"),
    Sentence("employment", "共辦理{employment.youth.winner_sessions}場次青年就業大贏家活動，"
                           "計{employment.youth.winner_participants}人參與。"),
    Sentence("employment", "「特定對象暨弱勢者就業服務計畫」{period}計{employment.disadvantaged.sessions}場、"
                           "服務{employment.disadvantaged.served}人；入監就業宣導場次為{employment.prison.sessions}場、"
                           "服務{employment.prison.served}人次；一般失業者適性就促研習、職場觀摩活動、成長團體共"
                           "{employment.unemployed_workshops.sessions}場，服務{employment.unemployed_workshops.served}人次。"),
    Sentence("employment", "{period}共計服務中高齡者及高齡者求職者{employment.middle_aged.served}人次，"
                           "成功輔導就業{employment.middle_aged.employed}人次，就業率達{employment.middle_aged.rate}%，"
                           "協助{employment.middle_aged.subsidised}位中高齡者及高齡者就業。"),
    Sentence("employment", "辦理「中高齡職務再設計」，{period}計補助{employment.middle_aged.redesign_firms}家廠商"
                           "改造中高齡友善職場，協助{employment.middle_aged.redesign_workers}位中高齡就業者。"),
    Sentence("employment", "{period}協助銀髮人才資源中心開發{employment.silver_centre.people}位55歲以上中高齡者及高齡者人力，"
                           "{employment.silver_centre.vacancies}個友善職缺。"),
    Sentence("employment", "{period}辦理產訓合作職前訓練班{employment.vocational_training[產訓合作職前訓練班|班數]}班，"
                           "總訓練時數{employment.vocational_training[產訓合作職前訓練班|總訓練時數]}小時，招訓人數{employment.vocational_training[產訓合作職前訓練班|招(開)訓人數]}人，"
                           "結訓人數{employment.vocational_training[產訓合作職前訓練班|結訓人數]}人。"),
    Sentence("employment", "{period}共計服務{employment.skills_certification.persons}人參加各項技能檢定測驗。"),
    Sentence("employment", "{period}共辦理{employment.trainee_volunteering.events}場次公益活動服務項目，"
                           "總計服務{employment.trainee_volunteering.served}人次。"),
    # 外籍勞工管理
    Sentence("migrant_workers", "{period}藍領外籍勞工查察案件計{migrant_workers.blue_collar_inspections[合計]}件，"
                                "諮詢服務{migrant_workers.consultations[合計]}件，"
                                "違反就業服務法裁處案件{migrant_workers.penalties[裁處案件]}件。"),
    Sentence("migrant_workers", "提供緊急安置服務，{period}已收容安置{migrant_workers.shelter.person_days}人次。"),
    Sentence("migrant_workers", "辦理「社區關懷家庭看護工巡迴服務活動」，總計有{migrant_workers.community_care.participants}人參加。"),
    Sentence("migrant_workers", "移工居家檢疫實地查核計受理申請{migrant_workers.quarantine_checks.applications}件，"
                                "經初步審查資料不全退件{migrant_workers.quarantine_checks.returned}件，"
                                "雇主自行撤回{migrant_workers.quarantine_checks.withdrawn}件，"
                                "須辦理查核{migrant_workers.quarantine_checks.to_inspect}件。"),
    Sentence("migrant_workers", "提供口罩供移工配戴，已發放計{migrant_workers.masks_given}份；"
                                "走動式面對面防疫宣導約{migrant_workers.outreach.reach}人次。"),
    Sentence("migrant_workers", "『防疫關懷包』總計發放{migrant_workers.care_packs}份；總計電話關懷{migrant_workers.phone_care}名移工，"
                                "計關懷訪視{migrant_workers.quarantine_visits}名。"),
    # 五、職業重建
    Sentence("disability_services", "截至{period_end}，本市定額進用義務機關(構)計"
                                    "{disability_services.quota_employment[義務機關構數:合計|總計]}家，"
                                    "不足額{disability_services.quota_employment[義務機關構數:不足額|總計]}家。"),
    Sentence("disability_services", "{period}職業重建個案管理新開案人數計{disability_services.case_management.new}人，"
                                    "累積服務個案人數{disability_services.case_management.cumulative}人。"),
    Sentence("disability_services", "{period}計完成{disability_services.assessments}案身心障礙者評量及報告。"),
    Sentence("disability_services", "自辦日間養成職業訓練共開設{disability_services.training.own_classes}班；"
                                    "委辦日間養成職業訓練計招收{disability_services.training.commissioned_trainees}名學員，"
                                    "第二專長(進修)職業訓練計招收{disability_services.training.second_skill_trainees}名學員，"
                                    "個別職能養成計畫計招收{disability_services.training.individual_trainees}名學員。"),
    Sentence("disability_services", "{period}計提供身心障礙者支持性就業服務{disability_services.supported_employment.served}人，"
                                    "其中新開案數{disability_services.supported_employment.new}人、"
                                    "推介成功{disability_services.supported_employment.placed}人、"
                                    "穩定就業三個月以上{disability_services.supported_employment.stable_3m}人。"),
    Sentence("disability_services", "「本市關懷偏鄉身心障礙者就業服務計畫」{period}開案人數{disability_services.rural.opened}人、"
                                    "推介成功{disability_services.rural.placed}人。"),
    Sentence("disability_services", "本市計有{disability_services.sheltered.workshops}家庇護工場，"
                                    "提供{disability_services.sheltered.workers}名庇護性就業者及"
                                    "{disability_services.sheltered.trainees}名職場見習者工作機會；"
                                    "補助庇護工場合計{disability_services.sheltered.relief_total:wan}元。"),
    Sentence("disability_services", "職務再設計服務{period}計核准{disability_services.job_redesign.approved}件，"
                                    "核准補助金額{disability_services.job_redesign.amount:wan}元。"),
    Sentence("disability_services", "共輔導{disability_services.entrepreneurs.coached}位身心障礙創業者，"
                                    "營運總績效達{disability_services.entrepreneurs.revenue:wan}元。"),
    Sentence("disability_services", "{period}身障者自力更生創業補助核准{disability_services.self_employment.grants}件，"
                                    "補助金額共計{disability_services.self_employment.amount:wan}元。"),
    Sentence("disability_services", "截至{period_end}，轄內計有按摩師{disability_services.visually_impaired.masseurs}人、"
                                    "按摩小棧{disability_services.visually_impaired.kiosks}處、"
                                    "按摩院所{disability_services.visually_impaired.parlours}家。"),
    Sentence("disability_services", "視障按摩服務據點補助金額{disability_services.visually_impaired.site_grants:wan}元；"
                                    "視障按摩師訓練累積參與學員計{disability_services.visually_impaired.training_attendance}人次。"),
    # 六、勞工福利
    Sentence("welfare", "{period}勞工職業災害慰問金核發{welfare.accident_condolence[總計:件數]}件，"
                        "計{welfare.accident_condolence[總計:金額(萬元)]}萬元。"),
    Sentence("welfare", "{period}服務職業災害勞工{welfare.accident_cases.served}位個案；"
                        "主動關懷職災個案並提供諮詢，計服務{welfare.accident_cases.contacts}人次。"),
    Sentence("welfare", "本府勞工局經管{welfare.rental_housing.units}戶勞工租賃住宅。"),
    Sentence("welfare", "獅甲會館{period}場地租借共計服務{welfare.shijia_hall.rental_people}人次，"
                        "租金收入{welfare.shijia_hall.rental_income:wan}元；"
                        "住宿服務共計{welfare.shijia_hall.lodging_people}人次、住宿收入{welfare.shijia_hall.lodging_income:wan}元。"),
    # 七、勞工博物館營運
    Sentence("museum", "勞工博物館{period}共計{museum.visitors}人次參觀。"),
    Sentence("museum", "{roc_year}年經文化部核定補助經常門{museum.culture_grant:wan}元，本府配合款{museum.city_match:wan}元。"),
    Sentence("museum", "爭取勞動部就安基金補助{museum.animation_grant:wan}元。"),
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


def period_values(period: dict) -> dict[str, str]:
    roc_year = period["year"] - 1911
    months = "1月至6月" if period["half"] == 1 else "7月至12月"
    return {
        "period": period.get("label_zh") or f"{roc_year}年{months}",
        "roc_year": str(roc_year),
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


def fill(sentence: Sentence, snapshot: dict, values: dict | None = None) -> str | None:
    """The sentence with the snapshot's figures; None when one of them is not in the snapshot."""
    values = snapshot_values(snapshot) if values is None else values
    names = period_values(snapshot["period"])
    try:
        names.update({name: derive(values) for name, derive in sentence.derived.items()})

        def replace(match):
            name, key, style = match[1], match[2], match[3]
            if name in names:
                return names[name]
            value = _cell(values[name], key) if key else values[name]
            return wan(value) if style == "wan" else number(value)

        return _PLACEHOLDER.sub(replace, sentence.template)
    except (KeyError, TypeError):
        return None


def _english_figure(item: dict) -> str:
    """6,545,000 NT$ reads badly: an amount is NT$6,545,000, a rate 95.3%, a count 86 sessions."""
    if item["unit"] == "元":
        return f"NT${number(item['value'])}"
    if item["unit"] == "%":
        return f"{number(item['value'])}%"
    return f"{number(item['value'])} {catalogue.unit(item['unit'], 'en')}"


def key_figures(snapshot: dict, section: str, lang: str = "zh-hant") -> list[tuple[str, list[str]]]:
    """The section's key figures as (text, ids read): the report's sentences in zh, one line per figure in en."""
    if catalogue.is_english(lang):
        return [
            (f"{catalogue.indicator_label(item['id'], lang, item['id'])}: {_english_figure(item)}", [item["id"]])
            for item in snapshot.get("indicators", []) if item["section"] == section
        ]
    values = snapshot_values(snapshot)
    filled = [(fill(sentence, snapshot, values), sentence.ids) for sentence in SENTENCES if sentence.section == section]
    return [(text, ids) for text, ids in filled if text is not None]
