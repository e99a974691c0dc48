"""The appeals pages of the staff workspace, mounted at ``ruang-kerja/imbauan/``."""

from django.urls import path

from netral.prevention import appeals_views as views

app_name = "appeals"

urlpatterns = [
    path("", views.appeal_list, name="list"),
    path("baru/", views.appeal_new, name="new"),
    path("per-daerah/", views.region_overview, name="regions"),
    path("<int:appeal_id>/", views.appeal_detail, name="detail"),
    path("<int:appeal_id>/ubah/", views.appeal_edit, name="edit"),
    path("<int:appeal_id>/terbitkan/", views.appeal_issue, name="issue"),
    path("<int:appeal_id>/surat/", views.appeal_letter, name="letter"),
    path("tindak-lanjut/<int:follow_up_id>/berkas/", views.follow_up_file, name="follow_up_file"),
    path("tujuan/<int:recipient_id>/<slug:action>/", views.recipient_act, name="act"),
]
