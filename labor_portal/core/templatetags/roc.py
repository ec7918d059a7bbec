from django import template

from labor_portal.core.roc import roc_date as _roc_date

register = template.Library()


@register.filter
def roc_date(value):
    """{{ case.filed_on|roc_date }} → 109年6月30日"""
    return _roc_date(value)
