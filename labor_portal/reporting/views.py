from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST

from labor_portal.reporting.api import run_links
from labor_portal.reporting.approval_views import approval_context
from labor_portal.reporting.forms import ReportRunForm
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.selectors import checks_for_display, run_checks, tables_for_display
from labor_portal.reporting.services import report_run_start

can_read = permission_required("reporting.view_reportrun", raise_exception=True)
can_run = permission_required("reporting.add_reportrun", raise_exception=True)


def in_page_language(view):
    """?lang=en (or another portal language) shows a report page in that language, the session's unchanged:
    a link to the English report can be shared as is."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        lang = request.GET.get("lang")
        if lang not in dict(settings.LANGUAGES):
            return view(request, *args, **kwargs)
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = lang
        return response

    return wrapper


@login_required
@can_read
@in_page_language
def index(request):
    runs = ReportRun.objects.select_related("requested_by").defer("snapshot")
    page = Paginator(runs, 20).get_page(request.GET.get("page"))
    return render(request, "reporting/index.html", {"form": ReportRunForm(), "page": page})


@login_required
@can_run
@require_POST
def start(request):
    form = ReportRunForm(request.POST)
    if not form.is_valid():
        runs = ReportRun.objects.select_related("requested_by").defer("snapshot")
        page = Paginator(runs, 20).get_page(1)
        return render(request, "reporting/index.html", {"form": form, "page": page}, status=400)
    run = report_run_start(period=form.cleaned_data["period"], requested_by=request.user)
    return redirect("reports:run", run.pk)


@login_required
@can_read
@in_page_language
def run_detail(request, pk):
    run = get_object_or_404(ReportRun.objects.select_related("requested_by").defer("snapshot"), pk=pk)
    return render(request, "reporting/run.html", {
        "run": run, **approval_context(run, request.user), "checks": run_checks(run),
    })


@login_required
@can_read
def run_status(request, pk):
    """Polled by the run page: status, progress and, once done, where to download."""
    run = get_object_or_404(ReportRun, pk=pk)
    return JsonResponse({
        "status": run.status,
        "status_display": run.get_status_display(),
        "progress": run.progress,
        "error": run.error,
        "links": run_links(run),
    })


@login_required
@can_read
@in_page_language
def run_tables(request, pk):
    run = get_object_or_404(ReportRun, pk=pk, status=ReportRun.Status.DONE)
    return render(request, "reporting/tables.html", {
        "run": run, "sections": tables_for_display(run.snapshot), "compare": request.GET.get("compare") == "1",
        "previous": run.snapshot.get("previous"), "trend": run.snapshot.get("trend"),
        "checks": checks_for_display(run.snapshot.get("checks")),
    })
