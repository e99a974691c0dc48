from django.urls import path

from netral.accounts import staff_import_views

app_name = "staff_accounts"

urlpatterns = [
    path("impor/", staff_import_views.staff_import_view, name="import"),
    path("pulihkan/", staff_import_views.staff_recovery_find, name="recovery_find"),
    path("<int:user_id>/pulihkan/", staff_import_views.staff_recovery_view, name="recovery"),
]
