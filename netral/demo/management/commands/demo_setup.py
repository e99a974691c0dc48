from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.demo.accounts import DEMO_PASSWORD, demo_accounts_ensure
from netral.demo.appeals import demo_appeal_rates
from netral.demo.data import (
    demo_data_load,
    demo_data_loaded,
    demo_tracking_refresh,
)
from netral.demo.warnings import demo_warnings_summary
from netral.reports.receipts import receipt_code_display


class Command(BaseCommand):
    help = "Load reference data and the demo accounts, and print how to sign in (demo only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reports",
            type=int,
            default=getattr(settings, "NETRAL_DEMO_REPORTS", 6000),
            help="how many demo reports to load when there are none yet",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEBUG or settings.NETRAL_DEMO):
            raise CommandError("demo_setup only runs with DEBUG=1 or NETRAL_DEMO=1.")
        call_command("createcachetable")
        call_command("load_regions", stdout=self.stdout)
        call_command("load_elections", stdout=self.stdout)
        call_command("load_rules", stdout=self.stdout)
        accounts = demo_accounts_ensure()
        if demo_data_loaded():
            # Receipt codes are never stored: new tracking reports, so there are codes to show.
            tracking = demo_tracking_refresh()
            self.stdout.write("Demo data already loaded (reset: manage.py load_demo_data --reset).")
        else:
            summary = demo_data_load(reports=options["reports"])
            tracking = summary.tracking
            self.stdout.write(
                f"Demo data: {summary.reports} reports, {summary.cases} cases, "
                f"{summary.recommendations} recommendations, {summary.pledges} pledges "
                f"and {summary.appeals} appeals ({summary.seconds:.1f} s)."
            )
        port = settings.NETRAL_DEMO_PORT
        w = self.stdout.write
        w("")
        w("=" * 78)
        w(f" Netral demo: http://127.0.0.1:{port}/   staff sign-in: /akun/masuk/")
        w(f" API docs: http://127.0.0.1:{port}/api/docs")
        w(f" For ASN: http://127.0.0.1:{port}/boleh-atau-tidak/ (guide) and /ikrar/ (pledge)")
        w(
            f" Prevention: http://127.0.0.1:{port}/ruang-kerja/pencegahan/komitmen/ (commitments,"
            " meetings, pacts, activities; try bekasi.staf and ppk.bekasi)"
        )
        rates = demo_appeal_rates()
        w(
            f" Appeals (imbauan): http://127.0.0.1:{port}/ruang-kerja/imbauan/ ({rates.appeals}"
            f" issued; {rates.share(rates.acknowledged):.0f}% of addressees acknowledged,"
            f" {rates.share(rates.followed_up):.0f}% followed up; jabar.staf: per-region view"
        )
        w("   /ruang-kerja/imbauan/per-daerah/; ppk.bekasi: acknowledge; /api/prevention/appeals)")
        early = demo_warnings_summary()
        fired = ", ".join(f"{code} {n}" for code, n in sorted(early.by_signal.items()))
        w(
            f" Early warnings: http://127.0.0.1:{port}/ruang-kerja/peringatan/ ({early.total}"
            f" regions on {early.day or '-'}; signals: {fired or 'none'}; /api/prevention/warnings)"
        )
        w(f" Password for every account: {DEMO_PASSWORD}")
        w(" Sign-in asks for a 6-digit authenticator code: add the TOTP secret to any")
        w(" authenticator app, or print the current code with:")
        w("   .venv/bin/python manage.py totp_code <username>")
        w("=" * 78)
        for account in accounts:
            user = account.user
            where = user.jurisdiction.name if user.jurisdiction else "Nasional"
            w(f" {user.username:<17} {user.get_role_display():<18} {where}")
            w(f"   TOTP secret: {account.totp_secret}")
            w(f"   API token:   {account.api_token}")
        w("=" * 78)
        w(f" Try tracking at http://127.0.0.1:{port}/lacak/ with these receipt codes:")
        for item in tracking:
            w(f"   {receipt_code_display(item.code)}  {item.status} ({item.region})")
        w("=" * 78)
