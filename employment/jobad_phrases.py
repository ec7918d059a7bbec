"""The job-ad checker's first phrase list (JobAdPhrase), seeded by a data migration; the section edits it in admin.

Plain phrases are matched after folding (see employment.jobads) and do not count where the ad negates them
(不限男女, 已婚未婚皆可); regular expressions are matched over the folded text as written. Kept here, outside the
migration, so that a regenerated migration can seed the same list with `seed_job_ad_phrases`.
"""

# (phrase, is_regex, ground, explanation zh-Hant, explanation English)
_GENDER_ZH = "以性別限制或偏好求職人，違反就業服務法第5條第1項（性別）及性別平等工作法第7條。"
_GENDER_EN = "Limiting or preferring applicants by sex breaches the Employment Service Act art. 5(1) (gender) and the Gender Equality in Employment Act art. 7."
_AGE_ZH = "以年齡限制求職人，違反就業服務法第5條第1項（年齡）；法令另有規定者（如未滿18歲不得從事危險性工作）除外。"
_AGE_EN = "An age limit breaches the Employment Service Act art. 5(1) (age), unless a law requires it (e.g. no hazardous work under 18)."
_MARRIAGE_ZH = "以婚姻狀況限制或偏好求職人，違反就業服務法第5條第1項（婚姻）。"
_MARRIAGE_EN = "Limiting or preferring applicants by marital status breaches the Employment Service Act art. 5(1) (marital status)."
_LOOKS_ZH = "以外貌、身材條件篩選求職人，違反就業服務法第5條第1項（容貌）；除非與職務之必要條件直接相關。"
_LOOKS_EN = "Selecting applicants by looks or build breaches the Employment Service Act art. 5(1) (appearance), unless the job genuinely requires it."

SEED_PHRASES = [
    (r"(?<![不無])限\s*[男女](?:\s*(?:性|生|士))?(?!\s*[男女])", True, "gender", _GENDER_ZH, _GENDER_EN),
    (r"(?<![男女])[男女](?:性|生)?\s*(?:優先|為佳|尤佳|佳)", True, "gender", _GENDER_ZH, _GENDER_EN),
    (r"(?:誠徵|徵求|招募)\s*[男女](?:性|生)?(?![男女性生])(?=\s*[\u4e00-\u9fff])", True, "gender", _GENDER_ZH, _GENDER_EN),
    ("female only", False, "gender", _GENDER_ZH, _GENDER_EN),
    ("male only", False, "gender", _GENDER_ZH, _GENDER_EN),
    ("未懷孕", False, "gender", "以懷孕與否篩選求職人，屬性別歧視（性別平等工作法第7條）。",
     "Selecting applicants by pregnancy is sex discrimination (Gender Equality in Employment Act art. 7)."),
    (r"(?<!\d)(?!1[5-8]\s*歲\s*(?:\(含\)\s*)?以上)\d{2}\s*歲\s*(?:\(含\)\s*)?(?:以下|以內|以上|上下|左右)", True, "age", _AGE_ZH, _AGE_EN),
    (r"(?<!\d)\d{2}\s*(?:歲\s*)?(?:~|-|至|到)\s*\d{2}\s*歲", True, "age", _AGE_ZH, _AGE_EN),
    (r"(?:限|需|須)\s*年輕|年輕(?:人|者)?\s*(?:優先|為佳|佳)", True, "age", _AGE_ZH, _AGE_EN),
    (r"中高齡.{0,3}(?:勿|不|免)", True, "age", _AGE_ZH, _AGE_EN),
    ("年齡限制", False, "age", _AGE_ZH, _AGE_EN),
    ("未婚", False, "marital_status", _MARRIAGE_ZH, _MARRIAGE_EN),
    ("已婚", False, "marital_status", _MARRIAGE_ZH, _MARRIAGE_EN),
    (r"(?:限|需|須)\s*單身|單身\s*(?:優先|為佳|佳|者)", True, "marital_status", _MARRIAGE_ZH, _MARRIAGE_EN),
    ("身高", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("體重", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("外型佳", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("外貌佳", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("外表佳", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("長相甜美", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("身材姣好", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("身材佳", False, "appearance", _LOOKS_ZH, _LOOKS_EN),
    ("五官端正", False, "facial_features", "以五官條件篩選求職人，違反就業服務法第5條第1項（五官）。",
     "Selecting applicants by facial features breaches the Employment Service Act art. 5(1) (facial features)."),
    ("五官清秀", False, "facial_features", "以五官條件篩選求職人，違反就業服務法第5條第1項（五官）。",
     "Selecting applicants by facial features breaches the Employment Service Act art. 5(1) (facial features)."),
    (r"身心健全|四肢健全|身體健全|(?:無|非)\s*(?:身心障礙|身障)|身(?:心)?障.{0,3}(?:勿|不|免)", True, "disability",
     "以身心障礙與否篩選求職人，違反就業服務法第5條第1項（身心障礙）。",
     "Excluding people with disabilities breaches the Employment Service Act art. 5(1) (disability)."),
    (r"(?<![不無])限\s*(?:本地|在地|本省|外省|南部|北部|中部|東部|高雄|台北|台中|台南)\s*(?:人|籍)|(?:本地|在地)人\s*(?:優先|為佳|佳)",
     True, "birthplace", "以出生地或籍貫限制求職人，違反就業服務法第5條第1項（出生地、籍貫）。",
     "Limiting applicants by place of birth or origin breaches the Employment Service Act art. 5(1) (birthplace)."),
    (r"限\s*漢人|(?:原住民|新住民|外籍配偶).{0,3}(?:勿|不|免)", True, "race",
     "以種族、族群篩選求職人，違反就業服務法第5條第1項（種族）。",
     "Selecting applicants by race or ethnicity breaches the Employment Service Act art. 5(1) (race)."),
    (r"無宗教信仰|限\s*(?:基督|佛教|天主|道教|回教|一貫道)", True, "religion",
     "以宗教信仰篩選求職人，違反就業服務法第5條第1項（宗教）。",
     "Selecting applicants by religion breaches the Employment Service Act art. 5(1) (religion)."),
    (r"黨員|黨籍", True, "party", "以黨派篩選求職人，違反就業服務法第5條第1項（黨派）。",
     "Selecting applicants by political party breaches the Employment Service Act art. 5(1) (party)."),
    ("限異性戀", False, "sexual_orientation", "以性傾向篩選求職人，違反就業服務法第5條第1項（性傾向）。",
     "Selecting applicants by sexual orientation breaches the Employment Service Act art. 5(1) (sexual orientation)."),
    (r"(?:同性戀|同志).{0,3}(?:勿|不|免)", True, "sexual_orientation", "以性傾向篩選求職人，違反就業服務法第5條第1項（性傾向）。",
     "Selecting applicants by sexual orientation breaches the Employment Service Act art. 5(1) (sexual orientation)."),
    ("星座", False, "zodiac", "以星座篩選求職人，違反就業服務法第5條第1項（星座）。",
     "Selecting applicants by zodiac sign breaches the Employment Service Act art. 5(1) (zodiac sign)."),
    ("血型", False, "blood_type", "以血型篩選求職人，違反就業服務法第5條第1項（血型）。",
     "Selecting applicants by blood type breaches the Employment Service Act art. 5(1) (blood type)."),
    (r"(?:未|不曾|沒有|無)\s*(?:參加|加入)(?:過)?\s*工會|(?:曾|參加|加入)(?:過)?\s*工會\s*者?\s*(?:勿|不|免)|不得\s*(?:參加|加入)\s*工會",
     True, "union_membership", "以曾否參加工會篩選求職人，違反就業服務法第5條第1項（以往工會會員身分）及工會法第35條。",
     "Selecting applicants by past union membership breaches the Employment Service Act art. 5(1) and the Labor Union Act art. 35."),
]


def seed_job_ad_phrases(apps, schema_editor):
    """Data migration: the first list, once (a phrase already there is left as the section edited it)."""
    phrase_model = apps.get_model("employment", "JobAdPhrase")
    for phrase, is_regex, ground, explanation_zh, explanation_en in SEED_PHRASES:
        phrase_model.objects.get_or_create(
            phrase=phrase, is_regex=is_regex,
            defaults={"ground": ground, "explanation_zh": explanation_zh, "explanation_en": explanation_en},
        )


def seed_pay_range_threshold(apps, schema_editor):
    """Data migration: NT$40,000 from 2018-11-30, when art. 5 para. 2 subpara. 6 came into force."""
    rule_model = apps.get_model("core", "LegalRule")
    rule_model.objects.get_or_create(
        key="employment.pay_range_threshold", valid_from="2018-11-30",
        defaults={
            "value": 40000, "title": "應揭示薪資範圍之月薪門檻（新臺幣）",
            "citation": "就業服務法第5條第2項第6款",
        },
    )
