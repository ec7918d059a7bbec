from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from labor_portal.core.health import health_report
from labor_portal.core.roles import SECTION_TITLES

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


@login_required
def staff_home(request):
    """Where staff land after logging in: the sections their role may enter."""
    sections = [
        {"app_label": app_label, "title": title}
        for app_label, title in SECTION_TITLES.items()
        if request.user.has_module_perms(app_label)
    ]
    return render(
        request,
        "staff/home.html",
        {
            "sections": sections,
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
