"""An establishment is registered once, under a valid 統一編號."""

import pytest
from django.urls import reverse

from inspections.models import Establishment

from .factories import EstablishmentFactory


def _form(**fields):
    return {"name": "重複工業有限公司", "business_number": "04595257", "responsible_person": "黃負責",
            "industry": "C", "district": "lingya", "employees": 3, **fields}


@pytest.fixture
def clerk_client(client, make_staff):
    client.force_login(make_staff("inspections"))
    return client


def test_entering_an_establishment_twice_is_refused_with_a_clear_message(clerk_client):
    EstablishmentFactory(business_number="04595257")
    response = clerk_client.post(reverse("admin:inspections_establishment_add"), _form())
    assert response.status_code == 200
    assert "此統一編號的事業單位已登錄，請勿重複建立。" in response.text
    assert Establishment.objects.count() == 1


def test_the_api_refuses_a_duplicate_too(clerk_client):
    EstablishmentFactory(business_number="04595257")
    response = clerk_client.post("/api/v1/inspections/establishments/", _form(), content_type="application/json")
    assert response.status_code == 400
    assert "business_number" in response.json()


def test_an_invalid_business_number_is_refused(clerk_client):
    response = clerk_client.post(reverse("admin:inspections_establishment_add"), _form(business_number="12345678"))
    assert "統一編號不正確" in response.text
    assert not Establishment.objects.exists()


def test_the_admin_finds_an_establishment_by_name_or_number(clerk_client):
    EstablishmentFactory(name="港都鋼鐵股份有限公司", business_number="04595257")
    EstablishmentFactory(name="旗津餐飲有限公司")
    url = reverse("admin:inspections_establishment_changelist")
    assert "旗津餐飲" not in clerk_client.get(url, {"q": "04595257"}).text
    assert "港都鋼鐵" in clerk_client.get(url, {"q": "鋼鐵"}).text
