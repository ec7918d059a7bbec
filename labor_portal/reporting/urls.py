from django.urls import path

from labor_portal.reporting import approval_views, views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("runs/", views.start, name="start"),
    path("runs/<uuid:pk>/", views.run_detail, name="run"),
    path("runs/<uuid:pk>/status.json", views.run_status, name="status"),
    path("runs/<uuid:pk>/tables/", views.run_tables, name="tables"),
    path("runs/<uuid:pk>/approve/", approval_views.approve, name="approve"),
    path("published/<str:period>/r<int:revision>.xlsx", approval_views.published_workbook, name="published-xlsx"),
    path("published/<str:period>/r<int:revision>-en.xlsx", approval_views.published_workbook, {"lang": "en"},
         name="published-xlsx-en"),
]
