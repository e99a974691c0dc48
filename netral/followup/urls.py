from django.urls import path

from netral.followup import assignment_views, views

app_name = "followup"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("kepatuhan/", views.compliance, name="compliance"),
    path("<int:rec_id>/", views.detail, name="detail"),
    path("<int:rec_id>/keputusan/", views.decree, name="decree"),
    path("<int:rec_id>/surat/", views.letter, name="letter"),
    path("<int:rec_id>/surat/terbitkan/", views.letter_issue, name="letter_issue"),
    path(
        "<int:rec_id>/penugasan/<slug:action>/",
        assignment_views.recommendation_assignment,
        name="assignment",
    ),
    path("<int:rec_id>/<slug:action>/", views.act, name="act"),
]
