"""Citizen pages: the mediation application and the case page. No login; the access code is the key.

The filing's safeguards (honeypot, submission token, rate limit, database outage) and /track/ are the case
kit's (labor_portal.cases); this module says only what is the disputes section's.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from disputes import selectors, services
from disputes.cases import DISPUTES
from disputes.forms import ApplicantFormSet, ApplicationForm, ClaimFormSet, WithdrawForm
from disputes.models import DisputeCase
from labor_portal.cases.attachments import attachment_response
from labor_portal.cases.documents import AddDocumentsForm
from labor_portal.cases.filing import CitizenFilingView, filed_cookie_name, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
from labor_portal.core.ratelimit import per_ip_limit

FILED_COOKIE = filed_cookie_name(DISPUTES.section)


class ApplyView(CitizenFilingView):
    section = DISPUTES.section
    template_name = "disputes/apply.html"
    filed_url_name = "disputes:filed"

    def get_forms(self, data=None, files=None, token=None):
        return (
            ApplicationForm(data, files, initial={"submission_token": token}),
            ApplicantFormSet(data, prefix="applicants"),
            ClaimFormSet(data, prefix="claims"),
        )

    def get_context_data(self, forms):
        form, applicants, claims = forms
        return {"form": form, "applicants": applicants, "claims": claims, "formsets": [applicants, claims]}

    def file(self, forms):
        form, applicants, claims = forms
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
        return filed.case, filed.access_code


apply = ApplyView.as_view()


@never_cache
def filed(request):
    payload = filed_cookie_read(request, section=DISPUTES.section)
    if payload is None:
        return redirect("disputes:apply")
    case = get_object_or_404(
        DisputeCase.objects.prefetch_related("applicants", "claims", "attachments"), pk=payload["case"]
    )
    return render(request, "disputes/filed.html", {"case": case, "access_code": payload["code"]})


# --- The case page (opened through /track/, labor_portal.cases.views) -----------------------------


def _tracked_case(request, case_id) -> DisputeCase:
    return case_tracked_or_404(request, DISPUTES, case_id)


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
    return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))
