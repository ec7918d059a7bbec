import re

from django.urls import reverse


def test_home_page_is_public_accessible_and_in_chinese_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="zh-Hant-TW">' in html
    assert 'class="skip-link" href="#main"' in html and 'id="main"' in html
    assert '<meta name="viewport"' in html
    assert reverse("login") in html
    assert 'for="language-select"' in html and "繁體中文" in html and "English" in html


def test_language_switch_turns_pages_into_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.text
    assert "Online services" in response.text


def test_pages_use_local_static_files_only(client, admin_user):
    pages = [("/", None), (reverse("login"), None), (reverse("api-docs"), admin_user)]  # docs: staff only
    for url, user in pages:
        if user:
            client.force_login(user)
        html = client.get(url).text
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        assert external == [], url


def test_login_form_fields_are_labelled(client, db):
    html = client.get(reverse("login")).text
    for field_id in ("id_username", "id_password"):
        assert f'<label for="{field_id}">' in html


def test_pages_and_the_admin_name_the_portals_icon_and_favicon_ico_leads_to_it(client, admin_user):
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    icon = static("img/favicon.svg")
    assert finders.find("img/favicon.svg")
    assert f'<link rel="icon" href="{icon}"' in client.get("/").text
    client.force_login(admin_user)
    assert f'<link rel="icon" href="{icon}"' in client.get(reverse("admin:index")).text
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == icon
