"""Language selection: Bahasa Indonesia unless the visitor chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
most phones set to English. Netral is an Indonesian public service: Indonesian is the default
and the switch in the header (a cookie) is the only way to change it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


# Pages that hold no personal data and look the same for every anonymous visitor (per
# language): shared caches may keep them briefly. The report form is not among them: its CSRF
# token belongs to one visitor's cookie.
PUBLIC_PAGES = frozenset({"home", "analytics:open_data", "analytics:open_data_file"})
PUBLIC_MAX_AGE = 300


class PublicCacheMiddleware:
    """``Cache-Control: public`` for the public pages, and never on a response that sets a
    cookie or answers a visitor who has a session (staff, a reporter tracking a report): those
    become ``private``. Sits above the session and CSRF middleware so it sees their cookies.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        personal = bool(response.cookies) or settings.SESSION_COOKIE_NAME in request.COOKIES
        match = getattr(request, "resolver_match", None)
        if (
            not personal
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and match is not None
            and match.view_name in PUBLIC_PAGES
        ):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
            # The language comes from a cookie: a shared copy is per language.
            patch_vary_headers(response, ("Cookie",))
        elif "public" in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)  # replaces "public"
        return response
