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
        # The stage stored beside each case's event date follows its cycle's calendar.
        from django.db.models.signals import post_delete, post_save

        from netral.cases.first_report import stage_changed
        from netral.elections.models import Stage

        post_save.connect(stage_changed, sender=Stage, dispatch_uid="cases.stage_changed.save")
        post_delete.connect(stage_changed, sender=Stage, dispatch_uid="cases.stage_changed.del")
