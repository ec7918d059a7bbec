"""The job-ad checker: which wordings of an advertisement read as discrimination (Employment Service Act art. 5
para. 1), and whether a monthly pay under the threshold is stated without a pay range (art. 5 para. 2 subpara. 6).

Pure functions over the text and the section's phrases (JobAdPhrase rows, compiled once per request by
`compile_phrases`); nothing is stored. The text is folded before matching, so that an advertiser cannot slip
past with other character widths or written-out numbers: full-width letters, digits and punctuation become
half-width (ＮＴ＄３５，０００ = NT$35,000), 臺 = 台, letters are lower-cased and an age written in Chinese numerals
is an age in digits (三十五歲以下 = 35歲以下). Positions are mapped back, so each finding quotes the advertiser's own
words.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

# Long enough for any real advertisement (the 104 job bank caps a description at 4,000 characters), short enough
# that one request cannot make the matching slow.
MAX_AD_LENGTH = 5000

_CHAR_FOLD = {"臺": "台", "〜": "~", "～": "~", "—": "-", "–": "-", "─": "-"}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "零〇一二兩三四五六七八九十百千"
# An age in words: before 歲, or the lower end of an age range (二十五至三十五歲).
_AGE_IN_WORDS = re.compile(
    rf"(?<![{_CN_NUMBER}])[{_CN_NUMBER}]{{1,6}}(?=\s*(?:歲|(?:至|到|~|-)\s*[{_CN_NUMBER}\d]{{1,6}}\s*歲))"
)

# A plain phrase does not count where the ad negates it: 不限男女, 無限女性, 已婚未婚皆可, 男女不拘.
_NEGATED_BEFORE = "(?<!不限)(?<![不無免])"
_NEGATED_AFTER = r"(?![^,.;!?，。；！？、\n]{0,6}(?:皆可|均可|不拘|不限|皆歡迎|均歡迎|皆宜|均宜))"


@dataclass(frozen=True)
class Folded:
    """The folded text, and for each of its characters the index of the original character it came from."""

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def chinese_number(text: str) -> int:
    """三十五 → 35, 十八 → 18, 兩千 → 2000, 三五 → 35 (digit by digit when there is no unit)."""
    if not any(char in _CN_UNITS for char in text):
        return int("".join(str(_CN_DIGITS[char]) for char in text))
    total = digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
    return total + digit


def fold(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        char = _CHAR_FOLD.get(char, char)
        for folded in unicodedata.normalize("NFKC", char).lower():
            chars.append(_CHAR_FOLD.get(folded, folded))
            origin.append(index)
    folded_text = "".join(chars)
    if not _AGE_IN_WORDS.search(folded_text):
        return Folded(folded_text, tuple(origin))
    out_chars: list[str] = []
    out_origin: list[int] = []
    position = 0
    for match in _AGE_IN_WORDS.finditer(folded_text):
        out_chars.extend(folded_text[position:match.start()])
        out_origin.extend(origin[position:match.start()])
        digits = str(chinese_number(match.group()))
        out_chars.extend(digits)
        # Each digit points into the written-out number: the finding quotes all of it.
        out_origin.extend([origin[match.start()]] * (len(digits) - 1) + [origin[match.end() - 1]])
        position = match.end()
    out_chars.extend(folded_text[position:])
    out_origin.extend(origin[position:])
    return Folded("".join(out_chars), tuple(out_origin))


def phrase_pattern(phrase: str, is_regex: bool) -> re.Pattern:
    """The compiled pattern of one phrase (ValueError for a bad regular expression or an empty phrase)."""
    if is_regex:
        try:
            return re.compile(phrase, re.IGNORECASE)
        except re.error as error:
            raise ValueError(str(error)) from error
    words = [char for char in fold(phrase).text if not char.isspace()]
    if not words:
        raise ValueError("empty phrase")
    # 限 女 and 限女 are the same wording.
    body = r"\s*".join(re.escape(char) for char in words)
    # A phrase in Latin letters is a word: "male only" is not inside "female only".
    before = r"(?<![a-z])" if words[0].isascii() and words[0].isalpha() else ""
    after = r"(?![a-z])" if words[-1].isascii() and words[-1].isalpha() else ""
    return re.compile(_NEGATED_BEFORE + before + body + after + _NEGATED_AFTER)


@dataclass(frozen=True)
class CompiledPhrase:
    phrase: str
    ground: str
    ground_label: str
    explanation_zh: str
    explanation_en: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Finding:
    """A wording of the ad that matched a phrase: where (in the original text) and what the ad says there."""

    phrase: CompiledPhrase
    start: int
    end: int
    excerpt: str


@dataclass(frozen=True)
class PayStatement:
    """A monthly pay the ad states: its lowest amount, and whether it is given as a range (至, ~, 以上, 起)."""

    amount: int
    is_range: bool
    start: int
    end: int
    excerpt: str


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    pay: list[PayStatement] = field(default_factory=list)
    # Pay statements under the threshold given as one figure: art. 5 para. 2 subpara. 6 wants the range.
    pay_without_range: list[PayStatement] = field(default_factory=list)
    # 面議 and no figure at all: lawful only when the regular monthly pay is at least the threshold.
    pay_negotiable_only: bool = False

    @property
    def ok(self) -> bool:
        return not (self.findings or self.pay_without_range or self.pay_negotiable_only)


def compile_phrases(rows: Iterable) -> list[CompiledPhrase]:
    """The active phrases, compiled (rows: JobAdPhrase objects or anything with the same attributes). A phrase
    whose regular expression no longer compiles is skipped rather than taking the checker down."""
    compiled = []
    for row in rows:
        try:
            pattern = phrase_pattern(row.phrase, row.is_regex)
        except ValueError:
            continue
        label = row.get_ground_display() if hasattr(row, "get_ground_display") else row.ground
        compiled.append(CompiledPhrase(row.phrase, row.ground, str(label), row.explanation_zh, row.explanation_en, pattern))
    return compiled


# --- Pay ------------------------------------------------------------------------------------------------------

# Bounded lengths and a start that is not inside a longer number: no input makes the matching quadratic.
_NUM = rf"\d{{1,3}}(?:,\d{{3}}){{1,3}}(?:\.\d{{1,2}})?|\d{{1,9}}(?:\.\d{{1,2}})?|[{_CN_NUMBER}]{{1,8}}"


def _amount_regex(name: str) -> str:
    return (
        rf"(?:nt\$|新台幣|\$)?\s*(?<![\d,.{_CN_NUMBER}])(?P<{name}a>{_NUM})(?![\d{_CN_NUMBER}])\s*(?:(?P<{name}w>萬)\s*(?P<{name}b>{_NUM})?\s*(?P<{name}k>千)?)?"
        rf"\s*(?:元|塊)?"
    )


_PAY_KEYWORD = r"(?P<kw>月薪|月領|月收入|薪資|薪水|薪俸|待遇|底薪|起薪|保障薪|本薪|薪|monthly salary|salary|pay)"
_RANGE_TO = r"\s*(?:~|-|至|到|起至)\s*"
_PAY = re.compile(
    _PAY_KEYWORD
    + r"(?P<gap>[^\d\n" + _CN_NUMBER + r",.;，。；]{0,10}?)"
    + _amount_regex("lo")
    + rf"(?:(?P<range>{_RANGE_TO}{_amount_regex('hi')})|\s*(?P<floor>以上|起|up|\+))?"
    + r"(?P<unit>\s*(?:/\s*(?:月|時|小時|日|天|年|h|hr|hour|day|month)|每\s*(?:月|小時|日|天)))?",
    re.IGNORECASE,
)
# Amounts with a unit after them and no keyword before: 28,000元/月.
_PER_MONTH = re.compile(
    _amount_regex("lo") + rf"(?:(?P<range>{_RANGE_TO}{_amount_regex('hi')})|\s*(?P<floor>以上|起))?"
    + r"\s*(?:/\s*月|每月|一個月)",
    re.IGNORECASE,
)
_NOT_MONTHLY = re.compile(r"時|小時|日|天|年|hour|day|year|/h", re.IGNORECASE)
_NEGOTIABLE = re.compile(r"面議|negotiable", re.IGNORECASE)


def _number(text: str) -> float:
    if text[0] in _CN_NUMBER:
        return chinese_number(text)
    return float(text.replace(",", ""))


def _amount(match: re.Match, name: str) -> int | None:
    first = match.group(f"{name}a")
    if first is None:
        return None
    value = _number(first)
    if match.group(f"{name}w"):
        value *= 10_000
        rest = match.group(f"{name}b")
        if rest:
            rest_value = _number(rest)
            # 3萬5 and 3萬5千 are 35,000; 3萬2000 is 32,000.
            if match.group(f"{name}k") or rest_value < 10:
                rest_value *= 1000
            value += rest_value
    return round(value)


def pay_statements(folded: Folded, original: str) -> list[PayStatement]:
    statements: list[PayStatement] = []
    taken: list[tuple[int, int]] = []
    for regex in (_PAY, _PER_MONTH):
        for match in regex.finditer(folded.text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            # 日薪, 時薪, 年薪: the keyword 薪 after a unit of time.
            context = folded.text[max(match.start() - 1, 0):match.start()]
            context += (match.groupdict().get("kw") or "") + (match.groupdict().get("gap") or "")
            context += match.groupdict().get("unit") or ""
            if _NOT_MONTHLY.search(context):
                continue  # hourly, daily or yearly pay: the threshold is a monthly one
            low = _amount(match, "lo")
            if not low or low < 1000:
                continue  # a number near a pay word that is no pay (a count, a day of the month)
            start, end = folded.original_span(match.start(), match.end())
            taken.append((match.start(), match.end()))
            is_range = bool(match.group("range") or match.group("floor"))
            statements.append(PayStatement(low, is_range, start, end, original[start:end].strip()))
    return sorted(statements, key=lambda statement: statement.start)


# --- The check ------------------------------------------------------------------------------------------------


def check_job_ad(text: str, phrases: list[CompiledPhrase], pay_threshold: int) -> CheckResult:
    """What the ad `text` should change before it is posted."""
    folded = fold(text)
    result = CheckResult()
    seen: set[tuple[str, int, int]] = set()
    for phrase in phrases:
        for match in phrase.pattern.finditer(folded.text):
            if match.end() == match.start():
                continue
            start, end = folded.original_span(match.start(), match.end())
            if (phrase.ground, start, end) in seen:
                continue
            seen.add((phrase.ground, start, end))
            result.findings.append(Finding(phrase, start, end, text[start:end]))
    result.findings.sort(key=lambda finding: (finding.start, finding.end))
    result.pay = pay_statements(folded, text)
    result.pay_without_range = [item for item in result.pay if item.amount < pay_threshold and not item.is_range]
    result.pay_negotiable_only = not result.pay and bool(_NEGOTIABLE.search(folded.text))
    return result
