"""A case's official documents, mounted under ``ruang-kerja/kasus/`` (namespace
``case_documents``)."""

from django.urls import path

from netral.cases import document_views

app_name = "case_documents"

urlpatterns = [
    path(
        "<int:case_id>/dokumen/<slug:kind>/terbitkan/",
        document_views.case_document_issue_view,
        name="issue",
    ),
    path(
        "<int:case_id>/dokumen/<int:document_id>/unduh/",
        document_views.case_document_download,
        name="download",
    ),
]
