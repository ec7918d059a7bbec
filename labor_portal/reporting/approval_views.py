"""Approving a run and downloading what was published (the run page shows both through _approval.html)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from labor_portal.reporting.models import Publication, ReportRun
from labor_portal.reporting.publication import (
    ApprovalRefused,
    approval_refusal,
    corrections_since_approval,
    report_diff,
    report_run_approve,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def approval_context(run: ReportRun, user) -> dict:
    """What the run page shows about publication: revisions, this run's diff against the published one, whether
    the user may approve it, and corrections made to the half-year's records since its approval."""
    revisions = list(
        Publication.objects.filter(period=run.period).select_related("approved_by", "generated_by", "run")
        .defer("snapshot", "diff").order_by("-revision")
    )
    current = revisions[0] if revisions else None
    published_here = next((p for p in revisions if p.run_id == run.pk), None)
    diff = None
    if current and not published_here and run.status == ReportRun.Status.DONE:
        diff = report_diff(Publication.objects.values_list("snapshot", flat=True).get(pk=current.pk),
                           ReportRun.objects.values_list("snapshot", flat=True).get(pk=run.pk))
    return {
        "revisions": revisions,
        "current_publication": current,
        "published_here": published_here,
        "diff": diff,
        "approval_refusal": approval_refusal(run, user) if run.status == ReportRun.Status.DONE else None,
        "corrections": corrections_since_approval(current) if current else None,
    }


@login_required
@permission_required("reporting.approve_reportrun", raise_exception=True)
@require_POST
def approve(request, pk):
    run = get_object_or_404(ReportRun, pk=pk)
    try:
        publication = report_run_approve(run_id=run.pk, approved_by=request.user)
    except ApprovalRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("已核定公布 %(period)s 第 %(revision)s 版。") % {
            "period": publication.half_year.label_zh, "revision": publication.revision})
    return redirect("reports:run", run.pk)


@login_required
@permission_required("reporting.view_reportrun", raise_exception=True)
def published_workbook(request, period, revision, lang="zh-hant"):
    """A published revision's workbook, exactly as it was approved."""
    publication = get_object_or_404(Publication.objects.defer("snapshot", "diff"), period=period, revision=revision)
    return serve_workbook(publication, lang)


def serve_workbook(publication: Publication, lang: str) -> FileResponse:
    stored = publication.workbook_en if lang == "en" else publication.workbook
    if not stored:
        raise Http404(_("這個版本沒有英文活頁簿。"))
    suffix = "-en" if lang == "en" else ""
    return FileResponse(stored.open("rb"), as_attachment=True, content_type=XLSX,
                        filename=f"labor-report-{publication.period}-r{publication.revision}{suffix}.xlsx")

