import logging
import sys

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from labor_portal.cases.kinds import case_sections
from labor_portal.core.health import health_report
from labor_portal.core.sections import citizen_services, sections

logger = logging.getLogger(__name__)

def _reverse_or_none(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def home(request):
    """The public front page: the citizen services the sections declare, then case tracking for them all."""
    services = citizen_services()
    if case_sections():
        services.append({"url": reverse("track"), "title": _("案件進度查詢"),
                         "description": _("以案件編號與查詢碼查詢處理進度、補件或撤回申請。")})
    return render(request, "home.html", {"citizen_services": services})


def _workbench(request, today) -> list[dict]:
    """The sections this user may enter, each with its queues (one aggregate query per model) and links.

    A section without any model in the admin (one not built yet) has no `admin:app_list` URL: it is listed,
    unlinked, rather than breaking the whole page.
    """
    admin_urls = {app["app_label"]: app["app_url"] for app in admin.site.get_app_list(request)}
    benches = []
    for config in sections():
        if not request.user.has_module_perms(config.label):
            continue
        workbenches = config.workbenches(request.user, today)
        queues = [queue for workbench in workbenches for queue in workbench.count(today)]
        benches.append({
            "app_label": config.label,
            "title": config.title,
            "url": admin_urls.get(config.label),
            "queues": sorted(queues, key=lambda queue: not queue["urgent"]),
            "links": _quick_links(config, workbenches),
        })
    return benches


def _quick_links(config, workbenches) -> list[dict]:
    """Add, search and import for each model the section's queues are about, then the section's own links."""
    links = []
    for workbench in workbenches:
        opts = workbench.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        for title, url_name in ((_("新增%(name)s"), f"{name}_add"), (_("搜尋%(name)s"), f"{name}_changelist"),
                                (_("從 Excel 匯入%(name)s"), f"{name}_import")):
            if url := _reverse_or_none(url_name):
                links.append({"title": title % {"name": opts.verbose_name}, "url": url})
    links += [{"title": title, "url": url} for title, url_name in config.quick_links
              if (url := _reverse_or_none(url_name))]
    return links


@login_required
def staff_home(request):
    """Where staff land after logging in: a workbench of what needs them now, per section of their role."""
    return render(
        request,
        "staff/home.html",
        {
            "sections": _workbench(request, timezone.localdate()),
            "can_read_reports": request.user.has_perm("reporting.view_reportrun"),
            "reports_url": _reverse_or_none("reports:index"),
        },
    )


def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (a JSON answer, a file): the portal's own."""
    return redirect(static("img/favicon.svg"), permanent=True)


@never_cache
def healthz(request):
    report = health_report()
    return JsonResponse(report, status=200 if report["ok"] else 503)


def rate_limited(request, exception=None):
    return render(
        request,
        "rate_limited.html",
        {"message": _("您送出的次數太多了，請稍候幾分鐘再試。若有急事，請來電本局服務專線。")},
        status=429,
    )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: an expired form, said in the visitor's language rather than Django's English page."""
    return render(request, "403_csrf.html", status=403)


# The database is down or restarting: the visitor should simply try again in a moment.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request):
    """handler500, in the visitor's language; 503 with Retry-After when the database is unavailable.

    It renders without a RequestContext and never touches the database (the session and the user live
    there, and the database may be what failed): the page shows the anonymous navigation.
    """
    unavailable = isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE)
    status, template = (503, "503.html") if unavailable else (500, "500.html")
    try:
        body = render_to_string(template, {"request": request, "csrf_token": get_token(request)})
    except Exception:  # the error page itself must never fail: fall back to one plain sentence
        logger.exception("Rendering %s failed", template)
        body = _("系統暫時無法處理您的要求，這次送出的資料並未收到，請稍候再試。")
        return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, status=status)
    if unavailable:
        response["Retry-After"] = "60"
    return response
