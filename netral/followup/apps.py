from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "netral.followup"
    label = "followup"
    verbose_name = "Tindak lanjut"

    def ready(self) -> None:
        # Follow-up stands above cases: it reacts to decisions and answers whether a case may
        # close, instead of case handling calling it.
        from netral.cases import hooks as case_hooks
        from netral.followup import handlers

        case_hooks.case_decided.register(handlers.issue_recommendations)
        case_hooks.case_may_close.register(handlers.open_followups)
        case_hooks.case_followups.register(handlers.followup_standings)
        case_hooks.case_sections.register(handlers.case_page_section)
        from netral.cases.casefile import case_file_subjects
        from netral.followup.casefile_documents import recommendation_letter_subjects

        case_file_subjects.register(recommendation_letter_subjects)
        from netral.accounts.my_work import my_work_sections
        from netral.followup.my_work import followup_work_sections

        my_work_sections.register(followup_work_sections)
