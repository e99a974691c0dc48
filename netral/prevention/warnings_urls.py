"""The early-warnings pages of the staff workspace, mounted at ``ruang-kerja/peringatan/``."""

from django.urls import path

from netral.prevention import warnings_views as views

app_name = "warnings"

urlpatterns = [
    path("", views.warning_list, name="list"),
    path("<int:warning_id>/", views.warning_detail, name="detail"),
    path("<int:warning_id>/tindak-lanjut/", views.warning_acknowledge_view, name="acknowledge"),
]
