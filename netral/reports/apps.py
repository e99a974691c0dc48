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

        # The staff report page's SP4N-LAPOR! block (issue #16 item 4), beside the sections
        # the apps above add.
        from netral.reports.hooks import report_sections
        from netral.reports.lapor_views import lapor_section

        report_sections.register(lapor_section)
