from django.urls import include, path

from employment import views, views_vacancies

app_name = "employment"
urlpatterns = [
    path("complaints/discrimination/", views.discrimination_apply, name="discrimination-apply"),
    path("complaints/harassment/", views.harassment_apply, name="harassment-apply"),
    path("complaints/scam/", views.scam_apply, name="scam-apply"),
    path("complaints/discrimination/filed/", views.filed, {"slug": "discrimination"}, name="discrimination-filed"),
    path("complaints/harassment/filed/", views.filed, {"slug": "harassment"}, name="harassment-filed"),
    path("complaints/scam/filed/", views.filed, {"slug": "scam"}, name="scam-filed"),
    path("complaints/<slug:slug>/<uuid:case_id>/", views.case_status, name="case"),
    path("complaints/<slug:slug>/<uuid:case_id>/documents/", views.case_add_documents, name="case-add-documents"),
    path("complaints/<slug:slug>/<uuid:case_id>/withdraw/", views.case_withdraw, name="case-withdraw"),
    path("complaints/<slug:slug>/<uuid:case_id>/attachments/<uuid:attachment_id>/", views.case_attachment,
         name="case-attachment"),
    # The job-ad checker (11b's part of issue 11).
    path("", include("employment.urls_jobads")),
    # The job centre's public vacancy search (issue 12).
    path("vacancies/", views_vacancies.vacancy_list, name="vacancies"),
]
