"""The report catalogue's words, in zh-Hant and English: titles, labels, units, notes and corner headers.

The descriptive half of the report specification (tests/data/report-2020H1.json without its values) is kept in
catalogue.json beside this module, so that pages, the workbook and open data print the same titles in both
languages. The headers the report prints in Chinese only (columns, row labels, units) are translated here.

    title("disputes.by_category", "en")         → "Labor disputes received, by category and outcome"
    indicator_label("unions.campus_lectures", "en")
    unit("unions.campus_lectures", "en")       → "sessions"
    note("welfare.accident_condolence", "en", zh_note)
    label("公立:機關", "en")                      → "Public:Agencies"
"""

import json
import re
from functools import cache
from pathlib import Path

CATALOGUE_PATH = Path(__file__).with_name("catalogue.json")
ENGLISH = "en"


@cache
def catalogue() -> dict:
    """The catalogue as stored: {"tables": [...], "indicators": [...], "sections": [...]}."""
    return json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))


@cache
def _items() -> dict[str, dict]:
    return {item["id"]: item for item in (*catalogue()["tables"], *catalogue()["indicators"])}


def item(item_id: str) -> dict | None:
    """The catalogue entry of a table or an indicator, None for an id the catalogue does not have."""
    return _items().get(item_id)


def is_english(lang: str | None) -> bool:
    return (lang or "").lower().startswith(ENGLISH)


def title(item_id: str, lang: str = "zh-hant", default: str = "") -> str:
    """A table's title; for an indicator, its label."""
    entry = item(item_id)
    if entry is None:
        return default
    if "title_zh" not in entry:
        return indicator_label(item_id, lang, default)
    return entry["title_en"] if is_english(lang) else entry["title_zh"]


def indicator_label(item_id: str, lang: str = "zh-hant", default: str = "") -> str:
    """What an indicator counts: the report's sentence (zh) or the catalogue's basis, capitalised (en)."""
    entry = item(item_id)
    if entry is None:
        return default
    if is_english(lang):
        basis = entry["basis_en"]
        return basis[:1].upper() + basis[1:]
    return entry.get("text_zh", default)


# The units the catalogue prints after a figure.
UNITS_EN = {
    "%": "%", "人": "persons", "人次": "person-visits", "件": "cases", "件次": "cases", "份": "copies",
    "位": "persons", "個": "items", "元": "NT$", "名": "persons", "場": "events", "場次": "sessions",
    "家": "establishments", "戶": "households", "期": "issues", "案": "cases", "案次": "cases", "班": "classes",
    "處": "sites", "車次": "trips", "萬元": "NT$10,000", "小時": "hours",
}


def unit(item_id_or_unit: str, lang: str = "zh-hant") -> str:
    """The unit of an indicator (given its id), or a unit itself translated."""
    entry = item(item_id_or_unit)
    zh = entry["unit"] if entry and "unit" in entry else item_id_or_unit
    return UNITS_EN.get(zh, zh) if is_english(lang) else zh


# Notes as the sections print them, by table id, in English. A note with figures in it (the quota table's)
# has {} placeholders, filled in order with the numbers of the Chinese note: its figures come from the records.
NOTES_EN = {
    "disputes.by_category": "The total includes settled, not settled, withdrawn and pending cases.",
    "disputes.by_channel": "The total includes settled, not settled and pending cases.",
    "inspections.lsa_violations_by_article": (
        "Percentage: the share of each article in all violations of the Labor Standards Act penalised in the period."
    ),
    "disability_services.quota_employment": (
        "Persons required by law: {}; actually employed: {}; shortfall of obliged employers below quota: {}."
    ),
    "disability_services.over_quota_rewards": (
        "Over-quota rewards may be applied for within two months after each quarter; a quarter still open for "
        "applications shows \u201c-\u201d."
    ),
    "welfare.accident_condolence": (
        "A case re-graded to a higher band is paid the difference only and counted once, in its final band at "
        "period end; its amount is the sum of the payments made in the period."
    ),
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def note(table_id: str, lang: str = "zh-hant", zh_note: str | None = None) -> str:
    """A table's note in `lang`. `zh_note` is the note the snapshot carries (the catalogue's when omitted)."""
    entry = item(table_id) or {}
    zh = zh_note if zh_note is not None else entry.get("note_zh", "")
    if not is_english(lang) or not zh:
        return zh
    english = NOTES_EN.get(table_id)
    if english is None:
        return zh
    return english.format(*_NUMBER.findall(zh)) if "{}" in english else english


# The report's corner header of each table: (what the columns are, what the rows are), printed split by a
# diagonal line as in the report (e.g. 類別 over 數量). Tables the report prints with 項目 have no entry.
CORNERS = {
    "unions.by_type": ("類別", "數量"),
    "unions.statutory_meetings": ("會議別", "次數"),
    "inspections.lsa_violations_by_article": ("名次", ""),
    "disputes.by_category": ("成立與否", "爭議類別"),
    "disputes.by_channel": ("成立與否", "處理方式"),
    "disability_services.quota_employment": ("項目別", ""),
    "disability_services.over_quota_rewards": ("項目", "獎勵期間"),
    "welfare.accident_condolence": ("類別", "預算"),
}
DEFAULT_CORNER = ("項目", "")


def corner(table_id: str, lang: str = "zh-hant") -> tuple[str, str]:
    """The corner header of a table as (column side, row side); the second is "" for a single word."""
    top, side = CORNERS.get(table_id, DEFAULT_CORNER)
    return label(top, lang), label(side, lang) if side else ""


# English of the column and row headers the sections print (and of the corner words).
LABELS_EN = {
    "項目": "Item", "項目別": "Item", "類別": "Type", "數量": "Number", "會議別": "Meeting", "次數": "Count",
    "名次": "Rank", "成立與否": "Outcome", "爭議類別": "Category", "處理方式": "Channel", "獎勵期間": "Quarter",
    "預算": "Budget",
    # unions
    "工會聯合組織": "Federations", "企業工會": "Enterprise unions", "產業工會": "Industrial unions",
    "職業工會": "Craft unions", "合計": "Total", "小計": "Subtotal", "總計": "Grand total", "家數": "Unions",
    "會員(代表)大會": "General (delegates') assemblies", "理事會": "Board of directors",
    "監事會": "Board of supervisors", "會次": "Meetings",
    # inspections
    "第一名": "1st", "第二名": "2nd", "第三名": "3rd", "第四名": "4th", "第五名": "5th", "第六名": "6th",
    "第七名": "7th", "第八名": "8th", "條次": "Article", "百分比": "Percentage",
    # disputes
    "成立": "Settled", "成立(%)": "Settled (%)", "不成立": "Not settled", "不成立(%)": "Not settled (%)",
    "調解中之案件": "Pending", "工資爭議": "Wages", "契約爭議": "Contract", "職災爭議": "Occupational injury",
    "退休爭議": "Retirement", "勞保爭議": "Labor insurance", "其他爭議": "Other",
    "民間團體調處": "Mediation by civic groups", "主管機關調解人": "Mediators of the authority",
    "調解委員會": "Mediation committee",
    # employment
    "案件數": "Cases", "性騷擾": "Sexual harassment", "性別歧視": "Gender", "年齡歧視": "Age",
    "身心障礙歧視": "Disability", "出生地歧視": "Place of birth", "以往工會會員歧視": "Past union membership",
    "其他": "Other", "產訓合作職前訓練班": "Industry-cooperation pre-employment classes",
    "委外失業者職業訓練": "Contracted training for the unemployed",
    "補助照顧服務員等職業訓練": "Subsidised care-worker training", "班數": "Classes",
    "總訓練時數": "Training hours", "招(開)訓人數": "Trainees enrolled", "結訓人數": "Trainees completed",
    # migrant workers
    "件數": "Cases", "例行訪查": "Routine visits", "入國通報(訪查)": "Arrival notifications (visits)",
    "交辦案件": "Assigned cases", "例行訪查、交辦案件、其他": "Routine visits, assigned cases, other",
    "法令諮詢": "Legal advice", "勞資爭議": "Labor disputes", "解約驗證": "Contract termination checks",
    "裁處案件": "Penalty decisions", "接續通報、入國通報": "Transfer and arrival notifications",
    "離境報備、逃逸報備、撤銷報備、廢止通報": "Departure, absconding, cancellation and revocation reports",
    # disability services
    "公立機關(構)": "Public", "私立機關(構)": "Private", "公立機關(構)合計": "Public: total", "私立機關(構)合計": "Private: total", "公立": "Public",
    "私立": "Private", "機關": "Agencies", "學校": "Schools", "公營企業": "State enterprises", "團體": "Groups",
    "民營": "Private enterprises", "義務機關構數": "Obliged employers", "獎勵": "Above quota",
    "足額": "At quota", "不足額": "Below quota", "法定應進用不足人數": "Persons short of quota",
    "核定獎勵廠商(家次)": "Employers rewarded", "獎勵人數(人次)": "Persons rewarded",
    "獎勵金額(元)": "Reward amount (NT$)",
    # welfare
    "職災死亡(10~30萬)": "Death (NT$100,000–300,000)", "職災死亡": "Death",
    "失能1-5級(3萬)": "Disability grade 1–5 (NT$30,000)", "失能1-5級": "Disability grade 1–5",
    "失能6-10級(2萬)": "Disability grade 6–10 (NT$20,000)", "失能6-10級": "Disability grade 6–10",
    "失能11-15級(1萬)": "Disability grade 11–15 (NT$10,000)", "失能11-15級": "Disability grade 11–15",
    "金額": "Amount (NT$10,000)", "金額(萬元)": "Amount (NT$10,000)",
}
# Labels made from data: a quarter (108年第3季), an article (第24條), an amount in yuan (23,048,000元).
_PATTERNS_EN = [
    (re.compile(r"^(\d+)年第(\d)季$"), lambda m: f"Q{m[2]} {int(m[1]) + 1911}"),
    (re.compile(r"^第(\d+(?:-\d+)?)條$"), lambda m: f"Art. {m[1]}"),
    (re.compile(r"^([\d,]+)元$"), lambda m: f"NT${m[1]}"),
]


def label(text: str, lang: str = "zh-hant") -> str:
    """A column or row header in `lang`; 'a:b' (a two-level header) is translated level by level.

    A label neither listed nor recognised stays as printed (a name from the records, say)."""
    if not is_english(lang) or not isinstance(text, str):
        return text
    if ":" in text:
        return ":".join(label(part, lang) for part in text.split(":", 1))
    if text in LABELS_EN:
        return LABELS_EN[text]
    for pattern, english in _PATTERNS_EN:
        match = pattern.match(text)
        if match:
            return english(match)
    return text


# Multi-level column headers as the report prints them. A column 'a:b' is b under a; a column printed under a
# group without the colon is listed in WHOLE_COLUMNS; a group printed with a longer name is in GROUP_TITLES.
WHOLE_COLUMNS = {"公立機關(構)合計": ("公立機關(構)", "合計"), "私立機關(構)合計": ("私立機關(構)", "合計")}
GROUP_TITLES = {"公立": "公立機關(構)", "私立": "私立機關(構)"}
_BAND = re.compile(r"\(.*?\)$")


def header_levels(columns: list[str]) -> list[tuple[str, str | None]]:
    """(top, sub) of each column, zh: '公立:機關' → ('公立機關(構)', '機關'); a plain column has no sub.

    Consecutive columns of one group get the same top — the first's: the condolence bands are written
    '職災死亡(10~30萬):件數', '職災死亡:金額', both under '職災死亡(10~30萬)' as the report prints them.
    """
    levels: list[tuple[str, str | None]] = []
    previous_key = None
    for column in columns:
        if column in WHOLE_COLUMNS:
            top, sub = WHOLE_COLUMNS[column]
        elif ":" in column:
            top, sub = column.split(":", 1)
            top = GROUP_TITLES.get(top, top)
        else:
            levels.append((column, None))
            previous_key = None
            continue
        key = _BAND.sub("", top)
        if key == previous_key:
            top = levels[-1][0]
        levels.append((top, sub))
        previous_key = key
    return levels


# Row labels printed in two levels ('義務機關構數:合計'): any other label is a label, colon or not (a name).
ROW_GROUPS = {"義務機關構數"}


def row_label(text, lang: str = "zh-hant"):
    """A row label as printed: a two-level one ('義務機關構數:合計') reads 義務機關構數－合計."""
    if not isinstance(text, str):
        return text
    if text.split(":", 1)[0] not in ROW_GROUPS or ":" not in text:
        return label(text, lang)
    return (" – " if is_english(lang) else "－").join(label(part, lang) for part in text.split(":", 1))


def table_ids(section: str | None = None) -> list[str]:
    """The catalogue's table ids, in report order, of one section or all."""
    return [table["id"] for table in catalogue()["tables"] if section is None or table["section"] == section]
