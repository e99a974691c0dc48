"""The case file (berkas) and redaction, mounted under ``ruang-kerja/kasus/`` (namespace
``case_files``)."""

from django.urls import path

from netral.cases import casefile_views

app_name = "case_files"

urlpatterns = [
    path("<int:case_id>/berkas/buat/", casefile_views.case_file_create, name="create"),
    path("<int:case_id>/berkas/<uuid:public_id>/", casefile_views.case_file_status, name="status"),
    path(
        "<int:case_id>/berkas/<uuid:public_id>/unduh/",
        casefile_views.case_file_download,
        name="download",
    ),
    path(
        "<int:case_id>/redaksi/<slug:target>/<str:target_id>/",
        casefile_views.redaction_edit,
        name="redaction",
    ),
]
