"""Loading and validating rulebook version folders (no database)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from netral.rules.loader import RulebookInvalid, rulebook_load, rulebook_versions
from netral.rules.selectors import rulebook_get
from netral.rules.tests.conftest import SHIPPED_DATA, SHIPPED_VERSION, EditFn


def test_shipped_rulebook_passes_schema_and_checks() -> None:
    rulebook = rulebook_load(root=SHIPPED_DATA)

    assert rulebook.version == SHIPPED_VERSION
    assert re.fullmatch(r"[0-9a-f]{64}", rulebook.sha256)
    counts = rulebook.counts()
    assert counts["violation_types"] == len(rulebook.violation_types) >= 13
    assert counts["sanctions"] == 5
    assert counts["criminal_articles"] == 4
    assert counts["collective_leave_days"] >= 10


def test_highest_version_is_in_force_by_numeric_order(rulebook_root: Path) -> None:
    # "2024.10" sorts before "2024.9" as text; versions compare as numbers.
    for newer in ("2024.9", "2024.10"):
        shutil.copytree(rulebook_root / SHIPPED_VERSION, rulebook_root / newer)
    (rulebook_root / "notes").mkdir()

    assert rulebook_versions(root=rulebook_root) == [SHIPPED_VERSION, "2024.9", "2024.10"]
    assert rulebook_load(root=rulebook_root).version == "2024.10"
    assert rulebook_load(root=rulebook_root, version="2024.9").version == "2024.9"


def test_unknown_version_is_refused_naming_the_ones_found(rulebook_root: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"'2030\.1'.*found: 2024\.1"):
        rulebook_load(root=rulebook_root, version="2030.1")


def test_missing_root_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="NETRAL_RULEBOOK_DIR"):
        rulebook_load(root=tmp_path / "nowhere")


def test_hash_follows_file_contents(rulebook_root: Path, edit_rulebook: EditFn) -> None:
    before = rulebook_load(root=rulebook_root).sha256
    assert before == rulebook_load(root=SHIPPED_DATA).sha256

    edit_rulebook("office_hours.toml", "closes = 16:00:00", "closes = 16:30:00")

    assert rulebook_load(root=rulebook_root).sha256 != before


BROKEN = [
    pytest.param(
        "violation_types.toml",
        "share_2020 = 30.4",
        "share_2020 = 130.4",
        "violation_types[1].share_2020 (code 'kampanye_media_sosial')",
        "less than or equal to 100",
        id="share-over-100",
    ),
    pytest.param(
        "violation_types.toml",
        'code = "pendekatan_parpol"',
        'code = "Pendekatan Parpol"',
        "violation_types[2].code (code 'Pendekatan Parpol')",
        "should match pattern",
        id="code-not-a-slug",
    ),
    pytest.param(
        "violation_types.toml",
        'discipline_sanction = "dishonourable_dismissal"',
        'discipline_sanction = "pecat"',
        "violation_types[4].discipline_sanction",
        "unknown sanction 'pecat'",
        id="unknown-sanction",
    ),
    pytest.param(
        "violation_types.toml",
        'ethics_sanction = "none"\ndiscipline_sanction = "moderate"\nshare_2020 = 5.6',
        'ethics_sanction = "heavy"\ndiscipline_sanction = "moderate"\nshare_2020 = 5.6',
        "violation_types[2].ethics_sanction",
        "'heavy' may not be used on the ethics track",
        id="sanction-on-wrong-track",
    ),
    pytest.param(
        "violation_types.toml",
        'criminal_articles = ["pilkada_188", "pemilu_490"]',
        'criminal_articles = ["pilkada_188", "pemilu_999"]',
        "violation_types[11].criminal_articles[1]",
        "unknown criminal article 'pemilu_999'",
        id="unknown-criminal-article",
    ),
    pytest.param(
        "violation_types.toml",
        'code = "fasilitas_negara"',
        'code = "mengerahkan_pns"',
        "violation_types[16].code",
        "'mengerahkan_pns' appears twice",
        id="duplicate-code",
    ),
    pytest.param(
        "criminal_articles.toml",
        'fine_max_rp = 12000000\npenalty_mode = "and"\n\n[[criminal_articles]]',
        'fine_max_rp = 12000000.5\npenalty_mode = "and"\n\n[[criminal_articles]]',
        "criminal_articles[2].fine_max_rp (code 'pemilu_494')",
        "valid integer",
        id="fine-not-integer",
    ),
    pytest.param(
        "criminal_articles.toml",
        'law = "UU 7/2017"\narticle = "Pasal 490"',
        'law = "UU 7/2017"\nlaw_en = "Elections Act"\narticle = "Pasal 490"',
        "criminal_articles[3].law_en (code 'pemilu_490')",
        "Extra inputs are not permitted",
        id="misspelt-key",
    ),
    pytest.param(
        "deadlines.toml",
        'hours = 24\nunit = "hour"\nfrom = "decided"\nlegal_basis = "UU 7/2017 Ps. 476(1)"',
        'hours = 24\nunit = "calendar_day"\nfrom = "decided"\nlegal_basis = "UU 7/2017 Ps. 476(1)"',
        "pemilu[4].unit",
        "unit 'calendar_day' needs `days` and no `hours`",
        id="deadline-unit-mismatch",
    ),
    pytest.param(
        "deadlines.toml",
        'from = "registered"\nextends = "tindak_lanjut"',
        'from = "registerd"\nextends = "tindak_lanjut"',
        "pemilu[3].from (code 'tindak_lanjut_perpanjangan')",
        "Input should be",
        id="unknown-event",
    ),
    pytest.param(
        "requirements.toml",
        'completion_deadline = "kelengkapan_laporan"',
        'completion_deadline = "lengkapi"',
        "completion_deadline",
        "unknown deadline 'lengkapi'",
        id="unknown-completion-deadline",
    ),
    pytest.param(
        "office_hours.toml",
        "closes = 16:00:00",
        "closes = 07:00:00",
        "closes",
        "closes at 07:00:00 but opens at 08:00:00",
        id="office-closes-before-opening",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "reason"), BROKEN)
def test_invalid_file_is_rejected_naming_file_and_field(
    rulebook_root: Path,
    edit_rulebook: EditFn,
    file: str,
    old: str,
    new: str,
    field: str,
    reason: str,
) -> None:
    edit_rulebook(file, old, new)

    with pytest.raises(RulebookInvalid) as caught:
        rulebook_load(root=rulebook_root)

    assert isinstance(caught.value, ImproperlyConfigured)
    assert [(p.file, p.field) for p in caught.value.problems] == [(file, field)]
    assert reason in caught.value.problems[0].message
    assert f"{file}: {field}: " in str(caught.value)


def test_shares_may_not_add_up_to_more_than_100(rulebook_root: Path, edit_rulebook: EditFn) -> None:
    edit_rulebook("violation_types.toml", "share_2020 = 22.4", "share_2020 = 40.6")

    with pytest.raises(RulebookInvalid, match=r"violation_types\.share_2020: .*100") as caught:
        rulebook_load(root=rulebook_root)
    assert caught.value.problems[0].message == "the 2020 shares add up to 100.1, more than 100"


def test_broken_toml_and_missing_file_are_both_reported(rulebook_root: Path) -> None:
    folder = rulebook_root / SHIPPED_VERSION
    (folder / "sanctions.toml").write_text('[[sanctions]]\ncode = "moral\n', encoding="utf-8")
    (folder / "deadlines.toml").unlink()
    (folder / "deadline.toml").write_text("", encoding="utf-8")

    with pytest.raises(RulebookInvalid) as caught:
        rulebook_load(root=rulebook_root)

    problems = {p.file: p.message for p in caught.value.problems}
    assert problems["deadlines.toml"] == "file is missing"
    assert problems["sanctions.toml"].startswith("not valid TOML")
    assert problems["deadline.toml"].startswith("not a rulebook file")


def test_start_up_refuses_an_invalid_rulebook(rulebook_root: Path, edit_rulebook: EditFn) -> None:
    edit_rulebook("sanctions.toml", "severity = 3", 'severity = "berat"')

    with (
        override_settings(NETRAL_RULEBOOK_DIR=rulebook_root),
        pytest.raises(ImproperlyConfigured, match=r"sanctions\.toml: sanctions\[2\]\.severity"),
    ):
        apps.get_app_config("rules").ready()
    # Leaving the override restores the shipped rulebook.
    assert rulebook_get().sha256 == rulebook_load(root=SHIPPED_DATA).sha256


def test_version_setting_pins_an_older_rulebook(rulebook_root: Path) -> None:
    shutil.copytree(rulebook_root / SHIPPED_VERSION, rulebook_root / "2025.1")

    with override_settings(NETRAL_RULEBOOK_DIR=rulebook_root):
        assert rulebook_get().version == "2025.1"
        with override_settings(NETRAL_RULEBOOK_VERSION=SHIPPED_VERSION):
            assert rulebook_get().version == SHIPPED_VERSION
