"""Staff pages for pacts, meetings, commitments and activities, under
``ruang-kerja/pencegahan/``."""

from django.urls import path

from netral.prevention import commitments_views as views

app_name = "commitments"

urlpatterns = [
    path("pakta/", views.pact_list, name="pact_list"),
    path("pakta/baru/", views.pact_new, name="pact_new"),
    path("pakta/<int:pact_id>/", views.pact_detail, name="pact_detail"),
    path("pakta/<int:pact_id>/berkas/", views.pact_file, name="pact_file"),
    path("rapat/", views.meeting_list, name="meeting_list"),
    path("rapat/baru/", views.meeting_new, name="meeting_new"),
    path("rapat/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("rapat/<int:meeting_id>/notulen/", views.meeting_minutes, name="meeting_minutes"),
    path("rapat/<int:meeting_id>/komitmen/", views.commitment_add, name="commitment_add"),
    path("komitmen/", views.commitment_list, name="commitment_list"),
    path("komitmen/<int:commitment_id>/", views.commitment_detail, name="commitment_detail"),
    path("komitmen/<int:commitment_id>/status/", views.commitment_status, name="commitment_status"),
    path("kegiatan/", views.activity_list, name="activity_list"),
    path("kegiatan/baru/", views.activity_new, name="activity_new"),
]
