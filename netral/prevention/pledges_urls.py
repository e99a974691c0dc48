"""The public pledge page, mounted at ``ikrar/``."""

from django.urls import path

from netral.prevention import pledges_views

app_name = "pledges"

urlpatterns = [
    path("", pledges_views.pledge_form, name="form"),
    path("terima-kasih/", pledges_views.pledge_thanks, name="thanks"),
    path("sertifikat/<uuid:pledge_id>/", pledges_views.pledge_certificate, name="certificate"),
]
