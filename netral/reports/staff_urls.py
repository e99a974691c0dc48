"""Staff pages for reports, mounted under ``ruang-kerja/``."""

from django.urls import include, path

from netral.reports import lapor_views
from netral.reports import staff_views as views

app_name = "reports_staff"

urlpatterns = [
    path("laporan/", views.report_list, name="report_list"),
    path("laporan/<uuid:public_id>/", views.report_detail, name="report_detail"),
    path("laporan/<uuid:public_id>/jadikan-temuan/", views.make_finding, name="make_finding"),
    path("temuan/baru/", views.finding_create, name="finding_create"),
    path("temuan/impor/", include("netral.reports.import_urls")),
    path("laporan/<uuid:public_id>/pengungkapan/", views.reveal_request, name="reveal_request"),
    path("laporan/<uuid:public_id>/identitas/", views.identity_reveal, name="identity_reveal"),
    path("laporan/<uuid:public_id>/pesan/", views.message_post, name="message_post"),
    path("laporan/<uuid:public_id>/lapor/", lapor_views.lapor_forward, name="lapor_forward"),
    path(
        "laporan/<uuid:public_id>/bukti/<int:evidence_id>/",
        views.evidence_clean,
        name="evidence_clean",
    ),
    path(
        "laporan/<uuid:public_id>/bukti/<int:evidence_id>/asli/",
        views.evidence_original,
        name="evidence_original",
    ),
    path("pengungkapan/", views.reveal_pending, name="reveal_pending"),
    path("pengungkapan/<int:request_id>/", views.reveal_decide, name="reveal_decide"),
]
