"""Public verification of official documents, mounted at ``verify/``."""

from django.urls import path

from netral.documents import views as document_views

app_name = "documents"

urlpatterns = [
    path("", document_views.verify_page, name="verify_start"),
    # Numbers contain slashes: "NTR/2026/3275/000123".
    path("<path:number>", document_views.verify_page, name="verify"),
]
