from django.urls import path

from migrant_workers import views

app_name = "migrant_workers"
urlpatterns = [
    path("complain/", views.complain, name="complain"),
    path("complain/filed/", views.filed, name="filed"),
    path("track/<uuid:case_id>/", views.case_status, name="case"),
]
