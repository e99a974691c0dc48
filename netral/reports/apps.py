from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "netral.reports"
    label = "reports"
    verbose_name = "Laporan"

    def ready(self) -> None:
        # The staff home page (accounts, below) asks each app for the work it owns.
        from netral.accounts.my_work import my_work_sections
        from netral.reports.my_work import report_work_sections

        my_work_sections.register(report_work_sections)
