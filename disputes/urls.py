from django.urls import path

from disputes import views

app_name = "disputes"
urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/filed/", views.filed, name="filed"),
    path("track/<uuid:case_id>/", views.case_status, name="case"),
    path("track/<uuid:case_id>/documents/", views.case_add_documents, name="case-add-documents"),
    path("track/<uuid:case_id>/withdraw/", views.case_withdraw, name="case-withdraw"),
    path("track/<uuid:case_id>/attachments/<uuid:attachment_id>/", views.case_attachment, name="case-attachment"),
]
