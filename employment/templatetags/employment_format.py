"""How the complaint pages and e-mails write dates and choice codes in the page's language."""

from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language

from employment.grounds import Ground
from employment.models import MAIN_GROUND_CHOICES, ComplaintStatus, UnlawfulRecruitmentAct
from labor_portal.core.roc import roc_date

register = template.Library()
_GROUNDS = dict(MAIN_GROUND_CHOICES)


@register.filter
def local_date(value: date | None) -> str:
    """109年6月30日 on zh-Hant pages, as the bureau writes dates; the Gregorian date in other languages."""
    if value is None:
        return ""
    if (get_language() or "").startswith("zh"):
        return roc_date(value)
    return date_format(value, "DATE_FORMAT")


@register.filter
def status_label(value: str) -> str:
    return str(ComplaintStatus(value).label) if value in ComplaintStatus.values else value


@register.filter
def ground_labels(values) -> str:
    return "、".join(str(_GROUNDS.get(value, value)) for value in values or [] if value in Ground.values)


@register.filter
def act_labels(values) -> str:
    labels = dict(UnlawfulRecruitmentAct.choices)
    return "、".join(str(labels.get(value, value)) for value in values or [])
