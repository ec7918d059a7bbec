"""Half-year reporting periods, the unit of every table in the bureau's report."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

_PATTERN = re.compile(r"^(\d{4})H([12])$")
ROC_EPOCH = 1911


class InvalidPeriod(ValueError):
    pass


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int

    def __post_init__(self):
        if self.half not in (1, 2) or not 1912 <= self.year <= 9998:
            raise InvalidPeriod(_("期間不正確：%(year)s 年第 %(half)s 半年") % {"year": self.year, "half": self.half})

    @classmethod
    def parse(cls, text: str) -> "HalfYear":
        match = _PATTERN.match(str(text).strip().upper())
        if not match:
            raise InvalidPeriod(
                _("「%(text)s」不是有效的半年期間，格式應為西元年加 H1 或 H2，例如 2020H1。") % {"text": text}
            )
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> "HalfYear":
        return cls(day.year, 1 if day.month <= 6 else 2)

    def __str__(self) -> str:
        return f"{self.year}H{self.half}"

    @property
    def start(self) -> date:
        """First day, inclusive."""
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        """First day of the next half: periods are half-open, [start, end)."""
        return date(self.year, 7, 1) if self.half == 1 else date(self.year + 1, 1, 1)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def start_datetime(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_datetime(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.end, time.min))

    @property
    def roc_year(self) -> int:
        return self.year - ROC_EPOCH

    @property
    def label_zh(self) -> str:
        months = "1月至6月" if self.half == 1 else "7月至12月"
        return f"{self.roc_year}年{months}"

    @property
    def label_en(self) -> str:
        months = "January to June" if self.half == 1 else "July to December"
        return f"{months} {self.year}"

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def previous(self) -> "HalfYear":
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)

    def next(self) -> "HalfYear":
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)

    def same_half_of_previous_years(self, count: int) -> list["HalfYear"]:
        """The same half of the `count` years before, most recent first."""
        return [HalfYear(self.year - n, self.half) for n in range(1, count + 1)]

    def as_dict(self) -> dict:
        return {"year": self.year, "half": self.half, "label_zh": self.label_zh}

    @classmethod
    def recent(cls, count: int, today: date | None = None) -> list["HalfYear"]:
        """The `count` most recent finished half-years, newest first (for period pickers)."""
        current = cls.containing(today or timezone.localdate()).previous()
        periods = []
        for _n in range(count):
            periods.append(current)
            current = current.previous()
        return periods
