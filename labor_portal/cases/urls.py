from django.urls import path

from labor_portal.cases import views

# Included at the site's root: /track/ is printed on letters and e-mails already sent.
urlpatterns = [
    path("track/", views.track, name="track"),
    path("track/lost-code/", views.lost_code, name="track-lost-code"),
]
