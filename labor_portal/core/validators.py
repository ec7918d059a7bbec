"""Checksums of Taiwan's personal and business identifiers.

- National ID (國民身分證統一編號): a letter, 1 or 2, eight digits.
- Resident certificate (居留證統一證號), old format until 2020: two letters (the second A-D), eight digits.
- Resident certificate, new format from 2021: a letter, 8 or 9, eight digits (same checksum as the ID).
- Unified business number (統一編號): eight digits; since 2023 the weighted sum must be divisible by 5
  (it was 10), which still accepts every number issued under the old rule.
"""

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Area letters as the Ministry of the Interior numbers them (I, O, W, X, Y, Z are out of order).
LETTER_CODES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))
_ID_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 1)
_UBN_WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)

# ASCII digits only: `\d` would also match full-width '１' and other scripts' digits, which int() reads, so a
# number typed in full width passed the checksum and was stored as typed (and then never found by search).
_NATIONAL_ID = re.compile(r"^[A-Z][12][0-9]{8}\Z")
_RESIDENT_NEW = re.compile(r"^[A-Z][89][0-9]{8}\Z")
_RESIDENT_OLD = re.compile(r"^[A-Z][A-D][0-9]{8}\Z")
_UBN = re.compile(r"^[0-9]{8}\Z")
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def normalize_identifier(value: str) -> str:
    """What a citizen meant to type: full-width letters and digits (ＡＢ１２) made ASCII, spaces dropped, upper case.

    Forms call this before validating; the validators themselves refuse anything that is not ASCII, so a
    caller that forgets to normalise stores nothing odd.
    """
    return unicodedata.normalize("NFKC", value or "").strip().upper()


def _checksum_ok(letter: str, second: int, digits: str) -> bool:
    code = LETTER_CODES[letter]
    total = code // 10 + (code % 10) * 9 + second * 8
    total += sum(int(d) * w for d, w in zip(digits[:7], _ID_WEIGHTS[1:], strict=True))
    total += int(digits[7])
    return total % 10 == 0


def is_valid_personal_id(value: str) -> bool:
    """True for a valid national ID or resident certificate number (old or new format)."""
    value = (value or "").strip().upper()
    if not value.isascii():
        return False
    if _NATIONAL_ID.match(value) or _RESIDENT_NEW.match(value):
        return _checksum_ok(value[0], int(value[1]), value[2:])
    if _RESIDENT_OLD.match(value):
        # The old format's second letter stands for its code's last digit.
        return _checksum_ok(value[0], LETTER_CODES[value[1]] % 10, value[2:])
    return False


def is_valid_business_number(value: str) -> bool:
    value = (value or "").strip()
    if not _UBN.match(value):
        return False
    products = [int(d) * w for d, w in zip(value, _UBN_WEIGHTS, strict=True)]
    total = sum(p // 10 + p % 10 for p in products)
    if total % 5 == 0:
        return True
    # A 7 in the seventh place gives 28 → 10, which may be counted as 1 or as 0.
    return value[6] == "7" and (total + 1) % 5 == 0


def validate_personal_id(value: str) -> None:
    if not is_valid_personal_id(value):
        raise ValidationError(
            _("身分證統一編號或居留證號碼不正確，請檢查是否輸入錯誤。"), code="invalid_personal_id"
        )


def validate_business_number(value: str) -> None:
    if not is_valid_business_number(value):
        raise ValidationError(_("統一編號不正確，應為 8 位數字且檢查碼相符。"), code="invalid_business_number")


def validate_birth_date(value: date) -> None:
    """From 1900 to today: a later date is a typing slip (often an ROC year typed as a Gregorian one)."""
    if value is None:
        return
    if not EARLIEST_BIRTH_DATE <= value <= timezone.localdate():
        raise ValidationError(
            _("出生日期應介於 1900 年 1 月 1 日與今天之間，請檢查是否輸入錯誤。"), code="invalid_birth_date"
        )


def mask_personal_id(value: str) -> str:
    """A12****789: enough to tell two people apart, not enough to misuse."""
    if not value or len(value) < 7:
        return "*" * len(value or "")
    return f"{value[:3]}{'*' * (len(value) - 6)}{value[-3:]}"


def mask_name(value: str) -> str:
    """王○明 / 王○ / 王○○明: keeps the family name and the last character."""
    if not value:
        return ""
    if len(value) == 1:
        return value
    if len(value) == 2:
        return value[0] + "○"
    return value[0] + "○" * (len(value) - 2) + value[-1]


def mask_phone(value: str) -> str:
    """0912***678: the digits' count and the last three, enough to recognise a number one already has."""
    digits = [index for index, char in enumerate(value or "") if char.isdigit()]
    shown = set(digits[:4] + digits[-3:]) if len(digits) > 7 else set(digits[-2:])
    return "".join(char if not char.isdigit() or index in shown else "*" for index, char in enumerate(value or ""))


def mask_email(value: str) -> str:
    """m***@example.tw: the first letter and the domain."""
    if not value:
        return ""
    local, at, domain = value.partition("@")
    return f"{local[:1]}***{at}{domain}"


def mask_address(value: str) -> str:
    """高雄市苓雅區○○○○: the city and district (the first six characters), nothing that finds the door."""
    if not value:
        return ""
    return value[:6] + "○" * min(max(len(value) - 6, 0), 4)
