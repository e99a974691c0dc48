"""Import of findings from XLSX, mounted under ``ruang-kerja/temuan/impor/`` by
``staff_urls`` (names in its ``reports_staff`` namespace)."""

from django.urls import path

from netral.reports import import_views as views

urlpatterns = [
    path("", views.import_start, name="finding_import"),
    path("templat.xlsx", views.import_template_download, name="finding_import_template"),
    path("<uuid:public_id>/", views.import_status, name="finding_import_status"),
]
