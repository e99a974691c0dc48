"""Staff sign-in (password + TOTP), sign-out and the workspace landing page."""

from __future__ import annotations

from django.contrib import auth
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token

from netral.accounts.decorators import staff_required
from netral.accounts.forms import LoginForm
from netral.accounts.models import User
from netral.accounts.selectors import workspace_summary

LOGIN_FAILED = "Nama pengguna, kata sandi, atau kode autentikator salah."


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:workspace")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        user = auth.authenticate(request, username=username, password=form.cleaned_data["password"])
        device = match_token(user, form.cleaned_data["otp_token"]) if user else None
        if user is not None and device is not None:
            auth.login(request, user)
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        if user is not None:
            # Password right, code wrong: still a failed attempt for the throttle.
            user_login_failed.send(sender=User, credentials={"username": username}, request=request)
        error = _(LOGIN_FAILED)
    elif request.method == "POST":
        error = _(LOGIN_FAILED)
    return render(
        request,
        "accounts/login.html",
        {"form": form, "error": error, "next": request.GET.get("next", "")},
        status=400 if error else 200,
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return HttpResponseRedirect(reverse("home"))


@staff_required("workspace.view")
def workspace(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    return render(
        request, "accounts/workspace.html", {"summary": workspace_summary(user=request.user)}
    )
