from django.http import HttpResponse
from django.urls import path

app_name = "tenth_section"
urlpatterns = [path("apply/", lambda request: HttpResponse("tenth"), name="apply")]
