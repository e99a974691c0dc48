"""What follow-up adds to a case file (``netral.cases.casefile``): the recommendation letters
issued on the case, answered through the ``case_file_subjects`` hook."""

from __future__ import annotations

from netral.cases.models import Case
from netral.documents.kinds import Subject
from netral.followup.models import Recommendation


def recommendation_letter_subjects(case: Case) -> list[Subject]:
    ids = Recommendation.objects.filter(case=case).order_by("pk").values_list("pk", flat=True)
    return [Subject.of("recommendation", pk) for pk in ids]
