"""{% access_code_for case %}: a case's current access code, derived when a message is rendered (never stored)."""

from django import template

from labor_portal.cases.codes import access_code_current
from labor_portal.cases.kinds import case_kind_for_model

register = template.Library()


@register.simple_tag
def access_code_for(case) -> str:
    return access_code_current(kind=case_kind_for_model(case).letter, case=case) or ""
