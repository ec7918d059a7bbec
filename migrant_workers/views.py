"""Workers' pages: the complaint form (in six languages) and the complaint's page. No login; the access code is
the key. The filing's safeguards and /track/ are the case kit's (labor_portal.cases)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from labor_portal.cases.attachments import attachment_response
from labor_portal.cases.documents import AddDocumentsForm, WithdrawForm
from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
from labor_portal.core.ratelimit import per_ip_limit
from migrant_workers import services
from migrant_workers.cases import MIGRANT_COMPLAINTS
from migrant_workers.forms import ComplaintForm
from migrant_workers.models import MigrantComplaint, MigrantComplaintStatus


class ComplainView(CitizenFilingView):
    section = MIGRANT_COMPLAINTS.section
    template_name = "migrant_workers/complain.html"
    filed_url_name = "migrant_workers:filed"

    def get_forms(self, data=None, files=None, token=None):
        return (ComplaintForm(data, files, initial={"submission_token": token}),)

    def get_context_data(self, forms):
        return {"form": forms[0], "forms": forms, "kind": MIGRANT_COMPLAINTS}

    def file(self, forms):
        form = forms[0]
        filed = services.complaint_file(fields=form.complaint_fields(),
                                        submission_token=form.cleaned_data["submission_token"])
        return filed.case, filed.access_code


complain = ComplainView.as_view()


@never_cache
def filed(request):
    payload = filed_cookie_read(request, section=MIGRANT_COMPLAINTS.section)
    if payload is None:
        return redirect("migrant_workers:complain")
    case = get_object_or_404(MigrantComplaint, pk=payload["case"])
    return render(request, "migrant_workers/filed.html",
                  {"case": case, "access_code": payload["code"], "kind": MIGRANT_COMPLAINTS})


def _tracked(request, case_id) -> MigrantComplaint:
    return case_tracked_or_404(request, MIGRANT_COMPLAINTS, case_id)


@never_cache
def case_status(request, case_id):
    return _case_page(request, _tracked(request, case_id), AddDocumentsForm(), WithdrawForm())


def _case_page(request, case, documents_form, withdraw_form, status=200):
    case = MigrantComplaint.objects.prefetch_related("attachments").get(pk=case.pk)
    return render(request, "migrant_workers/case.html", {
        "case": case, "kind": MIGRANT_COMPLAINTS, "documents_form": documents_form, "withdraw_form": withdraw_form,
        "timeline": [(change.changed_on, MigrantComplaintStatus(change.to_state).label)
                     for change in case.state_changes.order_by("changed_on", "changed_at", "pk")],
    }, status=status)


@require_POST
@per_ip_limit("migrant_workers.documents", "20/10m")
def case_add_documents(request, case_id):
    case = _tracked(request, case_id)
    form = AddDocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.complaint_add_documents(case=case, files=form.cleaned_data["attachments"])
            return redirect(reverse("migrant_workers:case", args=[case.pk]) + "?added=1")
        except ValidationError as exc:
            form.add_error("attachments", exc)
    return _case_page(request, case, form, WithdrawForm(), status=400)


@require_POST
def case_withdraw(request, case_id):
    case = _tracked(request, case_id)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_withdraw(case=case)
            return redirect(reverse("migrant_workers:case", args=[case.pk]) + "?withdrawn=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _case_page(request, case, AddDocumentsForm(), form, status=400)


def case_attachment(request, case_id, attachment_id):
    case = _tracked(request, case_id)
    return attachment_response(get_object_or_404(case.attachments, pk=attachment_id))
