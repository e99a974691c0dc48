"""Background work for official documents: render a document's PDF once the transaction that
issued it has committed (queued by ``document_issue``)."""

from __future__ import annotations

from django_tasks import task

from netral.documents.services import document_render


@task()
def document_render_task(*, document_id: int) -> None:
    """Render and store the PDF of a pending document (nothing when it has its bytes)."""
    document_render(document_id=document_id)
