"""The rights work's public pages, for employment/urls.py to include: path("", include("employment.urls_jobads")).

The job-ad checker, and the register of employers whose discrimination was found and published."""

from django.urls import path

from employment.views_jobads import job_ad_checker
from employment.views_register import discrimination_register

urlpatterns = [
    path("job-ad-checker/", job_ad_checker, name="job-ad-checker"),
    path("discrimination-register/", discrimination_register, name="discrimination-register"),
]
