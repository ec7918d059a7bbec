from django.urls import path

from labor_portal.reporting import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("runs/", views.start, name="start"),
    path("runs/<uuid:pk>/", views.run_detail, name="run"),
    path("runs/<uuid:pk>/status.json", views.run_status, name="status"),
    path("runs/<uuid:pk>/tables/", views.run_tables, name="tables"),
]
