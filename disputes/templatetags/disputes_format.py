"""How the citizen pages and e-mails write money, dates and the zh-Hant-only choice labels in each language."""


from django import template

from disputes.forms import CATEGORY_LABELS, CHANNEL_LABELS
from labor_portal.core.templatetags.roc import local_date

register = template.Library()


@register.filter
def ntd(value) -> str:
    """NT$84,000 in every language: Django's zh-Hant format has no thousands separator."""
    if value in (None, ""):
        return ""
    return f"NT${int(value):,}"


# One rule for dates on citizens' pages, kept with the ROC filters.
register.filter("local_date", local_date)


@register.filter
def category_label(value: str) -> str:
    """A dispute category in the page's language (the model's labels are the report's zh-Hant row labels)."""
    return str(CATEGORY_LABELS.get(value, value))


@register.filter
def channel_label(value: str) -> str:
    return str(CHANNEL_LABELS.get(value, value))
