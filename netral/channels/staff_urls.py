from django.urls import path

from netral.channels import capture_views

app_name = "channels_staff"

urlpatterns = [
    path(
        "<uuid:public_id>/tangkapan/<int:job_id>/ulang",
        capture_views.capture_retry_view,
        name="capture_retry",
    ),
]
