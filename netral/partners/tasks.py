"""Background work of partners: one webhook delivery per task."""

from __future__ import annotations

from django_tasks import task

from netral.partners.delivery import deliveries_retry_due, delivery_attempt


@task()
def delivery_send(*, delivery_id: int) -> bool | None:
    return delivery_attempt(delivery_id=delivery_id)


@task()
def deliveries_retry() -> int:
    """Periodic: the deliveries whose back-off has passed."""
    return deliveries_retry_due()
