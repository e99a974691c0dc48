from django.urls import path

from netral.reports import lapor_views, step_forward_views, views

app_name = "reports"

urlpatterns = [
    path("lapor/", views.report_form, name="form"),
    path("lapor/terkirim/", views.receipt, name="receipt"),
    path("lapor/tanda-terima.pdf", views.receipt_download, name="receipt_pdf"),
    path("lapor/ringkasan-lapor/", lapor_views.lapor_summary, name="lapor_summary"),
    path("lacak/", views.track_start, name="track_start"),
    path("lacak/laporan/", views.track_detail, name="track_detail"),
    path("lacak/selesai/", views.track_end, name="track_end"),
    path("lacak/identitas/", step_forward_views.track_step_forward, name="track_step_forward"),
]
