"""Staff pages for cases, mounted under ``ruang-kerja/kasus/``."""

from django.urls import path

from netral.cases import assignment_views, views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("<int:case_id>/", views.case_detail, name="case_detail"),
    path(
        "<int:case_id>/klarifikasi/lampiran/<int:attachment_id>/",
        views.clarification_attachment,
        name="clarification_attachment",
    ),
    path(
        "<int:case_id>/penugasan/<slug:action>/",
        assignment_views.case_assignment,
        name="case_assignment",
    ),
    path("<int:case_id>/catatan/", assignment_views.case_note_add, name="note_add"),
    path(
        "<int:case_id>/catatan/lampiran/<int:attachment_id>/",
        assignment_views.case_note_attachment,
        name="note_attachment",
    ),
    path("<int:case_id>/<slug:action>/", views.case_action, name="case_action"),
]
