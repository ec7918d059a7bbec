from django.urls import reverse

COMPLAIN_URL = "migrant_workers:complain"


def issued_token(client) -> str:
    return client.get(reverse(COMPLAIN_URL)).context["form"]["submission_token"].value()


def complaint_data(token: str, **overrides) -> dict:
    data = {
        "submission_token": token, "website": "", "topic": "unpaid_wages", "worker_name": "NGUYEN THI LAN",
        "nationality": "VN", "passport_number": "C1234567", "phone": "0912345678", "email": "lan@example.com",
        "employer_name": "示範工業股份有限公司", "workplace_address": "高雄市楠梓區", "account": "Chủ chưa trả lương 2 tháng.",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def file_complaint(client, **overrides):
    """File through the page as a browser does; returns the response of the result page."""
    response = client.post(reverse(COMPLAIN_URL), complaint_data(issued_token(client), **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])
