"""Pages for staff accounts at scale: the XLSX import (upload, preview, confirm), the
invitation link (set a password, enrol an authenticator) and the admin-assisted recovery.
Plain forms, no script."""

from __future__ import annotations

import base64
import zlib

from django.contrib import auth
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.enrolment import (
    totp_enrolment_pending,
    totp_enrolment_start,
    totp_qr_svg,
    totp_secret_text,
)
from netral.accounts.invitations import invitation_accept, invitation_user, totp_recovery_start
from netral.accounts.models import User
from netral.accounts.staff_import import (
    StaffImportFailed,
    staff_import_check,
    staff_import_run,
)
from netral.common.errors import ApplicationError

UPLOAD_SALT = "netral.accounts.staff_import.upload"
UPLOAD_EXPIRED = gettext_noop("Pratinjau sudah kedaluwarsa; unggah berkasnya lagi.")
QR_TITLE = gettext_noop("Kode QR untuk aplikasi autentikator")
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _pack(actor: User, content: bytes) -> str:
    """The checked file, signed for this administrator, carried by the confirm form."""
    data = base64.b64encode(zlib.compress(content)).decode("ascii")
    return signing.dumps({"a": actor.pk, "c": data}, salt=UPLOAD_SALT, compress=False)


def _unpack(actor: User, packed: str) -> bytes:
    try:
        payload = signing.loads(packed, salt=UPLOAD_SALT, max_age=3600)
    except signing.BadSignature as exc:
        raise ApplicationError(UPLOAD_EXPIRED) from exc
    if payload.get("a") != actor.pk:
        raise ApplicationError(UPLOAD_EXPIRED)
    # The file was bounded before it was signed; the signature proves it is that file.
    return zlib.decompress(base64.b64decode(payload["c"]))


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("user.manage")
def staff_import_view(request: HttpRequest) -> HttpResponse:
    actor = request_staff(request)
    context: dict[str, object] = {"errors": [], "rows": [], "packed": "", "created": []}
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("packed"):
                created = staff_import_run(
                    actor=actor, content=_unpack(actor, request.POST["packed"])
                )
                context["created"] = created
            else:
                upload = request.FILES.get("file")
                content = upload.read(2 * 1024 * 1024 + 1) if upload is not None else b""
                check = staff_import_check(content=content)
                context["rows"] = check.rows
                context["errors"] = check.errors
                if check.ok:
                    context["packed"] = _pack(actor, content)
        except StaffImportFailed as exc:
            context["errors"] = exc.errors
        except ApplicationError as exc:
            context["errors"] = [exc.message]
        if context["errors"]:
            status = 400
    return render(request, "accounts/staff_import.html", context, status=status)


@never_cache
@require_http_methods(["GET"])
@staff_required("user.manage")
def staff_recovery_find(request: HttpRequest) -> HttpResponse:
    """The recovery page of the account named in ``?username=``."""
    username = request.GET.get("username", "").strip()[:150]
    person = get_object_or_404(User, username=username)
    return redirect("staff_accounts:recovery", user_id=person.pk)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("user.manage")
def staff_recovery_view(request: HttpRequest, user_id: int) -> HttpResponse:
    actor = request_staff(request)
    person = get_object_or_404(User, pk=user_id)
    context: dict[str, object] = {"person": person, "done": False, "error": ""}
    if request.method == "POST":
        try:
            totp_recovery_start(actor=actor, user_id=person.pk)
            context["done"] = True
        except ApplicationError as exc:
            context["error"] = exc.message
    return render(
        request, "accounts/staff_recovery.html", context, status=400 if context["error"] else 200
    )


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = invitation_user(token=token)
    except ApplicationError as exc:
        ctx = {"error": exc.message}
        return render(request, "accounts/invitation_invalid.html", ctx, status=410)
    device = totp_enrolment_pending(user=user)
    if device is None:
        try:
            device = totp_enrolment_start(user=user)
        except ApplicationError as exc:
            ctx = {"error": exc.message}
            return render(request, "accounts/invitation_invalid.html", ctx, status=410)
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            user, confirmed = invitation_accept(
                token=token,
                password=request.POST.get("password"),
                password_again=request.POST.get("password_again"),
                otp_token=request.POST.get("otp_token", "")[:12],
            )
        except ApplicationError as exc:
            errors[exc.field or "otp_token"] = exc.message
        else:
            auth.login(request, user, backend=MODEL_BACKEND)
            otp_login(request, confirmed)
            return HttpResponseRedirect(reverse("accounts:workspace"))
    context = {
        "account": user.get_username(),
        "needs_password": not user.has_usable_password(),
        "qr_svg": totp_qr_svg(device, title=_(QR_TITLE)),
        "secret": totp_secret_text(device),
        "errors": errors,
        "token": token,
    }
    return render(request, "accounts/invitation.html", context, status=400 if errors else 200)
