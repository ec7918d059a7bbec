"""How the complaint pages and e-mails write dates and choice codes in the page's language."""


from django import template

from employment.grounds import Ground
from employment.models import MAIN_GROUND_CHOICES, ComplaintStatus, UnlawfulRecruitmentAct
from labor_portal.core.templatetags.roc import local_date

register = template.Library()
_GROUNDS = dict(MAIN_GROUND_CHOICES)


# One rule for dates on citizens' pages, kept with the ROC filters.
register.filter("local_date", local_date)


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
