"""The masks every section shows personal data with in lists, exports and the API (labor_portal.core.validators):
enough for staff to recognise a contact they already have, too little to reach the person."""

import pytest

from labor_portal.core.validators import mask_address, mask_email, mask_phone


@pytest.mark.parametrize(("phone", "masked"), [
    ("0912345678", "0912***678"),
    ("0912-345-678", "0912-***-678"),
    ("07-1234567", "07-12**567"),
    ("1234567", "*****67"),
    ("", ""),
])
def test_a_phone_keeps_its_first_four_and_last_three_digits(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("email", "masked"), [
    ("ming@example.tw", "m***@example.tw"),
    ("a@b.tw", "a***@b.tw"),
    ("", ""),
])
def test_an_email_keeps_its_first_letter_and_domain(email, masked):
    assert mask_email(email) == masked


@pytest.mark.parametrize(("address", "masked"), [
    ("高雄市苓雅區四維三路2號", "高雄市苓雅區○○○○"),
    ("高雄市苓雅區四維", "高雄市苓雅區○○"),
    ("高雄市", "高雄市"),
    ("", ""),
])
def test_an_address_keeps_only_its_city_and_district(address, masked):
    assert mask_address(address) == masked
