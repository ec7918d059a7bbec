"""How the citizen pages and e-mails write money, dates and the zh-Hant-only choice labels in each language."""

from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language

from disputes.forms import CATEGORY_LABELS, CHANNEL_LABELS
from labor_portal.core.roc import roc_date

register = template.Library()


@register.filter
def ntd(value) -> str:
    """NT$84,000 in every language: Django's zh-Hant format has no thousands separator."""
    if value in (None, ""):
        return ""
    return f"NT${int(value):,}"


@register.filter
def local_date(value: date | None) -> str:
    """109年6月30日 on zh-Hant pages, as the bureau writes dates; the Gregorian date in other languages."""
    if value is None:
        return ""
    if (get_language() or "").startswith("zh"):
        return roc_date(value)
    return date_format(value, "DATE_FORMAT")


@register.filter
def category_label(value: str) -> str:
    """A dispute category in the page's language (the model's labels are the report's zh-Hant row labels)."""
    return str(CATEGORY_LABELS.get(value, value))


@register.filter
def channel_label(value: str) -> str:
    return str(CHANNEL_LABELS.get(value, value))
