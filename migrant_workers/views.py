"""Workers' pages: the complaint form (in six languages) and the complaint's page. No login; the access code is
the key. The filing's safeguards and /track/ are the case kit's (labor_portal.cases)."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
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


@never_cache
def case_status(request, case_id):
    case = case_tracked_or_404(request, MIGRANT_COMPLAINTS, case_id)
    return render(request, "migrant_workers/case.html", {
        "case": case, "kind": MIGRANT_COMPLAINTS,
        "timeline": [(change.changed_on, MigrantComplaintStatus(change.to_state).label)
                     for change in case.state_changes.order_by("changed_on", "changed_at", "pk")],
    })
