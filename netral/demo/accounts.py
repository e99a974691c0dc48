"""Demo accounts: one per role, for `make demo`. Never used outside DEBUG/NETRAL_DEMO."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import ApiToken, Role, User
from netral.accounts.services import api_token_create, totp_device_create, user_create
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


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the demo accounts if missing; give each a fresh API token (the previous demo
    token is revoked, since tokens are stored only as digests and cannot be shown again)."""
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
        ApiToken.objects.filter(user=user, name=DEMO_TOKEN_NAME, revoked_at__isnull=True).delete()
        raw = api_token_create(actor=user, owner=user, name=DEMO_TOKEN_NAME).raw
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
