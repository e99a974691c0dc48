"""Domain errors as staff pages, in one place for every HTML view.

Services raise ``netral.common.errors``; a page answers them alike everywhere:

- ``NotFound`` (missing or outside the jurisdiction) is the 404 page and ``PermissionDenied``
  the 403 page, so an outsider learns nothing from the difference;
- any other ``ApplicationError`` (a broken business rule, a ``Conflict``) goes back to the
  page the request came from with the message, or, inside ``broken_rules()``, lets the view
  show its form again with the message (400).

``domain_errors`` wraps a view; ``broken_rules`` is a block inside one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from netral.common.errors import ApplicationError, NotFound, PermissionDenied

View = TypeVar("View", bound=Callable[..., HttpResponse])
# Where a refused request goes back to, from the view's URL keyword arguments.
BackUrl = Callable[..., str]


def refusal_page(request: HttpRequest, error: ApplicationError) -> HttpResponse | None:
    """The page for an outsider: 404 for missing or out of jurisdiction, 403 for no right;
    None for any other error (the caller decides)."""
    if isinstance(error, NotFound):
        return render(request, "404.html", status=404)
    if isinstance(error, PermissionDenied):
        return render(request, "403.html", status=403)
    return None


def back_to(url_name: str, *params: str) -> BackUrl:
    """``back`` for ``domain_errors``: the named URL, filled from the view's ``params``."""

    def url(**view_kwargs: Any) -> str:
        return reverse(url_name, kwargs={name: view_kwargs[name] for name in params})

    return url


def domain_errors(*, back: BackUrl | None = None) -> Callable[[View], View]:
    """Turn the domain errors a view lets through into pages: ``NotFound`` -> 404,
    ``PermissionDenied`` -> 403, any other ``ApplicationError`` -> the message
    (``messages.error``) and a redirect to ``back`` (re-raised when there is no ``back``)."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except ApplicationError as error:
                refused = refusal_page(request, error)
                if refused is not None:
                    return refused
                if back is None:
                    raise
                messages.error(request, error.message)
                return redirect(back(**kwargs))

        return wrapper  # type: ignore[return-value]

    return decorate


@dataclass
class BrokenRule:
    """What ``broken_rules`` caught: empty (falsy) when the block went through."""

    message: str = ""
    field: str | None = None
    status: int = 400

    def __bool__(self) -> bool:
        return bool(self.message)


@contextmanager
def broken_rules(*, refusals: bool = False) -> Iterator[BrokenRule]:
    """Catch a broken business rule raised in the block, so the view can show its form again
    with the message. ``NotFound`` and ``PermissionDenied`` are not caught (they reach
    ``domain_errors`` and become the 404/403 page) unless ``refusals``: for a refusal of what
    the form asked (a region outside the jurisdiction), not of the page itself."""
    caught = BrokenRule()
    try:
        yield caught
    except ApplicationError as error:
        if not refusals and isinstance(error, NotFound | PermissionDenied):
            raise
        caught.message, caught.field, caught.status = error.message, error.field, error.status_code


@dataclass(frozen=True)
class ActionPanel:
    """One action form on a staff page (``includes/action_form.html``): where it posts, its
    button, its bound or empty form, and an optional hint under it."""

    name: str
    label: Any
    url: str
    form: Any
    hint: Any = ""
    capability: str = ""


def action_post(
    request: HttpRequest,
    *,
    allowed: bool,
    form: Any,
    perform: Callable[[Any], Any],
    page: Callable[[Any, str, int], HttpResponse],
    done: Callable[[], HttpResponse],
    success: str,
) -> HttpResponse:
    """The POST of one row of an action table (cases, follow-up): 403 without the right,
    the page again (400) with a form that does not validate or a broken business rule, else
    the success message and ``done()``. ``page(form, error, status)`` renders the page with
    the bound form; ``NotFound``/``PermissionDenied`` from ``perform`` reach ``domain_errors``.
    The caller has resolved the object (404 outside the jurisdiction) first."""
    if not allowed:
        return render(request, "403.html", status=403)
    if not form.is_valid():
        return page(form, "", 400)
    with broken_rules() as broken:
        perform(form)
    if broken:
        return page(form, broken.message, broken.status)
    messages.success(request, success)
    return done()
