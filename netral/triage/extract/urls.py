"""Web addresses in pasted posts and reports, with the social-media platform they belong to.

Each blank-separated chunk that starts with "http://", "https://" or "www." (or a bare
"facebook.com/..."-style host of a known platform) is one address; trailing punctuation of
the sentence is not part of it. Reading is ``str.split``-like, not a pattern.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext

from netral.triage.extract.entity import Entity, entity

NOT_A_URL = "Alamat web ini tidak lengkap atau tidak sah."
MAX_URL = 2_000
# Host (without "www.", "m.", "web.", "mobile.") -> platform.
PLATFORMS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.watch": "facebook",
    "fb.me": "facebook",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "tiktok.com": "tiktok",
    "vt.tiktok.com": "tiktok",
    "vm.tiktok.com": "tiktok",
    "twitter.com": "x",
    "x.com": "x",
    "t.co": "x",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "wa.me": "whatsapp",
    "chat.whatsapp.com": "whatsapp",
    "whatsapp.com": "whatsapp",
    "api.whatsapp.com": "whatsapp",
    "t.me": "telegram",
    "threads.net": "threads",
}
HOST_PREFIXES = ("www.", "m.", "web.", "mobile.", "mbasic.")
TRAILING = ".,;:!?)]}'\"\u201d\u2019>"
LEADING = "([{'\"\u201c\u2018<"


def platform_of(host: str) -> str | None:
    host = host.lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    if host in PLATFORMS:
        return PLATFORMS[host]
    # Subdomains of a platform ("id-id.facebook.com").
    for known, platform in PLATFORMS.items():
        if host.endswith("." + known):
            return platform
    return None


def _chunks(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return spans


def extract_urls(text: str) -> list[Entity]:
    found: list[Entity] = []
    for start, end in _chunks(text):
        while start < end and text[start] in LEADING:
            start += 1
        while end > start and text[end - 1] in TRAILING:
            # Keep a closing parenthesis that an opening one inside the address matches.
            if text[end - 1] == ")" and "(" in text[start:end]:
                break
            end -= 1
        chunk = text[start:end]
        lower = chunk.lower()
        if lower.startswith(("http://", "https://")):
            address = chunk
        elif lower.startswith("www.") or (
            "/" in chunk and platform_of(chunk.split("/", 1)[0]) is not None
        ):
            address = "https://" + chunk
        else:
            continue
        try:
            parts = urlsplit(address)
            host = parts.hostname or ""
        except ValueError:
            host = ""
        reason: str | None = None
        if not host or "." not in host or len(chunk) > MAX_URL:
            value: dict[str, Any] = {"url": chunk[:MAX_URL]}
            reason = gettext(NOT_A_URL)
        else:
            platform = platform_of(host)
            value = {
                "url": address,
                "host": host,
                "platform": platform,
                "social_media": platform is not None,
            }
        found.append(
            entity("url", text, start, end, valid=reason is None, value=value, reason=reason)
        )
    return found
