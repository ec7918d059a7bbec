from django.urls import reverse


def _attempt(client, password, username="unions-user"):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_staff_log_in_and_land_on_the_staff_home(client, union_clerk):
    response = _attempt(client, "a-long-test-password")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff-home")


def test_five_failed_logins_lock_the_account_with_a_clear_message(client, union_clerk):
    for _ in range(4):
        response = _attempt(client, "wrong")
        assert response.status_code == 200
    response = _attempt(client, "wrong")
    assert response.status_code == 429
    assert "暫停登入" in response.text
    # Even the right password is refused while locked out.
    response = _attempt(client, "a-long-test-password")
    assert response.status_code == 429

