from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from labor_portal.core.validators import (
    is_valid_business_number,
    is_valid_personal_id,
    mask_name,
    mask_personal_id,
    normalize_identifier,
    validate_birth_date,
    validate_business_number,
    validate_personal_id,
)

VALID_PERSONAL_IDS = [
    "A123456789",  # the Ministry of the Interior's textbook example
    "F131104093",
    "A178657978",
    "F274650756",
    "K146563213",
    "Z209281596",
    "O136338757",  # O and I are numbered out of alphabetical order (35, 34)
    "I200474390",
    "a123456789",  # lower case is accepted and read as upper case
    # resident certificates, new format (2021): letter + 8/9
    "A800000014",
    "B812345609",
    "C987654303",
    "Y861748332",
    # resident certificates, old format: two letters, the second A-D
    "AC01234503",
    "BD33532657",
    "FA40722472",
    "CD76543208",
]

INVALID_PERSONAL_IDS = [
    "A123456788",  # wrong check digit
    "A123456780",
    "F131104094",
    "A323456789",  # gender digit must be 1 or 2 (or 8/9 for new resident numbers)
    "A723456789",
    "1123456789",  # must start with a letter
    "A12345678",  # too short
    "A1234567890",  # too long
    "AE01234503",  # old resident second letter only A-D
    "AC01234504",
    "B812345608",
    "",
    "A12345678X",
]


@pytest.mark.parametrize("number", VALID_PERSONAL_IDS)
def test_valid_personal_ids_pass(number):
    assert is_valid_personal_id(number)
    validate_personal_id(number)


@pytest.mark.parametrize("number", INVALID_PERSONAL_IDS)
def test_invalid_personal_ids_are_refused_with_a_message(number):
    assert not is_valid_personal_id(number)
    with pytest.raises(ValidationError) as excinfo:
        validate_personal_id(number)
    assert "身分證" in str(excinfo.value)


VALID_BUSINESS_NUMBERS = [
    "22099131",  # 台灣積體電路製造
    "96979933",  # 中華電信
    "04541302",  # 鴻海精密工業
    "04595257",
    "10458570",
    "56068831",
    "06792470",
    "43900847",
    "13078716",  # valid only under the 2023 rule (sum divisible by 5, not 10)
    "26245624",
    "85027390",
    "20327171",  # seventh digit 7: 28 counts as 1 or 0
    "32000870",
]

INVALID_BUSINESS_NUMBERS = [
    "22099132",
    "96979934",
    "04541303",
    "12345678",
    "1234567",
    "123456789",
    "2209913A",
    "",
    "00000001",
    "10458571",
    "13078717",
]


@pytest.mark.parametrize("number", VALID_BUSINESS_NUMBERS)
def test_valid_business_numbers_pass(number):
    assert is_valid_business_number(number)
    validate_business_number(number)


@pytest.mark.parametrize("number", INVALID_BUSINESS_NUMBERS)
def test_invalid_business_numbers_are_refused_with_a_message(number):
    assert not is_valid_business_number(number)
    with pytest.raises(ValidationError) as excinfo:
        validate_business_number(number)
    assert "統一編號" in str(excinfo.value)


def test_masking_keeps_enough_to_tell_people_apart():
    assert mask_name("王小明") == "王○明"
    assert mask_name("歐陽小明") == "歐○○明"
    assert mask_name("王明") == "王○"
    assert mask_personal_id("A123456789") == "A12****789"


# --- Item 11: Unicode digits and impossible birth dates ------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "A１２３４５６７８９",  # full-width digits: str.isdigit() and int() accept them
        "Ａ123456789",  # full-width letter
        "A١٢٣٤٥٦٧٨٩",  # Arabic-Indic digits
    ],
)
def test_item11_personal_ids_with_non_ascii_characters_are_refused(number):
    assert not is_valid_personal_id(number)
    with pytest.raises(ValidationError):
        validate_personal_id(number)


@pytest.mark.parametrize("number", ["０４５９５２５７", "04595２57", "٠٤٥٩٥٢٥٧"])
def test_item11_business_numbers_with_non_ascii_digits_are_refused(number):
    assert not is_valid_business_number(number)
    with pytest.raises(ValidationError):
        validate_business_number(number)


def test_item11_normalising_makes_full_width_input_ascii():
    assert normalize_identifier(" ａ１２３４５６７８９ ") == "A123456789"
    assert normalize_identifier("０４５９５２５７") == "04595257"
    assert is_valid_personal_id(normalize_identifier("Ａ１２３４５６７８９"))


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(1, 1, 1)])
def test_item11_birth_dates_before_1900_are_refused(day):
    with pytest.raises(ValidationError) as excinfo:
        validate_birth_date(day)
    assert "出生日期" in str(excinfo.value)


def test_item11_birth_dates_after_today_are_refused_and_today_is_not():
    with pytest.raises(ValidationError):
        validate_birth_date(timezone.localdate() + timedelta(days=1))
    validate_birth_date(timezone.localdate())
    validate_birth_date(date(1900, 1, 1))
