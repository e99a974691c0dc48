"""Saved views of the case inbox, mounted under ``ruang-kerja/kasus/``."""

from django.urls import path

from netral.cases import saved_view_views as views

app_name = "saved_views"

urlpatterns = [
    path("tampilan/", views.saved_view_create_view, name="create"),
    path("tampilan/<int:view_id>/ubah/", views.saved_view_update_view, name="update"),
    path("tampilan/<int:view_id>/hapus/", views.saved_view_delete_view, name="delete"),
]
