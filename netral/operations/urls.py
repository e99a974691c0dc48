from django.urls import path

from netral.operations import views

app_name = "operations"

urlpatterns = [
    path("<int:case_id>/", views.legal_hold, name="legal_hold"),
]
