"""The notification centre, mounted under ``ruang-kerja/notifikasi/``."""

from django.urls import path

from netral.accounts import notification_views as views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:notification_id>/", views.notification_open, name="open"),
    path("baca-semua/", views.notification_read_all, name="read_all"),
    path("pengaturan/", views.notification_settings, name="settings"),
]
