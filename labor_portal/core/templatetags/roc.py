from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language

from labor_portal.core.roc import roc_date as _roc_date

register = template.Library()


@register.filter
def roc_date(value):
    """{{ case.filed_on|roc_date }} → 109年6月30日"""
    return _roc_date(value)


@register.filter
def local_date(value: date | None) -> str:
    """109年6月30日 on zh-Hant pages, as the bureau writes dates; the Gregorian date in other languages."""
    if value is None:
        return ""
    if (get_language() or "").startswith("zh"):
        return _roc_date(value)
    return date_format(value, "DATE_FORMAT")
