"""Issue #11 item 4: the guide is generated from the rulebook and cannot drift from it."""

from __future__ import annotations

import pytest

from netral.prevention.guidance import (
    GuidanceFile,
    guidance_file_load,
    guidance_problems,
    guide_build,
    guide_entries,
)
from netral.rules.schemas import NO_SANCTION
from netral.rules.selectors import sanction_list, violation_type_list


def _file(**changes: object) -> GuidanceFile:
    """The real guidance file with the first forbidden entry (or the list) changed."""
    data = guidance_file_load()
    if "forbidden" in changes:
        return data.model_copy(update={"forbidden": changes["forbidden"]})
    first = data.forbidden[0].model_copy(update=changes)
    return data.model_copy(update={"forbidden": (first, *data.forbidden[1:])})


def test_the_guidance_file_fits_the_rulebook() -> None:
    assert guidance_problems(guidance_file_load(), violation_type_list(), sanction_list()) == []


def test_every_violation_type_is_an_entry_with_the_rulebooks_sanctions_and_basis() -> None:
    sanctions = {s.code: s for s in sanction_list()}
    entries = {e.code: e for e in guide_entries()}
    for vt in violation_type_list():
        entry = entries[vt.code]
        assert entry.verdict == "forbidden"
        assert entry.legal_basis == vt.legal_basis
        for code, name, name_en in (
            (vt.ethics_sanction, entry.ethics_sanction, entry.ethics_sanction_en),
            (vt.discipline_sanction, entry.discipline_sanction, entry.discipline_sanction_en),
        ):
            expected = (
                ("", "") if code == NO_SANCTION else (sanctions[code].name, sanctions[code].name_en)
            )
            assert (name, name_en) == expected, vt.code


def test_the_skb_annex_and_every_item_of_pp94_article_5n_are_in_the_guide() -> None:
    # domain.md: SKB 2022 annex II lists 13 acts; PP 94/2021 Ps. 5 huruf n items 1-7.
    forbidden = [e for e in guide_entries() if e.verdict == "forbidden"]
    skb = [t for t in violation_type_list() if t.source == "skb_2022"]
    assert len(skb) == 13
    assert {t.code for t in skb} <= {e.code for e in forbidden}
    for item in range(1, 8):
        assert any(f"Ps. 5 huruf n angka {item}" in e.legal_basis for e in forbidden), item
    sanctioned = {e.code: e.discipline_sanction for e in forbidden}
    assert sanctioned["anggota_parpol"] == "Pemberhentian tidak dengan hormat"
    assert sanctioned["pendekatan_parpol"] == "Hukuman disiplin sedang"


def test_a_violation_type_without_a_guide_entry_is_refused() -> None:
    data = guidance_file_load()
    short = _file(forbidden=data.forbidden[1:])
    problems = guidance_problems(short, violation_type_list(), sanction_list())
    assert problems == [f"{data.forbidden[0].code}: violation type without a guide entry"]
    with pytest.raises(ValueError, match="without a guide entry"):
        guide_build(short, violation_type_list(), sanction_list())


def test_an_entry_for_an_unknown_or_repeated_type_is_refused() -> None:
    data = guidance_file_load()
    ghost = data.forbidden[0].model_copy(update={"code": "tidak_ada"})
    problems = guidance_problems(
        _file(forbidden=(*data.forbidden, ghost, data.forbidden[1])),
        violation_type_list(),
        sanction_list(),
    )
    assert "tidak_ada: not a violation type of the rulebook" in problems
    assert f"{data.forbidden[1].code}: listed twice" in problems


@pytest.mark.parametrize(
    "prose",
    [
        "Sanksinya hukuman disiplin sedang.",  # the rulebook gives this type a heavy one
        "Pelakunya dapat diberhentikan: Pemberhentian tidak dengan hormat.",
        "The penalty is a moderate disciplinary penalty.",
        "Pemotongan tunjangan kinerja 25% selama 6 bulan",  # an option of "moderate"
    ],
)
def test_an_entry_naming_a_sanction_the_rulebook_does_not_give_is_refused(prose: str) -> None:
    # alat_peraga_calon: moral / heavy in SKB 2022 annex II.
    assert guidance_file_load().forbidden[0].code == "alat_peraga_calon"
    problems = guidance_problems(_file(explanation=prose), violation_type_list(), sanction_list())
    assert len(problems) >= 1
    assert all(p.startswith("alat_peraga_calon: names sanction") for p in problems)


def test_naming_the_rulebooks_own_sanction_is_fine() -> None:
    prose = (
        "Sanksi moral dan hukuman disiplin berat, misalnya penurunan jabatan setingkat lebih "
        "rendah selama 12 bulan."
    )
    assert guidance_problems(_file(explanation=prose), violation_type_list(), sanction_list()) == []


def test_missing_english_is_refused() -> None:
    data = guidance_file_load()
    first = data.forbidden[0]
    problems = guidance_problems(
        _file(examples_en=first.examples_en[:1]), violation_type_list(), sanction_list()
    )
    assert problems == ["alat_peraga_calon: examples and examples_en differ in number"]
    noted = next(g for g in data.forbidden if g.code == "ikut_kampanye")
    without = tuple(
        g.model_copy(update={"note_en": ""}) if g is noted else g for g in data.forbidden
    )
    problems = guidance_problems(_file(forbidden=without), violation_type_list(), sanction_list())
    assert problems == ["ikut_kampanye: the rulebook has a note; note_en is missing"]


def test_permitted_acts_have_a_source_and_say_when_unconfirmed() -> None:
    permitted = [e for e in guide_entries() if e.verdict != "forbidden"]
    assert {"memberikan_suara", "hadir_acara_dinas", "menerima_bahan_kampanye"} <= {
        e.code for e in permitted
    }
    for entry in permitted:
        assert entry.legal_basis and entry.legal_basis_en, entry.code
        if entry.legal_basis.startswith("Tafsiran Netral"):
            assert not entry.confirmed, entry.code
    assert next(e for e in permitted if e.code == "memberikan_suara").confirmed
