"""Demo accounts: one per role, for `make demo`. Never used outside DEBUG/NETRAL_DEMO."""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import ApiToken, Role, User
from netral.accounts.services import (
    TOKEN_PREFIX,
    api_token_create,
    token_digest,
    totp_device_create,
    user_create,
)
from netral.audit.services import audited
from netral.regions.models import Region

DEMO_PASSWORD = "netral-demo-2024"  # noqa: S105 - demo accounts only (DEBUG/NETRAL_DEMO)
DEMO_TOKEN_NAME = "demo"  # noqa: S105 - a label, not a secret

# username, role, jurisdiction, name, office
DEMO_ACCOUNTS: list[tuple[str, str, str | None, str, str]] = [
    ("admin", Role.ADMIN, None, "Admin Netral", "Sekretariat Jenderal Bawaslu"),
    ("ri.pimpinan", Role.BAWASLU_LEADER, None, "Rahmi Siregar", "Bawaslu Republik Indonesia"),
    ("jabar.staf", Role.BAWASLU_STAFF, "32", "Dede Kurniawan", "Bawaslu Provinsi Jawa Barat"),
    ("jabar.pimpinan", Role.BAWASLU_LEADER, "32", "Asep Saepudin", "Bawaslu Provinsi Jawa Barat"),
    ("bekasi.staf", Role.BAWASLU_STAFF, "32.75", "Siti Rahmawati", "Bawaslu Kota Bekasi"),
    ("bekasi.pimpinan", Role.BAWASLU_LEADER, "32.75", "Yusuf Hidayat", "Bawaslu Kota Bekasi"),
    (
        "bolsel.staf",
        Role.BAWASLU_STAFF,
        "71.11",
        "Fadli Mokodompit",
        "Bawaslu Kab. Bolaang Mongondow Selatan",
    ),
    (
        "bkn.pusat",
        Role.BKN_OFFICER,
        None,
        "Ratna Wulandari",
        "BKN — Deputi Bidang Pengawasan dan Pengendalian",
    ),
    ("ppk.bekasi", Role.PPK_OFFICE, "32.75", "Bambang Sutrisno", "BKPSDM Kota Bekasi (PPK)"),
    (
        "gakkumdu.bekasi",
        Role.GAKKUMDU,
        "32.75",
        "AKP Hendra Gunawan",
        "Sentra Gakkumdu Kota Bekasi",
    ),
    ("kpu.bekasi", Role.KPU, "32.75", "Nur Aisyah", "KPU Kota Bekasi"),
]


@dataclass(frozen=True)
class DemoAccount:
    user: User
    totp_secret: str  # base32, as authenticator apps take it
    api_token: str


def demo_token_raw(username: str) -> str:
    """The demo account's API token, the same on every start (derived from ``SECRET_KEY``
    and the username), so a script written against one `make demo` run keeps working.
    Demo only: real tokens are random (``api_token_create``)."""
    mac = hmac.new(settings.SECRET_KEY.encode(), f"netral-demo-token:{username}".encode(), "sha256")
    return TOKEN_PREFIX + base64.urlsafe_b64encode(mac.digest()).decode("ascii").rstrip("=")


def _demo_token_ensure(user: User) -> str:
    """Keep the demo token usable: reuse its row, or issue one (through the audited service)
    and give it the derived secret; any other demo-named token of the account is removed."""
    raw = demo_token_raw(user.username)
    digest = token_digest(raw)
    kept = ApiToken.objects.filter(user=user, digest=digest).first()
    if kept is not None and kept.is_usable:
        return raw
    # An expired or revoked one makes room for a fresh row with the same secret.
    ApiToken.objects.filter(user=user, name=DEMO_TOKEN_NAME).delete()
    ApiToken.objects.filter(digest=digest).delete()
    issued = api_token_create(actor=user, owner=user, name=DEMO_TOKEN_NAME)
    ApiToken.objects.filter(pk=issued.token.pk).update(prefix=raw[:12], digest=digest)
    return raw


@audited
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the demo accounts if missing, each with its authenticator and its API token,
    both the same from one start to the next."""
    accounts = []
    for username, role, region, name, office in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = name.partition(" ")
            user = user_create(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                jurisdiction=Region.objects.get(code=region) if region else None,
                first_name=first,
                last_name=last,
                office_name=office,
            )
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = totp_device_create(user=user)
        raw = _demo_token_ensure(user)
        secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
        accounts.append(DemoAccount(user=user, totp_secret=secret, api_token=raw))
    return accounts


def totp_current_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows for ``device`` right now (demo and tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def demo_plenary_user() -> User:
    """The author of synthetic demo decisions and recommendations: a national leadership
    account that cannot sign in (inactive, no usable password)."""
    user, created = User.objects.get_or_create(
        username="demo-pleno",
        defaults={"role": Role.BAWASLU_LEADER, "is_active": False, "office_name": "Data demo"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
