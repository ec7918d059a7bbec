"""Citizen pages: the mediation application and case tracking. No login; the access code is the key."""

import logging

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disputes import selectors, services
from disputes.forms import AddDocumentsForm, ApplicantFormSet, ApplicationForm, ClaimFormSet, TrackForm, WithdrawForm
from disputes.models import DisputeCase
from labor_portal.core.ratelimit import per_ip_limit

logger = logging.getLogger(__name__)

FILED_COOKIE = "disputes_filed"
FILED_SALT = "disputes.filed"
TRACKED_SESSION_KEY = "disputes_tracked_cases"


def _application_forms(data=None, files=None):
    return (
        ApplicationForm(data, files),
        ApplicantFormSet(data, prefix="applicants"),
        ClaimFormSet(data, prefix="claims"),
    )


@per_ip_limit("disputes.apply", "10/10m")
def apply(request):
    form, applicants, claims = _application_forms(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_spam():
            logger.info("honeypot filled in; application dropped")
            return render(request, "disputes/rejected.html", status=400)
        if form.is_valid() & applicants.is_valid() & claims.is_valid():
            try:
                return _file_and_redirect(request, form, applicants, claims)
            except ValidationError as exc:
                form.add_error(None, exc)
    return render(
        request, "disputes/apply.html",
        {"form": form, "applicants": applicants, "claims": claims},
        status=400 if request.method == "POST" else 200,
    )


def _file_and_redirect(request, form, applicants, claims):
    data = form.cleaned_data
    filed = services.dispute_case_file(
        applicants=[f.cleaned_data for f in applicants if f.cleaned_data],
        respondent={key.removeprefix("respondent_"): value for key, value in data.items()
                    if key.startswith("respondent_")},
        main_category=data["main_category"],
        categories=data["categories"],
        claims=[f.cleaned_data for f in claims if f.cleaned_data],
        account=data["account"],
        files=data["attachments"],
        submission_token=data["submission_token"],
    )
    # Post/redirect/get: reloading the result page never sends the form again. The code travels in a
    # signed, short-lived cookie, since only its hash is stored.
    response = redirect("disputes:filed")
    response.set_cookie(
        FILED_COOKIE, signing.dumps({"case": str(filed.case.pk), "code": filed.access_code}, salt=FILED_SALT),
        max_age=3600, httponly=True, samesite="Lax", secure=request.is_secure(),
    )
    return response


def filed(request):
    try:
        payload = signing.loads(request.COOKIES.get(FILED_COOKIE, ""), salt=FILED_SALT, max_age=3600)
    except signing.BadSignature:
        return redirect("disputes:apply")
    case = get_object_or_404(
        DisputeCase.objects.prefetch_related("applicants", "claims", "attachments"), pk=payload["case"]
    )
    return render(request, "disputes/filed.html", {"case": case, "access_code": payload["code"]})


# --- Tracking ------------------------------------------------------------------------------------


@per_ip_limit("disputes.track", "30/10m")
def track(request):
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = selectors.dispute_case_for_applicant(
            case_number=form.cleaned_data["case_number"], access_code=form.cleaned_data["access_code"]
        )
        if case is not None:
            tracked = set(request.session.get(TRACKED_SESSION_KEY, []))
            request.session[TRACKED_SESSION_KEY] = sorted(tracked | {str(case.pk)})
            return redirect("disputes:case", case_id=case.pk)
        form.add_error(None, _("案件編號或查詢碼不正確，請再確認。"))
    return render(request, "disputes/track.html", {"form": form}, status=400 if form.errors else 200)


def _tracked_case(request, case_id) -> DisputeCase:
    """Only a case this browser has opened with its access code; anything else is simply not found."""
    if str(case_id) not in request.session.get(TRACKED_SESSION_KEY, []):
        raise Http404
    return get_object_or_404(DisputeCase, pk=case_id)


def case_status(request, case_id):
    case = _tracked_case(request, case_id)
    return _case_page(request, case, AddDocumentsForm(), WithdrawForm())


def _case_page(request, case, documents_form, withdraw_form, status=200):
    case = DisputeCase.objects.prefetch_related("sessions", "attachments").get(pk=case.pk)
    return render(request, "disputes/case.html", {
        "case": case,
        "timeline": selectors.dispute_case_timeline(case),
        "documents_form": documents_form,
        "withdraw_form": withdraw_form,
    }, status=status)


@require_POST
@per_ip_limit("disputes.documents", "20/10m")
def case_add_documents(request, case_id):
    case = _tracked_case(request, case_id)
    form = AddDocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.dispute_case_add_documents(case=case, files=form.cleaned_data["attachments"])
            return redirect(reverse("disputes:case", args=[case.pk]) + "?added=1")
        except ValidationError as exc:
            form.add_error("attachments", exc)
    return _case_page(request, case, form, WithdrawForm(), status=400)


@require_POST
def case_withdraw(request, case_id):
    case = _tracked_case(request, case_id)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.dispute_case_withdraw(case=case)
            return redirect(reverse("disputes:case", args=[case.pk]) + "?withdrawn=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _case_page(request, case, AddDocumentsForm(), form, status=400)


def case_attachment(request, case_id, attachment_id):
    case = _tracked_case(request, case_id)
    attachment = get_object_or_404(case.attachments, pk=attachment_id)
    return attachment_response(attachment)


def attachment_response(attachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
