"""The job-ad checker: real ad wordings flagged (and lawful ones not), the pay-range rule at its threshold, and the
public page (accessible errors, rate limit, nothing stored)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import override_settings

from employment.jobad_phrases import SEED_PHRASES
from employment.jobads import MAX_AD_LENGTH, check_job_ad, compile_phrases, fold
from employment.models import PAY_RANGE_THRESHOLD_RULE, JobAdPhrase
from labor_portal.core.models import LegalRule

URL = "/employment/job-ad-checker/"


class _Phrase:
    def __init__(self, phrase, is_regex, ground, explanation_zh, explanation_en):
        self.phrase, self.is_regex, self.ground = phrase, is_regex, ground
        self.explanation_zh, self.explanation_en = explanation_zh, explanation_en


PHRASES = compile_phrases(_Phrase(*row) for row in SEED_PHRASES)


def _grounds(text, threshold=40_000):
    return [(finding.excerpt, finding.phrase.ground) for finding in check_job_ad(text, PHRASES, threshold).findings]


# Wordings from real job ads (104, 1111, Facebook groups, shop windows) and what the checker must say.
FLAGGED = [
    ("誠徵門市人員，限女，35歲以下", [("限女", "gender"), ("35歲以下", "age")]),
    ("會計助理，限三十五歲以下，未婚", [("三十五歲以下", "age"), ("未婚", "marital_status")]),
    ("限３５歲以下，需輪班", [("３５歲以下", "age")]),
    ("倉管人員　限男性，需會開堆高機", [("限男性", "gender")]),
    ("女性優先，具美容丙級證照", [("女性優先", "gender")]),
    ("誠徵女店員數名", [("誠徵女", "gender")]),
    ("年齡25~35歲，有經驗佳", [("25~35歲", "age")]),
    ("年齡：二十五至三十五歲", [("25至35歲", "age")]),  # quoted as folded digits point back into the words
    ("身高160公分以上，外型佳", [("身高", "appearance"), ("外型佳", "appearance")]),
    ("櫃台接待：五官端正、身材姣好", [("五官端正", "facial_features"), ("身材姣好", "appearance")]),
    ("限本地人，熟悉高雄路況", [("限本地人", "birthplace")]),
    ("曾加入工會者勿試", [("加入工會者勿", "union_membership")]),
    ("需身心健全，能久站", [("身心健全", "disability")]),
    ("45歲以上勿試", [("45歲以上", "age")]),
    ("限單身，可配合外派", [("限單身", "marital_status")]),
    ("血型O型者佳", [("血型", "blood_type")]),
    ("ＦＥＭＡＬＥ ＯＮＬＹ, part-time", [("ＦＥＭＡＬＥ ＯＮＬＹ", "gender")]),
    ("限 女 性", [("限 女 性", "gender")]),
]
NOT_FLAGGED = [
    "限有駕照",
    "需有機車駕照及機車",
    "不限男女，學歷不拘",
    "男女不拘，無經驗可",
    "已婚未婚皆可，歡迎二度就業",
    "年滿18歲以上（夜班）",
    "16歲以上可兼職",
    "提供單身宿舍",
    "年輕有活力的團隊，歡迎加入",
    "限大學以上畢業，具英文能力",
    "具堆高機操作證照",
    "不限身高",
]


@pytest.mark.parametrize(("ad", "expected"), FLAGGED, ids=[ad for ad, _ in FLAGGED])
def test_discriminatory_wordings_are_flagged(ad, expected):
    found = _grounds(ad)
    if ad.startswith("年齡：二十五"):
        assert [ground for _excerpt, ground in found] == ["age"]
        assert found[0][0] == "二十五至三十五歲"
    else:
        assert found == expected


@pytest.mark.parametrize("ad", NOT_FLAGGED)
def test_lawful_wordings_are_not_flagged(ad):
    assert _grounds(ad) == []


def test_full_width_and_written_out_ages_fold_to_the_same_text():
    assert fold("限３５歲以下").text == fold("限三十五歲以下").text == "限35歲以下"
    assert fold("ＮＴ＄３５，０００").text == "nt$35,000"


def _pay(text, threshold=40_000):
    result = check_job_ad(text, [], threshold)
    return [(item.amount, item.is_range) for item in result.pay], [item.amount for item in result.pay_without_range]


def test_pay_under_the_threshold_without_a_range_is_warned_and_at_the_threshold_is_not():
    assert _pay("月薪39,999元") == ([(39_999, False)], [39_999])
    assert _pay("月薪40,000元") == ([(40_000, False)], [])
    assert _pay("月薪 NT$40000") == ([(40_000, False)], [])
    # The threshold is the one given (dated data): a lower one makes 39,999 lawful.
    assert _pay("月薪39,999元", threshold=35_000)[1] == []


@pytest.mark.parametrize("text", ["月薪30,000~35,000元", "月薪3萬至3.5萬", "薪資：28000-32000", "月薪3萬以上",
                                  "底薪 28,000 元起"])
def test_a_pay_range_is_what_the_law_asks(text):
    statements, warned = _pay(text)
    assert statements and all(is_range for _amount, is_range in statements)
    assert warned == []


@pytest.mark.parametrize(("text", "amount"), [
    ("薪資：新台幣三萬五千元", 35_000), ("月薪2萬8", 28_000), ("28000元/月", 28_000), ("月薪ＮＴ＄３５，０００", 35_000),
    ("待遇 3.2萬", 32_000),
])
def test_amounts_are_read_in_their_usual_spellings(text, amount):
    assert _pay(text) == ([(amount, False)], [amount])


def test_hourly_and_daily_pay_are_not_monthly_pay():
    assert _pay("時薪176元") == ([], [])
    assert _pay("日薪1,500元") == ([], [])


@pytest.mark.parametrize("unit", ["1", "薪", "月薪1,", "三", "十", "限女 ", "月薪 3萬"])
def test_no_text_of_the_maximum_length_makes_the_check_slow(unit):
    import time

    text = (unit * (MAX_AD_LENGTH // len(unit)))[:MAX_AD_LENGTH - 1] + "歲"
    started = time.perf_counter()
    check_job_ad(text, PHRASES, 40_000)
    # About 0.1 s here; a quadratic pattern took 25 s on 5,000 digits.
    assert time.perf_counter() - started < 2


def test_negotiable_pay_alone_gets_a_reminder():
    assert check_job_ad("待遇面議", [], 40_000).pay_negotiable_only
    assert not check_job_ad("薪資面議，月薪45,000起", [], 40_000).pay_negotiable_only


def test_a_bad_regular_expression_is_refused_in_admin_and_skipped_by_the_checker():
    from django.core.exceptions import ValidationError

    phrase = JobAdPhrase(phrase="限(女", is_regex=True, ground="gender", explanation_zh="x", explanation_en="x")
    with pytest.raises(ValidationError):
        phrase.clean()
    assert compile_phrases([phrase]) == []


# --- The page -------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_the_seeded_phrases_and_threshold_are_in_the_database():
    assert JobAdPhrase.objects.filter(active=True).count() == len(SEED_PHRASES)
    rule = LegalRule.objects.get(key=PAY_RANGE_THRESHOLD_RULE)
    assert (rule.value, rule.valid_from) == (Decimal(40000), date(2018, 11, 30))


@pytest.mark.django_db
def test_the_page_shows_findings_and_the_pay_warning_and_stores_nothing(client):
    before = {model: model.objects.count() for model in (JobAdPhrase, LegalRule)}
    response = client.post(URL, {"text": "誠徵門市人員，限女，月薪28,000元"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "「限女」" in page and "性別" in page
    assert 'id="pay-warning-1"' in page and "28,000" in page
    assert {model: model.objects.count() for model in before} == before


@pytest.mark.django_db
def test_a_clean_ad_is_said_to_be_clean(client):
    page = client.post(URL, {"text": "誠徵倉管人員，男女不拘，月薪32,000至36,000元"}).content.decode()
    assert "未發現可能構成就業歧視的用語" in page


@pytest.mark.django_db
def test_an_inactive_phrase_is_not_used(client):
    JobAdPhrase.objects.filter(phrase="未婚").update(active=False)
    page = client.post(URL, {"text": "限未婚"}).content.decode()
    assert "「未婚」" not in page


@pytest.mark.django_db
def test_the_explanation_is_in_english_on_the_english_page(client):
    page = client.post(URL, {"text": "限女"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Employment Service Act art. 5(1)" in page


@pytest.mark.django_db
def test_empty_and_too_long_ads_are_refused_with_an_announced_error(client):
    response = client.post(URL, {"text": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page and 'aria-invalid="true"' in page and 'aria-describedby="id_text_error"' in page
    response = client.post(URL, {"text": "徵" * (MAX_AD_LENGTH + 1)})
    assert response.status_code == 400
    assert f"{MAX_AD_LENGTH:,}" in response.content.decode()


@pytest.mark.django_db
def test_the_form_has_a_label(client):
    page = client.get(URL).content.decode()
    assert '<label for="id_text">' in page


@pytest.mark.django_db
@override_settings(RATE_LIMITS={"employment.job_ad_checker": "3/10m"})
def test_checks_are_rate_limited_per_address(client):
    codes = [client.post(URL, {"text": "限女"}, REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.post(URL, {"text": "限女"}, REMOTE_ADDR="203.0.113.10").status_code == 200


@pytest.fixture
def seeded(transactional_db):
    """The data migration's rows (a live-server test's database is flushed between tests)."""
    from django.apps import apps

    from employment.jobad_phrases import seed_job_ad_phrases, seed_pay_range_threshold

    seed_job_ad_phrases(apps, None)
    seed_pay_range_threshold(apps, None)


@pytest.mark.browser
def test_the_checker_and_the_register_are_accessible(seeded, browser_page, live_server):
    from tests.core.test_accessibility import assert_accessible

    for path in (URL, "/employment/discrimination-register/"):
        assert_accessible(browser_page, live_server.url + path)
    # With its findings, and with an error announced.
    browser_page.goto(live_server.url + URL)
    browser_page.get_by_label("徵才廣告內容").fill("誠徵門市人員，限女，35歲以下，月薪28,000元")
    browser_page.get_by_role("button", name="檢查廣告").click()
    browser_page.wait_for_selector("#result")
    assert_accessible(browser_page)
    browser_page.get_by_label("徵才廣告內容").fill("")
    browser_page.get_by_role("button", name="檢查廣告").click()
    browser_page.wait_for_selector("#form-errors")
    assert_accessible(browser_page)
