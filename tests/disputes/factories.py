"""Valid application data and cases in each state, for the disputes tests."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disputes import services
from disputes.models import DisputeCategory, DisputeStatus, MediationChannel

VALID_ID = "A123456789"
VALID_BUSINESS_NUMBER = "04595257"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def pdf(name="contract.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def applicant(**overrides) -> dict:
    return {
        "kind": "worker", "name": "王小明", "personal_id": VALID_ID, "birth_date": date(1985, 3, 1),
        "phone": "0912345678", "email": "ming@example.tw", "address": "高雄市苓雅區四維三路2號", **overrides,
    }


def file_case(*, filed_on=date(2020, 3, 2), category=DisputeCategory.WAGES, email="ming@example.tw", token=None,
              files=()) -> services.FiledCase:
    return services.dispute_case_file(
        applicants=[applicant(email=email)],
        respondent={"name": "示範股份有限公司", "business_number": VALID_BUSINESS_NUMBER, "representative": "",
                    "address": "", "phone": ""},
        main_category=category, categories=[category], claims=[{"item": "積欠工資", "amount": 52000}],
        account="雇主積欠三個月工資。", files=files, submission_token=token, filed_on=filed_on,
    )


def concluded_case(*, outcome=DisputeStatus.SETTLED, filed_on=date(2020, 3, 2), concluded_on=date(2020, 4, 1),
                   category=DisputeCategory.WAGES, channel=MediationChannel.MEDIATOR):
    case = file_case(filed_on=filed_on, category=category, email="").case
    if outcome == DisputeStatus.WITHDRAWN:
        return services.dispute_case_withdraw(case=case, withdrawn_on=concluded_on)
    services.dispute_case_assign(case=case, channel=channel, mediation_body="調解人 陳○○", assigned_on=filed_on)
    services.dispute_case_schedule_session(case=case, held_on=concluded_on, place="勞工局調解室")
    return services.dispute_case_record_outcome(
        case=case, outcome=outcome, concluded_on=concluded_on,
        settled_amount=50000 if outcome == DisputeStatus.SETTLED else None,
    )


def issued_token(client) -> str:
    """Open the apply page as a browser does: the token it carries is bound to this client's session."""
    return client.get(reverse("disputes:apply")).context["form"]["submission_token"].value()


def form_data(token="t" * 32, **overrides) -> dict:
    """The application form as a browser posts it: one applicant, one claim. Only a token from
    issued_token(client) files; the default one is refused as not given to this browser."""
    data = {
        "submission_token": token,
        "website": "",
        "applicants-TOTAL_FORMS": "3", "applicants-INITIAL_FORMS": "0",
        "applicants-MIN_NUM_FORMS": "1", "applicants-MAX_NUM_FORMS": "10",
        "applicants-0-kind": "worker", "applicants-0-name": "王小明", "applicants-0-personal_id": VALID_ID,
        "applicants-0-birth_date": "1985-03-01", "applicants-0-phone": "0912345678",
        "applicants-0-email": "ming@example.tw", "applicants-0-address": "高雄市苓雅區四維三路2號",
        "applicants-1-kind": "worker", "applicants-2-kind": "worker",
        "claims-TOTAL_FORMS": "3", "claims-INITIAL_FORMS": "0", "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "20",
        "claims-0-item": "積欠工資", "claims-0-amount": "52000",
        "respondent_name": "示範股份有限公司", "respondent_business_number": VALID_BUSINESS_NUMBER,
        "main_category": "wages", "categories": ["wages", "contract"],
        "account": "雇主積欠三個月工資。",
        "consent": "on",
    }
    data.update(overrides)
    return data


def big_file(size: int) -> io.BytesIO:
    data = io.BytesIO(PDF_BYTES + b"0" * (size - len(PDF_BYTES)))
    data.name = "big.pdf"
    return data
