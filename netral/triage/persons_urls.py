from django.urls import path

from netral.triage import persons_views as views

app_name = "triage_persons"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("<uuid:public_id>/", views.person_detail, name="person_detail"),
    path("<uuid:public_id>/konfirmasi/", views.link_confirm, name="link_confirm"),
    path("<uuid:public_id>/tolak/", views.link_reject, name="link_reject"),
    path("<uuid:public_id>/pisahkan/", views.split, name="split"),
    path("<uuid:public_id>/gabungkan/", views.merge, name="merge"),
]
