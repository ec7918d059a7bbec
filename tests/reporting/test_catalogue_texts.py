"""The catalogue's words in both languages: the same titles as the specification, English for every header."""

import re

import pytest

from labor_portal.reporting import catalogue
from tests.specification import CATALOGUE

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("spec", CATALOGUE["tables"], ids=lambda table: table["id"])
def test_a_table_has_the_specifications_titles_columns_and_rows_without_its_values(spec):
    stored = catalogue.item(spec["id"])
    assert (stored["title_zh"], stored["title_en"]) == (spec["title_zh"], spec["title_en"])
    assert stored["columns"] == spec["columns"]
    assert stored["row_labels"] == [row["label"] for row in spec["rows"]]
    assert stored.get("note_zh") == spec.get("note")
    assert "rows" not in stored and "value" not in stored  # the values come from records, never from here
    assert catalogue.title(spec["id"], "en") == spec["title_en"]
    assert catalogue.title(spec["id"], "zh-hant") == spec["title_zh"]


@pytest.mark.parametrize("spec", CATALOGUE["indicators"], ids=lambda indicator: indicator["id"])
def test_an_indicator_has_its_sentence_unit_and_english_label(spec):
    assert catalogue.indicator_label(spec["id"], "zh-hant") == spec["text_zh"]
    english = catalogue.indicator_label(spec["id"], "en")
    assert english.lower() == spec["basis"].lower() and not HAN.search(english)
    assert catalogue.unit(spec["id"]) == spec["unit"]
    assert not HAN.search(catalogue.unit(spec["id"], "en"))
    assert "value" not in catalogue.item(spec["id"])


def test_every_header_and_row_label_of_the_specification_reads_in_english():
    untranslated = {
        text
        for table in CATALOGUE["tables"]
        for text in [*table["columns"], *(row["label"] for row in table["rows"]),
                     *catalogue.corner(table["id"], "zh-hant")]
        if HAN.search(catalogue.row_label(text, "en")) or HAN.search(catalogue.label(text, "en"))
    }
    assert untranslated == set()


@pytest.mark.parametrize(("text", "english"), [
    ("108年第3季", "Q3 2019"), ("第24條", "Art. 24"), ("23,048,000元", "NT$23,048,000"),
    ("公立:機關", "Public:Agencies"), ("王小明", "王小明"),
])
def test_labels_made_from_data_are_translated_by_their_pattern(text, english):
    assert catalogue.label(text, "en") == english
    assert catalogue.label(text, "zh-hant") == text


def test_a_note_with_figures_takes_them_from_the_chinese_note_of_the_period():
    zh = "法定應進用6,000人，實際已進用9,000人，法定應進用未足數120人。"
    assert catalogue.note("disability_services.quota_employment", "en", zh) == (
        "Persons required by law: 6,000; actually employed: 9,000; shortfall of obliged employers below quota: 120.")
    assert catalogue.note("disability_services.quota_employment", "zh-hant", zh) == zh
    assert catalogue.note("disputes.by_category", "en").startswith("The total includes")


def test_multi_level_headers_group_as_the_report_prints_them():
    quota = catalogue.item("disability_services.quota_employment")["columns"]
    assert catalogue.header_levels(quota)[:3] == [
        ("總計", None), ("公立機關(構)", "合計"), ("公立機關(構)", "機關")]
    condolence = catalogue.item("welfare.accident_condolence")["columns"]
    assert catalogue.header_levels(condolence)[:2] == [("職災死亡(10~30萬)", "件數"), ("職災死亡(10~30萬)", "金額")]
    assert catalogue.corner("unions.by_type") == ("類別", "數量")
    assert catalogue.corner("unions.statutory_meetings", "en") == ("Meeting", "Count")
    assert catalogue.corner("migrant_workers.penalties") == ("項目", "")
