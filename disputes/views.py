"""Citizen pages: the mediation application and case tracking. No login; the access code is the key."""

import logging
import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import DatabaseError, InterfaceError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from disputes import selectors, services
from disputes.forms import AddDocumentsForm, ApplicantFormSet, ApplicationForm, ClaimFormSet, TrackForm, WithdrawForm
from disputes.models import ATTACHMENT_EXTENSIONS, Attachment, DisputeCase
from labor_portal.core.ratelimit import per_ip_limit

logger = logging.getLogger(__name__)

FILED_COOKIE = "disputes_filed"
FILED_SALT = "disputes.filed"
# Long enough to read, print or copy the access code; short enough that a shared computer does not keep it.
FILED_MAX_AGE = 10 * 60
TRACKED_SESSION_KEY = "disputes_tracked_cases"
# Submission tokens this browser was given (one per apply page opened); only these may file, so a token seen
# elsewhere cannot be replayed to obtain someone else's case. A few, for several tabs.
ISSUED_TOKENS_KEY = "disputes_apply_tokens"
MAX_ISSUED_TOKENS = 10
# What a lost or unreachable database raises (OperationalError is a DatabaseError; InterfaceError is not).
DATABASE_DOWN = (DatabaseError, InterfaceError)


def _application_forms(data=None, files=None, token=None):
    return (
        ApplicationForm(data, files, initial={"submission_token": token}),
        ApplicantFormSet(data, prefix="applicants"),
        ClaimFormSet(data, prefix="claims"),
    )


def _token_issue(request) -> str:
    token = secrets.token_urlsafe(32)
    issued = request.session.get(ISSUED_TOKENS_KEY, [])
    request.session[ISSUED_TOKENS_KEY] = [*issued, token][-MAX_ISSUED_TOKENS:]
    return token


def _token_is_ours(request, token: str) -> bool:
    return bool(token) and token in request.session.get(ISSUED_TOKENS_KEY, [])


@never_cache
@per_ip_limit("disputes.apply", "10/10m")
def apply(request):
    posted = request.method == "POST"
    forms = _application_forms(request.POST, request.FILES) if posted else _application_forms()
    try:
        if posted:
            return _apply_post(request, *forms)
        return _apply_page(request, *_application_forms(token=_token_issue(request)))
    except DATABASE_DOWN:
        # Nothing was filed (the filing is one transaction): say so and keep what the citizen typed.
        logger.exception("database unavailable; application not filed")
        _as_visitor_without_database(request)
        return _apply_page(request, *forms, status=503, unavailable=True)


def _apply_post(request, form, applicants, claims):
    if form.is_spam():
        logger.info("honeypot filled in; application dropped")
        return render(request, "disputes/rejected.html", status=400)
    if not _token_is_ours(request, request.POST.get("submission_token", "")):
        # Not a form this browser was given (another browser's token, or a session that expired): never
        # file with it, and give a fresh token so that the citizen can send the same data again.
        data = request.POST.copy()
        data["submission_token"] = _token_issue(request)
        form, applicants, claims = _application_forms(data, request.FILES)
        for each in (form, applicants, claims):
            each.is_valid()  # so that the page shows every other error at once too
        form.add_error(None, _("表單已失效，請檢查資料後再送出一次。"))
        return _apply_page(request, form, applicants, claims, status=400)
    if form.is_valid() & applicants.is_valid() & claims.is_valid():
        try:
            return _file_and_redirect(request, form, applicants, claims)
        except ValidationError as exc:
            form.add_error(None, exc)
    return _apply_page(request, form, applicants, claims, status=400)


def _apply_page(request, form, applicants, claims, status=200, unavailable=False):
    return render(request, "disputes/apply.html", {
        "form": form, "applicants": applicants, "claims": claims, "formsets": [applicants, claims],
        "unavailable": unavailable,
        # A file input cannot be refilled: a page sent back after files were chosen says they must be again.
        "attachments_dropped": bool(request.FILES.getlist("attachments")),
    }, status=status)


def _as_visitor_without_database(request) -> None:
    """With the database gone the page must still render, as for an anonymous visitor if the session or the
    user cannot be read. Nothing is written: SessionMiddleware does not save a session on a 5xx response."""
    request.session.modified = False
    try:
        request.user.is_authenticated  # noqa: B018 - loads the session and the user from the database
    except DATABASE_DOWN:
        request.user = AnonymousUser()
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()


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
    # signed, short-lived cookie, since only its hash is stored; the cookie is good in this session only.
    response = redirect("disputes:filed")
    payload = {"case": str(filed.case.pk), "code": filed.access_code, "session": _session_fingerprint(request)}
    response.set_cookie(
        FILED_COOKIE, signing.dumps(payload, salt=FILED_SALT),
        max_age=FILED_MAX_AGE, httponly=True, samesite="Lax", secure=request.is_secure(),
    )
    return response


def _session_fingerprint(request) -> str:
    return salted_hmac("disputes.filed-session", request.session.session_key or "").hexdigest()


@never_cache
def filed(request):
    try:
        payload = signing.loads(request.COOKIES.get(FILED_COOKIE, ""), salt=FILED_SALT, max_age=FILED_MAX_AGE)
    except signing.BadSignature:
        return redirect("disputes:apply")
    # A copied cookie shows nothing in another browser: the access code is for the one that filed.
    if not request.session.session_key or not constant_time_compare(
        payload.get("session", ""), _session_fingerprint(request)
    ):
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


@never_cache
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


def attachment_response(attachment: Attachment) -> FileResponse:
    """The file as what its content is (附件-2.pdf, application/pdf), never under the name it was sent with.

    The type is read from the file itself, so files stored before names carried an extension, or rows whose
    type came from the browser, are served safely too; anything else is a plain download (.bin).
    """
    handle = attachment.file.open("rb")
    content_type = services.attachment_content_type(handle) or "application/octet-stream"
    extension = ATTACHMENT_EXTENSIONS.get(content_type, "bin")
    label = pgettext("download file name", "附件")
    filename = f"{label}-{_attachment_number(attachment)}.{extension}"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment_number(attachment: Attachment) -> int:
    """1 for the case's first attachment, as the case page lists them (at most a handful per case)."""
    ids = list(Attachment.objects.filter(case_id=attachment.case_id).order_by("created_at", "pk")
               .values_list("pk", flat=True))
    return ids.index(attachment.pk) + 1
