"""Periodic jobs of official documents (run by ``manage.py scheduler``)."""

import datetime

from netral.common import schedule
from netral.documents.services import documents_pending, documents_render_pending


def render_pending() -> str:
    """Render what a crash or a lost task left pending; fails while some remain."""
    rendered = len(documents_render_pending())
    left = documents_pending().count()
    if left:
        raise RuntimeError(f"{left} document(s) still pending after rendering {rendered}")
    return f"{rendered} rendered"


schedule.register(
    "documents.render_pending",
    render_pending,
    every=datetime.timedelta(hours=1),
    summary="Render dokumen resmi yang tertunda",
)
