from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "netral.cases"
    label = "cases"
    verbose_name = "Penanganan"

    def ready(self) -> None:
        # Cases stands above reports: it listens to intake instead of intake calling it.
        from netral.cases import handlers
        from netral.reports import hooks as report_hooks

        report_hooks.report_opening.register(handlers.open_case)
        report_hooks.report_submitted.register(handlers.case_opened)
        # After the intake's commit, in the post-intake task (``reports.received``).
        report_hooks.report_received.register(handlers.search_index_received)
        report_hooks.report_decisions.register(handlers.report_decisions)
        report_hooks.report_made_finding.register(handlers.case_to_finding)
        from netral.cases import alerts

        alerts.register()  # notifications, and the assignment and notes block
        report_hooks.report_text_changed.register(handlers.search_refresh)
        report_hooks.report_stepped_forward.register(handlers.case_to_report)
        from netral.accounts.my_work import my_work_sections
        from netral.cases.my_work import case_work_sections

        my_work_sections.register(case_work_sections)
