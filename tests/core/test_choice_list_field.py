"""A JSON list of choice codes is picked from checkboxes, checked against its choices and stored sorted; the
disputes admin edits a case's categories so instead of as typed JSON."""

import re

import pytest
from django import forms
from django.urls import reverse

from disputes.models import DisputeCase, DisputeCategory
from labor_portal.core.forms import ChoiceListField
from tests.disputes.factories import file_case
from tests.disputes.test_staff_admin import _form

COLOURS = [("red", "紅"), ("green", "綠"), ("blue", "藍")]


def _ticked(html: str, name: str) -> set[str]:
    return set(re.findall(rf'<input type="checkbox" name="{name}" value="([^"]+)"[^>]* checked', html))


class PaletteForm(forms.Form):
    colours = ChoiceListField(choices=COLOURS)


def test_ticked_codes_are_stored_once_and_sorted():
    form = PaletteForm({"colours": ["red", "blue", "red"]})
    assert form.is_valid()
    assert form.cleaned_data["colours"] == ["blue", "red"]


def test_a_code_outside_the_choices_is_refused():
    form = PaletteForm({"colours": ["red", "purple"]})
    assert not form.is_valid()
    assert "purple" in form.errors["colours"][0]


def test_the_stored_list_renders_as_ticked_checkboxes():
    html = str(PaletteForm(initial={"colours": ["green"]})["colours"])
    assert html.count('type="checkbox"') == 3
    assert _ticked(html, "colours") == {"green"}
    assert "綠" in html


def test_ticking_the_same_boxes_in_another_order_is_no_change():
    form = PaletteForm({"colours": ["red", "blue"]}, initial={"colours": ["blue", "red"]})
    assert not form.has_changed()


@pytest.fixture
def dispute_clerk(make_staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # a filed case keeps its attachment there
    return make_staff("disputes")


@pytest.mark.django_db
def test_the_case_form_shows_categories_as_labelled_checkboxes_not_json(client, dispute_clerk):
    case = file_case(category=DisputeCategory.WAGES).case
    client.force_login(dispute_clerk)
    page = client.get(reverse("admin:disputes_disputecase_change", args=[case.pk])).text
    assert page.count('type="checkbox" name="categories"') == len(DisputeCategory.choices)
    assert _ticked(page, "categories") == {"wages"}
    assert "職災爭議" in page
    assert '<textarea name="categories"' not in page


@pytest.mark.django_db
def test_the_clerk_ticks_categories_and_the_main_one_is_always_among_them(client, dispute_clerk):
    case = file_case(category=DisputeCategory.WAGES).case
    client.force_login(dispute_clerk)
    url = reverse("admin:disputes_disputecase_change", args=[case.pk])
    response = client.post(url, _form(case, categories=["retirement", "contract"]))
    assert response.status_code == 302
    assert DisputeCase.objects.get(pk=case.pk).categories == ["contract", "retirement", "wages"]
    refused = client.post(url, _form(case, categories=["wages", "unknown"]))
    assert refused.status_code == 200 and "unknown" in str(refused.context["adminform"].form.errors["categories"])
