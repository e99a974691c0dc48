"""Background work for the case file: build the ZIP once the request has committed."""

from __future__ import annotations

from django_tasks import task

from netral.cases.casefile_build import case_file_build


@task()
def case_file_build_task(*, case_file_id: int) -> None:
    """Build a requested case file (nothing when it is finished already)."""
    case_file_build(case_file_id=case_file_id)
