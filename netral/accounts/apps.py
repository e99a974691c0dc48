from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "netral.accounts"
    label = "accounts"
    verbose_name = "Akun"
