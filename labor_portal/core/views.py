import logging
import sys

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from labor_portal.core.health import health_report
from labor_portal.core.roles import SECTION_TITLES

logger = logging.getLogger(__name__)

# Citizen services by URL name, listed on the front page as soon as their section provides them.
CITIZEN_SERVICES = [
    ("disputes:apply", gettext_lazy("勞資爭議調解申請"), gettext_lazy("線上申請勞資爭議調解，送出後取得案件編號與查詢碼。")),
    ("track", gettext_lazy("案件進度查詢"), gettext_lazy("以案件編號與查詢碼查詢處理進度、補件或撤回申請。")),
    ("employment:complain", gettext_lazy("就業歧視、性騷擾與求職詐騙申訴"), gettext_lazy("線上提出申訴並追蹤處理情形。")),
    ("violations", gettext_lazy("違反勞動法令事業單位查詢"), gettext_lazy("查詢經處分確定之違法事業單位。")),
]


def _reverse_or_none(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def home(request):
    """The public front page: the bureau's online services."""
    services = [
        {"url": url, "title": title, "description": description}
        for url_name, title, description in CITIZEN_SERVICES
        if (url := _reverse_or_none(url_name))
    ]
    return render(request, "home.html", {"citizen_services": services})


def _staff_sections(request) -> list[dict]:
    """The sections this user may enter, linked to their admin index where the admin has one.

    A section without any model in the admin (employment before its records exist) has no `admin:app_list`
    URL: it is listed, unlinked, rather than breaking the whole page.
    """
    admin_urls = {app["app_label"]: app["app_url"] for app in admin.site.get_app_list(request)}
    return [
        {"app_label": app_label, "title": title, "url": admin_urls.get(app_label)}
        for app_label, title in SECTION_TITLES.items()
        if request.user.has_module_perms(app_label)
    ]


@login_required
def staff_home(request):
    """Where staff land after logging in: the sections their role may enter."""
    return render(
        request,
        "staff/home.html",
        {
            "sections": _staff_sections(request),
            "can_read_reports": request.user.has_perm("reporting.view_reportrun"),
            "reports_url": _reverse_or_none("reports:index"),
        },
    )


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
