"""Citizen pages: the three complaint forms and the complaint's own page. No login; the access code is the key.

The filing's safeguards (honeypot, submission token, rate limit, database outage) and /track/ are the case kit's
(labor_portal.cases); this module says only what is the employment section's.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from employment import services
from employment.cases import KINDS_BY_SLUG
from employment.forms import DiscriminationForm, HarassmentForm, ScamForm
from labor_portal.cases.attachments import attachment_response
from labor_portal.cases.documents import AddDocumentsForm, WithdrawForm
from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
from labor_portal.core.ratelimit import per_ip_limit


def _filing_section(slug: str) -> str:
    # Each form its own cookies, tokens and rate-limit group: a token given for one form files nothing on another.
    return f"employment_{slug}"


class ComplaintFilingView(CitizenFilingView):
    slug: str
    form_class: type
    template_name = "employment/complaint.html"

    def get_forms(self, data=None, files=None, token=None):
        return (self.form_class(data, files, initial={"submission_token": token}),)

    def get_context_data(self, forms):
        return {"form": forms[0], "forms": forms, "kind": KINDS_BY_SLUG[self.slug], "slug": self.slug}

    def file(self, forms):
        form = forms[0]
        filed = services.complaint_file(
            model=KINDS_BY_SLUG[self.slug].model, fields=form.complaint_fields(),
            files=form.cleaned_data["attachments"], submission_token=form.cleaned_data["submission_token"],
        )
        return filed.case, filed.access_code


class DiscriminationFilingView(ComplaintFilingView):
    slug, form_class = "discrimination", DiscriminationForm
    section = _filing_section(slug)
    filed_url_name = "employment:discrimination-filed"


class HarassmentFilingView(ComplaintFilingView):
    slug, form_class = "harassment", HarassmentForm
    section = _filing_section(slug)
    filed_url_name = "employment:harassment-filed"


class ScamFilingView(ComplaintFilingView):
    slug, form_class = "scam", ScamForm
    section = _filing_section(slug)
    filed_url_name = "employment:scam-filed"


discrimination_apply = DiscriminationFilingView.as_view()
harassment_apply = HarassmentFilingView.as_view()
scam_apply = ScamFilingView.as_view()


@never_cache
def filed(request, slug):
    """The result page: the case number and, in the browser that filed only, the access code once."""
    kind = _kind(slug)
    payload = filed_cookie_read(request, section=_filing_section(slug))
    if payload is None:
        return redirect(f"employment:{slug}-apply")
    case = get_object_or_404(kind.model.objects.prefetch_related("attachments"), pk=payload["case"])
    return render(request, "employment/filed.html",
                  {"case": case, "access_code": payload["code"], "kind": kind, "slug": slug})


# --- The complaint's page (opened through /track/, labor_portal.cases.views) ------------------------


def _kind(slug):
    try:
        return KINDS_BY_SLUG[slug]
    except KeyError:
        raise Http404 from None


def _tracked_case(request, slug, case_id):
    return case_tracked_or_404(request, _kind(slug), case_id)


@never_cache
def case_status(request, slug, case_id):
    case = _tracked_case(request, slug, case_id)
    return _case_page(request, slug, case, AddDocumentsForm(), WithdrawForm())


def _case_page(request, slug, case, documents_form, withdraw_form, status=200):
    case = type(case).objects.prefetch_related("attachments").get(pk=case.pk)
    return render(request, "employment/case.html", {
        "case": case, "slug": slug, "kind": _kind(slug),
        "timeline": case.state_changes.order_by("changed_on", "changed_at", "pk"),
        "documents_form": documents_form, "withdraw_form": withdraw_form,
    }, status=status)


@require_POST
@per_ip_limit("employment.documents", "20/10m")
def case_add_documents(request, slug, case_id):
    case = _tracked_case(request, slug, case_id)
    form = AddDocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.complaint_add_documents(case=case, files=form.cleaned_data["attachments"])
            return redirect(reverse("employment:case", args=[slug, case.pk]) + "?added=1")
        except ValidationError as exc:
            form.add_error("attachments", exc)
    return _case_page(request, slug, case, form, WithdrawForm(), status=400)


@require_POST
def case_withdraw(request, slug, case_id):
    case = _tracked_case(request, slug, case_id)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_withdraw(case=case)
            return redirect(reverse("employment:case", args=[slug, case.pk]) + "?withdrawn=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _case_page(request, slug, case, AddDocumentsForm(), form, status=400)


def case_attachment(request, slug, case_id, attachment_id):
    case = _tracked_case(request, slug, case_id)
    return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))
