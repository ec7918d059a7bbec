from django.urls import path

from inspections import views

# Included at the site's root (InspectionsConfig.url_prefix): /violations/ is the register's published address.
urlpatterns = [
    path("violations/", views.violation_register, name="violations"),
    path("violations/export.csv", views.violation_register_csv, name="violations-csv"),
]
