from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from disputes import views as disputes_views
from inspections import views as inspections_views
from labor_portal.api import router
from labor_portal.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("staff/", views.staff_home, name="staff-home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("reports/", include("labor_portal.reporting.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("disputes/", include("disputes.urls")),
    path("track/", disputes_views.track, name="track"),
    path("violations/", inspections_views.violation_register, name="violations"),
    path("violations/export.csv", inspections_views.violation_register_csv, name="violations-csv"),
]
