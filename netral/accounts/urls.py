from django.urls import path

from netral.accounts import staff_import_views, views

app_name = "accounts"

urlpatterns = [
    path("masuk/", views.login_view, name="login"),
    path("masuk/autentikator/", views.enrol_view, name="enrol"),
    path("undangan/<str:token>/", staff_import_views.invitation_view, name="invitation"),
    path("keluar/", views.logout_view, name="logout"),
    path("ruang-kerja/", views.workspace, name="workspace"),
    path("ruang-kerja/jumlah/", views.my_work_count, name="my_work_count"),
]
