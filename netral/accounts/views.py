"""Staff sign-in (password + TOTP), first-time authenticator enrolment, sign-out and the
workspace landing page."""

from __future__ import annotations

import time
from typing import Any

from django.contrib import auth
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token

from netral.accounts.decorators import staff_required
from netral.accounts.enrolment import (
    totp_enrolment_confirm,
    totp_enrolment_pending,
    totp_enrolment_start,
    totp_qr_svg,
    totp_secret_text,
)
from netral.accounts.forms import LoginForm, TotpConfirmForm
from netral.accounts.models import User
from netral.accounts.my_work import my_work, my_work_total
from netral.accounts.selectors import totp_is_enrolled, workspace_summary
from netral.accounts.templatetags.my_work import REQUEST_ATTR as MY_WORK_TOTAL
from netral.common import clock
from netral.common.errors import ApplicationError

LOGIN_FAILED = gettext_noop("Nama pengguna, kata sandi, atau kode autentikator salah.")
ENROL_CODE_WRONG = gettext_noop(
    "Kode tidak cocok. Pastikan jam ponsel Anda tepat, lalu masukkan kode yang sedang tampil."
)
QR_TITLE = gettext_noop("Kode QR untuk aplikasi autentikator")

# A pending enrolment lives in the session (the user is NOT signed in yet) for ten minutes.
ENROL_SESSION_KEY = "netral_totp_enrolment"
ENROL_TTL_SECONDS = 600
# Users reach the enrolment page straight from the password check, not from another backend.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:workspace")


@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        username = form.cleaned_data["username"]
        user = auth.authenticate(request, username=username, password=form.cleaned_data["password"])
        if isinstance(user, User) and not totp_is_enrolled(user=user):
            return _enrolment_begin(request, user)
        token = form.cleaned_data["otp_token"]
        device = match_token(user, token) if user is not None and token else None
        if user is not None and device is not None:
            auth.login(request, user)
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        if user is not None:
            # Password right, code wrong: still a failed attempt for the throttle.
            user_login_failed.send(sender=User, credentials={"username": username}, request=request)
        form.add_error(None, _(LOGIN_FAILED))
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


def _enrolment_begin(request: HttpRequest, user: User) -> HttpResponse:
    try:
        totp_enrolment_start(user=user)
    except ApplicationError:
        return redirect("accounts:login")
    request.session.cycle_key()
    request.session[ENROL_SESSION_KEY] = {
        "user": user.pk,
        "next": _safe_next(request),
        "at": time.time(),
    }
    return redirect("accounts:enrol")


def _enrolment_user(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    pending = request.session.get(ENROL_SESSION_KEY)
    if not isinstance(pending, dict) or time.time() - pending["at"] > ENROL_TTL_SECONDS:
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending) if user is not None else None


@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    found = _enrolment_user(request)
    device = totp_enrolment_pending(user=found[0]) if found else None
    if found is None or device is None:
        request.session.pop(ENROL_SESSION_KEY, None)
        return redirect("accounts:login")
    user, pending = found
    form = TotpConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            confirmed = totp_enrolment_confirm(user=user, token=form.cleaned_data["otp_token"])
        except ApplicationError:
            request.session.pop(ENROL_SESSION_KEY, None)
            return redirect("accounts:login")
        if confirmed is not None:
            auth.login(request, user, backend=MODEL_BACKEND)
            otp_login(request, confirmed)
            request.session.pop(ENROL_SESSION_KEY, None)
            return HttpResponseRedirect(pending["next"])
        form.add_error("otp_token", _(ENROL_CODE_WRONG))
    context = {
        "form": form,
        "qr_svg": totp_qr_svg(device, title=_(QR_TITLE)),
        "secret": totp_secret_text(device),
        "account": user.get_username(),
    }
    return render(request, "accounts/enrol.html", context, status=400 if form.errors else 200)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return HttpResponseRedirect(reverse("home"))


@never_cache
@staff_required("workspace.view")
def workspace(request: HttpRequest) -> HttpResponse:
    """The staff home page: what needs me now (my work), then who I am at work."""
    assert isinstance(request.user, User)
    sections = my_work(actor=request.user, now=clock.now())
    # The menu's count is these sections' total: no second round of counting.
    setattr(request, MY_WORK_TOTAL, sum(section.count for section in sections))
    context = {"summary": workspace_summary(user=request.user), "sections": sections}
    return render(request, "accounts/workspace.html", context)


@never_cache
@require_GET
@staff_required("workspace.view")
def my_work_count(request: HttpRequest) -> HttpResponse:
    """The menu's count, fetched by htmx after a staff page has loaded, so that counting
    never slows the page itself (the home page counts in place)."""
    assert isinstance(request.user, User)
    count = my_work_total(actor=request.user, now=clock.now())
    return render(request, "accounts/_my_work_count.html", {"count": count})
