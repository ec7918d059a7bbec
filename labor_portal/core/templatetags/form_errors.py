"""The error box at the top of a form (includes/form_errors.html): every field in error, linked to it."""

from django import template
from django.forms.utils import ErrorList
from django.utils.translation import pgettext

register = template.Library()


@register.simple_tag
def error_summary(form=None, formsets=None) -> dict:
    """What the box lists for a form and its formsets.

    `general` holds the messages of no visible field (the form's, a formset's, a hidden field's); `fields` one
    entry per visible field in error, with the id to link to. A form may name itself in the list through a
    `summary_prefix` attribute ("共同申請人 2"), so that two "姓名" in error can be told apart.
    """
    general, fields = ErrorList(), []
    forms = [form] if hasattr(form, "errors") else []
    for formset in formsets or ():
        # A blank formset has no errors: asking would build each of its blank forms for nothing.
        if formset.is_bound:
            general.extend(formset.non_form_errors())
            forms.extend(formset.forms)
    for each in forms:
        general.extend(each.non_field_errors())
        for name in each.errors:
            if name not in each.fields:
                continue
            bound = each[name]
            if bound.is_hidden:
                general.extend(bound.errors)
            else:
                fields.append(_entry(each, bound))
    return {"general": general, "fields": fields, "any": bool(general or fields)}


def _entry(form, bound) -> dict:
    label = str(bound.label)
    if prefix := getattr(form, "summary_prefix", ""):
        label = pgettext("error summary: which form, which field", "%(form)s－%(field)s") % {
            "form": prefix, "field": label,
        }
    return {"id": bound.id_for_label or bound.auto_id, "label": label, "message": bound.errors[0]}
