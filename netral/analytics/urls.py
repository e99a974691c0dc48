"""Statistics pages: public open data under ``statistik/``, staff pages under
``ruang-kerja/statistik/``."""

from django.urls import path, re_path

from netral.analytics import pledge_views, views

app_name = "analytics"

urlpatterns = [
    path("statistik/", views.open_data, name="open_data"),
    re_path(r"^statistik/data\.(?P<fmt>csv|json)$", views.open_data_file, name="open_data_file"),
    # Neutrality pledges (individual and collective), suppressed like the rest.
    path("statistik/ikrar/", pledge_views.open_data_pledges, name="open_data_pledges"),
    re_path(
        r"^statistik/ikrar\.(?P<fmt>csv|json)$",
        pledge_views.open_data_pledges_file,
        name="open_data_pledges_file",
    ),
    path("ruang-kerja/statistik/", views.dashboard, name="dashboard"),
    path("ruang-kerja/statistik/ikp/<str:code>/", views.ikp_method, name="ikp_method"),
    re_path(
        r"^ruang-kerja/statistik/ekspor/(?P<key>[a-z_]+)\.(?P<fmt>csv|xlsx)$",
        views.dashboard_export,
        name="dashboard_export",
    ),
    re_path(
        r"^ruang-kerja/statistik/ekspor-kasus\.(?P<fmt>csv|xlsx)$",
        views.case_export,
        name="case_export",
    ),
]
