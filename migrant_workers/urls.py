from django.urls import path

from migrant_workers import views

app_name = "migrant_workers"
urlpatterns = [
    path("complain/", views.complain, name="complain"),
    path("complain/filed/", views.filed, name="filed"),
    path("track/<uuid:case_id>/", views.case_status, name="case"),
    path("track/<uuid:case_id>/documents/", views.case_add_documents, name="case-add-documents"),
    path("track/<uuid:case_id>/withdraw/", views.case_withdraw, name="case-withdraw"),
    path("track/<uuid:case_id>/attachments/<uuid:attachment_id>/", views.case_attachment, name="case-attachment"),
]
