"""Periodic jobs of the channels (run by ``manage.py scheduler``, see ``common.schedule``)."""

import datetime

from netral.channels.services import channels_purge
from netral.common import schedule


def purge() -> str:
    conversations, deliveries = channels_purge()
    return f"{conversations} conversations, {deliveries} delivery records deleted"


schedule.register(
    "channels.purge",
    purge,
    every=datetime.timedelta(hours=1),
    summary="Hapus percakapan WhatsApp yang kedaluwarsa dan catatan kiriman lama",
)


def capture_due() -> str:
    from netral.channels.capture import capture_due as enqueue_due

    return f"{enqueue_due()} link captures retried"


schedule.register(
    "channels.capture_due",
    capture_due,
    every=datetime.timedelta(minutes=1),
    summary="Ulangi penangkapan tautan bukti yang gagal (dengan jeda bertahap)",
)
