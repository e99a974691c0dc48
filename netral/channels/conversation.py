"""The guided WhatsApp conversation: one question at a time, in Indonesian.

``advance`` is pure apart from looking up regions: it takes the answers so far (a JSON-able
dict, ``None`` when no conversation runs) and one incoming message, and says what to answer
and whether the report is complete. Each answer is checked with the web form's own field, so
a wrong name or a too-short chronology is refused at once with the form's message; the whole
report is validated once more by ``ReportForm`` when it is sent.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django import forms

from netral.channels.answers import MAX_CHOICES, date_parse, region_candidates
from netral.reports.evidence import MAX_FILES_PER_REPORT
from netral.reports.forms import EVENT_TOO_OLD, IN_FUTURE, KNOWN_BEFORE_EVENT, ReportForm

State = dict[str, Any]

WELCOME = (
    "Halo, ini layanan pelaporan Netral untuk dugaan pelanggaran netralitas ASN. Kami akan "
    "menanyakan beberapa hal satu per satu. Ketik *batal* kapan saja untuk berhenti; jawaban "
    "yang belum terkirim dihapus setelah {minutes} menit tanpa balasan."
)
EXPIRED = (
    "Percakapan sebelumnya berakhir karena lama tidak dibalas, dan jawaban Anda sudah "
    "dihapus. Kita mulai dari awal."
)
CANCELLED = "Dibatalkan. Jawaban Anda sudah dihapus. Ketik *halo* untuk mulai lagi."
ASK = {
    "reported_name": "1/7 Siapa ASN yang Anda laporkan? Tulis nama lengkapnya.",
    "agency": "2/7 Di instansi apa dia bekerja? (misalnya: Dinas Pendidikan Kota Bandung)",
    "chronology": "3/7 Apa yang terjadi? Ceritakan singkat apa yang dia lakukan.",
    "region": "4/7 Di kabupaten/kota mana kejadiannya?",
    "region_choice": "Balas dengan nomornya, atau tulis nama kabupaten/kota yang lebih lengkap.",
    "event_date": "5/7 Kapan kejadiannya? Tulis tanggalnya (misalnya 05-11-2024), "
    "atau *hari ini* / *kemarin*.",
    "known_date": "Kapan Anda mengetahuinya? Tulis tanggalnya, atau *sama* bila pada hari "
    "kejadian.",
    "evidence": "6/7 Kirim foto atau video buktinya (boleh beberapa). Ketik *selesai* bila "
    "sudah, atau *lewati* bila tidak ada.",
    "identity": "7/7 Mau melapor dengan identitas? Balas *1* untuk dengan identitas (laporan "
    "resmi; nama dan nomor Anda dilindungi dan hanya dibuka dengan persetujuan dua pejabat), "
    "atau *2* untuk tanpa identitas (informasi awal).",
    "reporter_name": "Nama lengkap Anda?",
    "reporter_address": "Alamat Anda (kota dan jalan)?",
}
REGION_NOT_FOUND = "Kabupaten/kota itu tidak kami temukan."
REGION_TOO_MANY = "Terlalu banyak yang cocok; tulis nama yang lebih lengkap."
REGION_PICK = "Yang mana?\n{options}"
DATE_UNREADABLE = "Tanggal itu tidak terbaca."
MEDIA_RECEIVED = "Bukti diterima ({count} berkas). Kirim lagi, atau ketik *selesai*."
MEDIA_TOO_MANY = "Paling banyak {limit} berkas per laporan; yang ini tidak disimpan."
MEDIA_NOT_NOW = "Bukti foto atau video kami minta nanti, setelah pertanyaan tentang waktunya."
MEDIA_KINDS = ("image", "video", "document")
SUMMARY = (
    "Periksa laporan Anda:\n"
    "Terlapor: {reported_name} ({agency})\n"
    "Kejadian: {chronology}\n"
    "Tempat: {region_name}\n"
    "Tanggal: {event_date} (diketahui {known_date})\n"
    "Bukti: {media} berkas\n"
    "Pelapor: {identity}\n\n"
    "Balas *kirim* untuk mengirim, atau *batal*."
)
ANONYMOUS = "tanpa identitas (informasi awal)"
# Which question to ask again when the whole form refuses a field.
FIELD_STEP = {
    "reported_name": "reported_name",
    "agency": "agency",
    "chronology": "chronology",
    "region": "region",
    "election": "region",
    "event_date": "event_date",
    "known_date": "known_date",
    "reporter_name": "reporter_name",
    "reporter_address": "reporter_address",
}
_ORDER = (
    "reported_name",
    "agency",
    "chronology",
    "region",
    "event_date",
    "known_date",
    "evidence",
    "identity",
)
_FORM_FIELDS = ("reported_name", "agency", "chronology", "reporter_name", "reporter_address")


@dataclass(frozen=True)
class Incoming:
    """One message as the webhook gives it (text, or a media id with its type)."""

    kind: str  # "text", "image", "video", "document", or anything else WhatsApp sends
    text: str = ""
    media_id: str = ""
    mime_type: str = ""


@dataclass
class Turn:
    state: State | None  # None: the conversation is over (its row is deleted)
    replies: list[str] = field(default_factory=list)
    submit: bool = False


def _word(message: Incoming) -> str:
    return " ".join(message.text[:40].lower().split()).strip("*.!")


def _ask(state: State, step: str, *replies: str) -> Turn:
    state["step"] = step
    return Turn(state=state, replies=[*replies, ASK[step]])


def _next(state: State, done: str) -> Turn:
    """After ``done`` is answered: the next question, or back to the summary when a refused
    field was being corrected."""
    if state.pop("fixing", False):
        return confirm_turn(state)
    if done == "reporter_name":
        return _ask(state, "reporter_address")
    if done == "reporter_address":
        return confirm_turn(state)
    return _ask(state, _ORDER[_ORDER.index(done) + 1])


def confirm_turn(state: State, *before: str) -> Turn:
    state["step"] = "confirm"
    identity = ANONYMOUS if state.get("anonymous") else state.get("reporter_name", "")
    summary = SUMMARY.format(
        reported_name=state["reported_name"],
        agency=state["agency"],
        chronology=state["chronology"][:300],
        region_name=state["region_name"],
        event_date=_shown(state["event_date"]),
        known_date=_shown(state["known_date"]),
        media=len(state.get("media", [])),
        identity=identity,
    )
    return Turn(state=state, replies=[*before, summary])


def _shown(iso: str) -> str:
    return datetime.date.fromisoformat(iso).strftime("%d-%m-%Y")


def _form_field(step: str, text: str) -> tuple[str | None, str]:
    """The answer as the form's field cleans it, or its message."""
    form_field = ReportForm.base_fields[step]
    try:
        value = form_field.clean(text)
    except forms.ValidationError as error:
        return None, str(error.messages[0])
    if not value:
        return None, str(forms.Field.default_error_messages["required"])
    return str(value), ""


def _region(state: State, text: str) -> Turn:
    found = region_candidates(text)
    if not found:
        return _ask(state, "region", REGION_NOT_FOUND)
    if len(found) > MAX_CHOICES:
        return _ask(state, "region", REGION_TOO_MANY)
    if len(found) > 1:
        state["choices"] = [r.code for r in found]
        options = "\n".join(
            f"{n}. {r.name}, {r.parent.name if r.parent else ''}" for n, r in enumerate(found, 1)
        )
        return _ask(state, "region_choice", REGION_PICK.format(options=options))
    state["region"], state["region_name"] = found[0].code, found[0].name
    state.pop("choices", None)
    return _next(state, "region")


def _region_choice(state: State, text: str) -> Turn:
    choices = state.get("choices", [])
    word = text.strip()
    if word.isdigit() and 1 <= int(word) <= len(choices):
        return _region(state, choices[int(word) - 1])
    return _region(state, text)


def _date(state: State, step: str, text: str, *, today: datetime.date) -> Turn:
    if step == "known_date" and " ".join(text.lower().split()) in ("sama", "sama hari"):
        day: datetime.date | None = datetime.date.fromisoformat(state["event_date"])
    else:
        day = date_parse(text, today=today)
    if day is None:
        return _ask(state, step, DATE_UNREADABLE)
    if day > today:
        return _ask(state, step, str(IN_FUTURE))
    if step == "event_date" and day.year < 2019:
        return _ask(state, step, str(EVENT_TOO_OLD))
    if step == "known_date" and day < datetime.date.fromisoformat(state["event_date"]):
        return _ask(state, step, str(KNOWN_BEFORE_EVENT))
    state[step] = day.isoformat()
    if step == "event_date" and state.get("known_date", "") < day.isoformat():
        state.pop("known_date", None)
        if state.pop("fixing", False):  # the known date must be asked again as well
            return _ask(state, "known_date")
    return _next(state, step)


def _evidence(state: State, message: Incoming, word: str) -> Turn:
    media = state.setdefault("media", [])
    if message.kind in MEDIA_KINDS and message.media_id:
        if len(media) >= MAX_FILES_PER_REPORT:
            return Turn(state=state, replies=[MEDIA_TOO_MANY.format(limit=MAX_FILES_PER_REPORT)])
        media.append({"id": message.media_id, "type": message.kind})
        return Turn(state=state, replies=[MEDIA_RECEIVED.format(count=len(media))])
    if word in ("selesai", "lewati", "tidak ada", "tidak", "sudah"):
        return _next(state, "evidence")
    return _ask(state, "evidence")


def _identity(state: State, word: str) -> Turn:
    if word in ("1", "identitas", "dengan identitas", "ya"):
        state["anonymous"] = False
        return _ask(state, "reporter_name")
    if word in ("2", "anonim", "tanpa identitas", "tanpa", "tidak"):
        state["anonymous"] = True
        for key in ("reporter_name", "reporter_address"):
            state.pop(key, None)
        return confirm_turn(state)
    return _ask(state, "identity")


def advance(
    state: State | None,
    message: Incoming,
    *,
    today: datetime.date,
    expired: bool = False,
    minutes: int = 60,
) -> Turn:
    """The answer to ``message`` given the conversation so far (see the module docstring)."""
    word = _word(message)
    if state is None:
        start = [EXPIRED] if expired else [WELCOME.format(minutes=minutes)]
        return _ask({"step": "reported_name", "media": []}, "reported_name", *start)
    if word == "batal":
        return Turn(state=None, replies=[CANCELLED])
    step = state["step"]
    if step == "evidence":
        return _evidence(state, message, word)
    if message.kind != "text":
        if step == "confirm":
            return confirm_turn(state)
        return _ask(state, step, MEDIA_NOT_NOW)
    text = message.text
    if step in _FORM_FIELDS:
        value, problem = _form_field(step, text)
        if value is None:
            return _ask(state, step, problem)
        state[step] = value
        return _next(state, step)
    if step == "region":
        return _region(state, text)
    if step == "region_choice":
        return _region_choice(state, text)
    if step in ("event_date", "known_date"):
        return _date(state, step, text, today=today)
    if step == "identity":
        return _identity(state, word)
    if step == "confirm" and word == "kirim":
        return Turn(state=state, submit=True)
    return confirm_turn(state)


def form_data(state: State, *, phone: str) -> dict[str, Any]:
    """The finished conversation as ``ReportForm`` data (the WhatsApp number is the
    reporter's contact, protected like every part of the identity)."""
    data: dict[str, Any] = {
        "region": state["region"],
        "reported_name": state["reported_name"],
        "agency": state["agency"],
        "chronology": state["chronology"],
        "event_date": state["event_date"],
        "known_date": state["known_date"],
    }
    if state.get("anonymous"):
        data["anonymous"] = "on"
    else:
        data["reporter_name"] = state.get("reporter_name", "")
        data["reporter_address"] = state.get("reporter_address", "")
        data["reporter_phone"] = f"+{phone}"
    return data


def refused_turn(state: State, field_name: str, problem: str) -> Turn:
    """The whole form refused ``field_name``: ask that question again, then the summary."""
    step = FIELD_STEP.get(field_name)
    if step is None:
        return Turn(state=state, replies=[problem])
    state["fixing"] = True
    return _ask(state, step, problem)
