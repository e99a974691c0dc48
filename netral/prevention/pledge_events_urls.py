"""Collective pledge events: the staff pages under ``ruang-kerja/ikrar-bersama/`` and the
public count at ``ikrar-bersama/`` (mounted at the root)."""

from django.urls import path

from netral.prevention import pledge_events_views as views

app_name = "pledge_events"

urlpatterns = [
    path("ruang-kerja/ikrar-bersama/", views.event_list, name="list"),
    path("ruang-kerja/ikrar-bersama/<int:event_id>/foto/", views.event_photo, name="photo"),
    path("ikrar-bersama/", views.public_count, name="public"),
]
