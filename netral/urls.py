from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from netral.api import api
from netral.api import not_found as api_not_found
from netral.common import views as common_views

admin.site.site_header = "Netral — administrasi"
admin.site.site_title = "Netral"

urlpatterns = [
    # The API first: an intake request resolves in one step, not after every page's pattern.
    path("api/", api.urls),
    re_path(r"^api/", api_not_found),  # JSON 404 for the rest of /api/
    path("", common_views.home, name="home"),
    path("healthz", common_views.healthz, name="healthz"),
    path("bahasa/", common_views.set_language, name="set_language"),
    path("akun/", include("netral.accounts.urls")),
    path("", include("netral.reports.urls")),
    path("ruang-kerja/", include("netral.reports.staff_urls")),
    path("ruang-kerja/laporan/", include("netral.channels.staff_urls")),
    path("ruang-kerja/notifikasi/", include("netral.accounts.notification_urls")),
    path("ruang-kerja/akun-staf/", include("netral.accounts.staff_import_urls")),
    path("ruang-kerja/kasus/", include("netral.cases.urls")),
    path("ruang-kerja/kasus/", include("netral.cases.document_urls")),
    path("ruang-kerja/kasus/", include("netral.cases.casefile_urls")),
    path("ruang-kerja/kasus/", include("netral.cases.saved_view_urls")),
    path("ruang-kerja/penahanan-hukum/", include("netral.operations.urls")),
    path("ruang-kerja/tindak-lanjut/", include("netral.followup.urls")),
    path("ruang-kerja/imbauan/", include("netral.prevention.appeals_urls")),
    path("ruang-kerja/peringatan/", include("netral.prevention.warnings_urls")),
    path("ruang-kerja/pencegahan/", include("netral.prevention.commitments_urls")),
    path("ruang-kerja/orang/", include("netral.triage.persons_urls")),
    path("ruang-kerja/saran/", include("netral.triage.suggestions_urls")),
    path("", include("netral.analytics.urls")),
    path("verify/", include("netral.documents.urls")),
    path("ikrar/", include("netral.prevention.pledges_urls")),
    path("", include("netral.prevention.pledge_events_urls")),
    path("", include("netral.prevention.guidance_urls")),
    path("channels/", include("netral.channels.urls")),
    path(f"{settings.NETRAL_ADMIN_PATH}/", admin.site.urls),
]
