"""Dates in the Republic of China (Minguo) calendar, as the bureau prints them."""

from datetime import date, datetime

ROC_EPOCH = 1911


def roc_date(value: date | datetime | None) -> str:
    """109年6月30日 for 2020-06-30; an empty string for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        from django.utils import timezone

        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return f"{value.year - ROC_EPOCH}年{value.month}月{value.day}日"


def roc_year(value: date) -> int:
    return value.year - ROC_EPOCH
