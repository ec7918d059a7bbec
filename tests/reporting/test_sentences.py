"""Key figures read as the report's own sentences, filled with the period's figures from the snapshot."""

import copy

from labor_portal.reporting import sentences
from tests.specification import CATALOGUE

# The catalogue is in the snapshot's shape: it stands for a computed 2020H1 here.
SNAPSHOT = CATALOGUE


def _texts(snapshot, section):
    return [text for text, _ids in sentences.key_figures(snapshot, section)]


def test_the_discrimination_sentence_reads_as_the_report_prints_it():
    assert ("109年1月至6月受理就業歧視暨性別工作平等申訴案件47案，分別為性騷擾案25案、性別歧視13案、年齡歧視4案、"
            "身心障礙歧視2案、出生地歧視1案、以往工會會員歧視1案及其他1案。") in _texts(SNAPSHOT, "employment")


def test_a_changed_figure_changes_its_sentence():
    changed = copy.deepcopy(SNAPSHOT)
    table = next(t for t in changed["tables"] if t["id"] == "employment.discrimination_complaints")
    table["rows"][0]["values"][0] = 30  # 性騷擾
    table["rows"][0]["values"][-1] = 52  # 合計
    amount = next(i for i in changed["indicators"] if i["id"] == "unions.education_grants.amount")
    amount["value"] = 10_020_300
    employment, unions = _texts(changed, "employment"), _texts(changed, "unions")
    assert any("申訴案件52案，分別為性騷擾案30案" in text for text in employment)
    assert any("補助金額計新臺幣1002萬300元" in text for text in unions)
    assert not any("申訴案件47案" in text for text in employment)


def test_the_period_words_follow_the_snapshots_period():
    later = copy.deepcopy(SNAPSHOT)
    later["period"] = {"year": 2021, "half": 2, "label_zh": "110年7月至12月"}
    texts = _texts(later, "inspections")
    assert "110年7月至12月計19人死亡，與過去3年(107-109)同期平均23人相比減少4人。" in texts
    assert "截至110年12月底，本市工會家數計847家。" in _texts(later, "unions")


def test_a_sentence_whose_figure_is_missing_is_left_out():
    partial = copy.deepcopy(SNAPSHOT)
    partial["indicators"] = [i for i in partial["indicators"] if i["id"] != "museum.city_match"]
    texts = _texts(partial, "museum")
    assert not any("配合款" in text for text in texts)
    assert any("參觀" in text for text in texts)


def test_every_indicator_of_the_catalogue_is_in_a_sentence_and_the_ids_are_listed():
    said = {id_ for sentence in sentences.SENTENCES for id_ in sentence.ids}
    assert {item["id"] for item in CATALOGUE["indicators"]} <= said
    ids = dict(sentences.key_figures(SNAPSHOT, "disputes"))
    assert ids["109年1月至6月受理勞資爭議案件2,033件，調解成立1,561件。"] == ["disputes.by_category"]


def test_numbers_are_written_as_the_report_writes_them():
    assert sentences.wan(6_545_000) == "654萬5,000"
    assert sentences.wan(400_000) == "40萬"
    assert sentences.wan(10_830) == "1萬830"
    assert sentences.wan(830) == "830"
    assert sentences.number(1586) == "1,586" and sentences.number(3010.5) == "3,010.5"
    assert sentences.number(None) == "-"
    assert sentences.change_zh(-4, "人") == "減少4人" and sentences.change_zh(3, "人") == "增加3人"
    assert sentences.change_zh(0, "人") == "持平"


def _english(snapshot, section):
    return [text for text, _ids in sentences.key_figures(snapshot, section, "en")]


def test_english_key_figures_are_the_reports_sentences_in_english():
    assert ("In January to June 2020, union federations and local unions were subsidised for 86 labor-education "
            "events, NT$6,545,000 in all.") in _english(SNAPSHOT, "unions")
    assert ("In January to June 2020, 47 employment discrimination and gender equality complaints were received: "
            "sexual harassment 25, gender 13, age 4, disability 2, place of birth 1, past union membership 1 and "
            "other 1.") in _english(SNAPSHOT, "employment")
    # A label in a cell and the derived comparison are English too; the 萬元 column reads in full.
    inspections = _english(SNAPSHOT, "inspections")
    assert "In January to June 2020, Labor Standards Act penalties were most often under Art. 24, 134 times." \
        in inspections
    assert any("19 workers died at work, 4 fewer than the average of 23 in the same half of the past 3 years "
               "(2017-2019)." in text for text in inspections)
    assert any("condolence payments were made, NT$8,030,000 in all." in text for text in _english(SNAPSHOT, "welfare"))


def test_english_sentences_carry_this_periods_numbers():
    later = copy.deepcopy(SNAPSHOT)
    later["period"] = {"year": 2021, "half": 2, "label_zh": "110年7月至12月"}
    table = next(t for t in later["tables"] if t["id"] == "employment.discrimination_complaints")
    table["rows"][0]["values"][-1] = 1052  # 合計
    assert "At the end of December 2021, the city had 847 unions." in _english(later, "unions")
    assert any(text.startswith("In July to December 2021, 1,052 employment discrimination")
               for text in _english(later, "employment"))


def test_every_sentence_has_its_english_over_the_same_figures():
    for sentence in sentences.SENTENCES:
        assert sentence.en and not any("\u4e00" <= ch <= "\u9fff" for ch in sentence.en.split("[")[0]), sentence.template
        assert sentence.ids_en == sentence.ids, sentence.en
    for section in {sentence.section for sentence in sentences.SENTENCES}:
        assert len(_english(SNAPSHOT, section)) == len(_texts(SNAPSHOT, section)), section
