"""The one /track/ page for every kind of case, and the request for a new access code."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from labor_portal.cases import codes
from labor_portal.cases.forms import LostCodeForm, TrackForm
from labor_portal.cases.kinds import CaseKind, case_by_number, normalize_case_number
from labor_portal.core.ratelimit import hit_limited, per_ip_limit
from labor_portal.core.views import rate_limited


@never_cache
@per_ip_limit("cases.track", "30/10m")
def track(request):
    """The case number's letter says which kind of case; the access code opens it in this browser."""
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind, case = case_by_number(form.cleaned_data["case_number"])
        if case is not None and codes.access_code_matches(case, form.cleaned_data["access_code"]):
            case_tracked_remember(request, kind, case)
            return redirect(kind.case_url(case))
        form.add_error(None, _("案件編號或查詢碼不正確，請再確認。"))
    return render(request, "cases/track.html", {"form": form}, status=400 if form.errors else 200)


def case_tracked_remember(request, kind: CaseKind, case) -> None:
    tracked = set(request.session.get(kind.tracked_session_key, []))
    request.session[kind.tracked_session_key] = sorted(tracked | {str(case.pk)})


def case_tracked_or_404(request, kind: CaseKind, case_id):
    """Only a case this browser has opened with its access code; anything else is simply not found."""
    if str(case_id) not in request.session.get(kind.tracked_session_key, []):
        raise Http404
    return get_object_or_404(kind.model, pk=case_id)


@never_cache
@per_ip_limit("cases.lost_code", "5/h")
def lost_code(request):
    """A new access code, sent to the contact given at filing. The answer is the same whether or not the
    number exists and the contact matches, so the page tells nobody which cases exist or whose they are."""
    form = LostCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number, contact = form.cleaned_data["case_number"], form.cleaned_data["contact"]
        # Per number as well as per IP: a citizen's code cannot be made to change over and over from many
        # addresses. Counted for unknown numbers too, so that the limit reveals nothing either.
        if hit_limited(request, group="cases.lost_code.number", key=normalize_case_number(number),
                       rate="3/d"):
            return rate_limited(request)
        codes.access_code_send_new(case_number=number, contact=contact)
        return render(request, "cases/lost_code_sent.html", {"sent_to": codes.contact_masked(contact)})
    return render(request, "cases/lost_code.html", {"form": form}, status=400 if form.errors else 200)
