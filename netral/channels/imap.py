"""IMAP polling, the alternative to the SMTP listener: read the unseen mail of a mailbox the
reports are sent to, hand each message to the e-mail intake, then mark it seen.

``EMAIL_INTAKE_IMAP_URL`` names the mailbox: ``imaps://user:password@host:993/INBOX``
(``imap://`` for a plain connection on a trusted network). A message over the size limit is
marked seen and left in the mailbox for a person; one whose intake fails unexpectedly stays
unseen and is tried again at the next poll.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
from collections import Counter
from urllib.parse import unquote, urlsplit

from netral.channels.email_intake import email_report_receive
from netral.channels.mailparse import MAX_MAIL_BYTES

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60
MAX_PER_POLL = 100
BAD_URL = "EMAIL_INTAKE_IMAP_URL must look like imaps://user:password@host:993/INBOX"


class ImapConfigError(ValueError):
    pass


def _connect(url: str) -> tuple[imaplib.IMAP4, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
        raise ImapConfigError(BAD_URL)
    mailbox = unquote(parts.path.lstrip("/")) or "INBOX"
    if parts.scheme == "imaps":
        box: imaplib.IMAP4 = imaplib.IMAP4_SSL(
            parts.hostname, parts.port or 993, timeout=TIMEOUT_SECONDS
        )
    else:
        box = imaplib.IMAP4(parts.hostname, parts.port or 143, timeout=TIMEOUT_SECONDS)
    box.login(unquote(parts.username), unquote(parts.password or ""))
    return box, mailbox


def _size(box: imaplib.IMAP4, uid: str) -> int:
    _typ, data = box.uid("FETCH", uid, "(RFC822.SIZE)")
    words = (data[0] or b"").replace(b"(", b" ").replace(b")", b" ").split()
    for n, word in enumerate(words[:-1]):
        if word.upper() == b"RFC822.SIZE" and words[n + 1].isdigit():
            return int(words[n + 1])
    return 0


def _content(box: imaplib.IMAP4, uid: str) -> bytes | None:
    _typ, data = box.uid("FETCH", uid, "(BODY.PEEK[])")
    for item in data:
        if isinstance(item, tuple) and isinstance(item[1], bytes):
            return item[1]
    return None


def imap_poll(*, url: str) -> Counter[str]:
    """One pass over the mailbox's unseen messages; counts the outcomes."""
    outcomes: Counter[str] = Counter()
    box, mailbox = _connect(url)
    try:
        box.select(f'"{mailbox}"')
        _typ, data = box.uid("SEARCH", "UNSEEN")
        for uid in (data[0] or b"").decode("ascii", "replace").split()[:MAX_PER_POLL]:
            if not uid.isdigit():
                continue
            if _size(box, uid) > MAX_MAIL_BYTES:
                logger.warning("E-mail intake: message %s too large, left for a person", uid)
                outcomes["too_large"] += 1
            else:
                raw = _content(box, uid)
                if raw is None:
                    continue
                try:
                    outcomes[str(email_report_receive(raw=raw))] += 1
                except Exception:
                    logger.exception("E-mail intake failed for message %s; next poll retries", uid)
                    continue
            box.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            box.logout()
    return outcomes
