"""Absolute links for what leaves the site (e-mails, PDFs, QR codes): the public address
``NETRAL_SITE_URL`` followed by the path Django's URL configuration gives a view, so a link
never names a port or a path by hand."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode


def site_url(
    viewname: str, *, kwargs: dict[str, Any] | None = None, query: dict[str, str] | None = None
) -> str:
    """``NETRAL_SITE_URL`` + ``reverse(viewname, kwargs=kwargs)`` (+ ``?query``)."""
    url = settings.NETRAL_SITE_URL.rstrip("/") + reverse(viewname, kwargs=kwargs)
    return f"{url}?{urlencode(query)}" if query else url
