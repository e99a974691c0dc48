"""Replaces ``django.contrib.admin`` in ``INSTALLED_APPS`` so that ``admin.site`` is the
two-factor back office (``admin_site.NetralAdminSite``). Kept apart from the site: this module
is imported while apps load, before models may be."""

from __future__ import annotations

from django.contrib.admin.apps import AdminConfig


class NetralAdminConfig(AdminConfig):
    default = False
    default_site = "netral.accounts.admin_site.NetralAdminSite"
