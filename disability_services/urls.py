from django.urls import path

from disability_services import views

app_name = "disability_services"

urlpatterns = [
    path("quota-calculator/", views.quota_calculator, name="quota-calculator"),
]
