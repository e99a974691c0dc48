from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.demo.accounts import totp_current_code


class Command(BaseCommand):
    help = "Print the current authenticator code of a demo account (demo only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        if not (settings.DEBUG or settings.NETRAL_DEMO):
            raise CommandError("totp_code only runs with DEBUG=1 or NETRAL_DEMO=1.")
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username!r} has no authenticator device.")
        self.stdout.write(totp_current_code(device))
