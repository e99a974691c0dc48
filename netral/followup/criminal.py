"""The criminal path of a suspected election crime through Sentra Gakkumdu (Bawaslu, police
and prosecutors), as data: the stages in order, which may follow which, and the rulebook
deadline (rules/data: deadlines.toml, track "gakkumdu") that runs while a stage is open.

Source: Bawaslu, Panduan Sentra Gakkumdu Pemilihan (Agustus 2024). The discussions and the
study before the police investigation carry no deadline in our sources; the Pemilu (UU 7/2017)
criminal deadlines are not in the rulebook yet, so Pemilu stages show none.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Stage:
    code: str
    label: str | Promise
    # Rulebook deadline (Pilkada) that starts when the stage opens; "" when none.
    deadline: str
    # Stages that may follow this one (besides ending the path).
    next: tuple[str, ...]
    # Whether the path may end at this stage, and what that end means.
    may_end: bool = False


STAGES: dict[str, Stage] = {
    "forwarding": Stage(
        "forwarding", _("Penerusan ke Sentra Gakkumdu"), "penerusan_pidana", ("first_discussion",)
    ),
    "first_discussion": Stage(
        "first_discussion", _("Pembahasan pertama"), "", ("study",), may_end=True
    ),
    "study": Stage("study", _("Kajian"), "", ("second_discussion",), may_end=True),
    "second_discussion": Stage(
        "second_discussion", _("Pembahasan kedua"), "", ("investigation",), may_end=True
    ),
    "investigation": Stage(
        "investigation",
        _("Penyidikan oleh kepolisian"),
        "gakkumdu_penyidikan",
        ("third_discussion",),
        may_end=True,
    ),
    "third_discussion": Stage(
        "third_discussion", _("Pembahasan ketiga"), "", ("prosecution",), may_end=True
    ),
    "prosecution": Stage(
        "prosecution", _("Penuntutan"), "gakkumdu_pelimpahan", ("district_court",), may_end=True
    ),
    "district_court": Stage(
        "district_court",
        _("Sidang pengadilan negeri"),
        "gakkumdu_putusan_pn",
        ("appeal",),
        may_end=True,
    ),
    "appeal": Stage("appeal", _("Pengajuan banding"), "gakkumdu_banding", ("high_court",)),
    "high_court": Stage(
        "high_court", _("Sidang pengadilan tinggi"), "gakkumdu_putusan_pt", (), may_end=True
    ),
}
FIRST = "forwarding"


def stage_label(code: str) -> str:
    stage = STAGES.get(code)
    return str(stage.label) if stage else code


def next_stages(code: str) -> tuple[str, ...]:
    return STAGES[code].next
