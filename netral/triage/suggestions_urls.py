from django.urls import path

from netral.triage import suggestions_views as views

app_name = "triage_suggestions"

urlpatterns = [
    path("<uuid:public_id>/terima/", views.suggestion_accept, name="accept"),
    path("<uuid:public_id>/tolak/", views.suggestion_reject, name="reject"),
]
