"""The discrimination form's boxes, built without a template per box (employment.forms.Checkboxes, a measured
fix from disputes_load.py --form discrimination), are the HTML Django's own widget templates give."""

from unittest import mock

import pytest
from django import forms

from employment.forms import DiscriminationForm

NAMES = ("grounds", "other_acts")


def bound(data):
    form = DiscriminationForm(data)
    form.is_valid()  # an error adds aria attributes to the widget
    return form


@pytest.mark.parametrize("grounds", [["age", "gender"], []])
def test_the_boxes_are_django_s_html_and_render_no_template_per_box(grounds):
    form, reference = bound({"grounds": grounds}), bound({"grounds": grounds})
    for name in NAMES:
        reference.fields[name].widget.__class__ = forms.CheckboxSelectMultiple
    with mock.patch.object(type(form.renderer), "render", wraps=form.renderer.render) as rendered:
        ours = {name: [box.tag() for box in form[name]] for name in NAMES}
    assert rendered.call_count == 0
    for name in NAMES:
        assert ours[name] == [box.tag() for box in reference[name]]
    assert sum(" checked" in box for box in ours["grounds"]) == len(grounds)
    assert all('aria-invalid="true"' in box for box in ours["grounds"]) == (not grounds)
