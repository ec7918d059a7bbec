"""Key figures read as the report's own sentences, filled with the period's figures from the snapshot."""

import copy

from labor_portal.reporting import sentences

from .conftest import CATALOGUE

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


def test_english_key_figures_are_the_catalogues_english_labels():
    texts = [text for text, _ids in sentences.key_figures(SNAPSHOT, "unions", "en")]
    assert "Sum of those subsidies: NT$6,545,000" in texts
    assert "Campus labor-law lectures held: 34 sessions" in texts
