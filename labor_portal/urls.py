from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from labor_portal.api import router
from labor_portal.core import accounts, api_tokens, views
from labor_portal.core.sections import section_urls

urlpatterns = [
    path("", views.home, name="home"),
    path("staff/", views.staff_home, name="staff-home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", accounts.StaffPasswordResetView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", accounts.StaffPasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        accounts.StaffPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/api-tokens/", api_tokens.api_tokens, name="api-tokens"),
    path("reports/", include("labor_portal.reporting.urls")),
    path("open-data/", include("labor_portal.reporting.open_data_urls")),  # public: approved half-years only
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin's login page links to this name when it exists: the same staff password reset.
    path("admin/password-reset/", RedirectView.as_view(pattern_name="password_reset"), name="admin_password_reset"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    # Public while developing; in production only for signed-in users (the schema maps every endpoint).
    path(
        "api/schema/",
        SpectacularAPIView.as_view(permission_classes=[accounts.IsAuthenticatedUnlessDebug]),
        name="schema",
    ),
    path(
        "api/docs/",
        accounts.login_required_unless_debug(
            SpectacularSwaggerView.as_view(url_name="schema", permission_classes=[accounts.IsAuthenticatedUnlessDebug])
        ),
        name="api-docs",
    ),
    path("", include("labor_portal.cases.urls")),  # /track/: every kind of case
    *section_urls(),  # each section's urls.py, under its url_prefix
]

# 404.html and 403.html are found by Django's own handlers; a 500 must not touch the database (views.server_error).
handler500 = views.server_error
