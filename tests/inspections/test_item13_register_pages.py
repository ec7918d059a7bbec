"""Issue 8 item 13 (inspections' part): the register of 1,201 penalties shows how many and page numbers."""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.module_records import records_for_the_module

from .factories import EstablishmentFactory, ViolationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def many_penalties(django_db_setup, django_db_blocker):
    """Made once for the module (2 s a time)."""
    with records_for_the_module(django_db_blocker):
        firm = EstablishmentFactory()
        for n in range(1_201):
            ViolationFactory(establishment=firm, decided_on=date(2020, 1, 1 + n % 28),
                             decision_number=f"高市勞條字第109{n:07d}號")
        yield


def test_item13_register_shows_the_result_count_with_separators(client, many_penalties):
    text = client.get(reverse("violations")).text
    assert "共 1,201 筆處分確定案件" in text
    english = client.get(reverse("violations"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "1,201 final penalties" in english and "page 1 of 25" in english


def test_item13_register_shows_page_numbers(client, many_penalties):
    text = client.get(reverse("violations"), {"page": 12, "q": "測試"}).text
    links = re.findall(r'href="\?q=%E6%B8%AC%E8%A9%A6&amp;page=(\d+)"[^>]*>(\d+)<', text)
    assert [int(label) for _page, label in links] == [1, 10, 11, 13, 14, 25]  # the ends and two each side
    assert '<a aria-current="page">12</a>' in text
    assert "…" in text
