"""Existing documents keep what they are about when reference strings become typed subjects
(migration documents.0002), and the step back rebuilds the strings."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("documents", "0001_initial")]
AFTER = [("documents", "0002_typed_subject")]
REFERENCES = {
    "NTR/2024/3275/000001": ("case:12", ("case", "12")),
    "NTR/2024/3275/000002": ("case:12/clarification:3", ("clarification", "3")),
    "NTR/2024/3275/000003": (
        "report:0b8e5e0c-59d6-4a4f-9a59-3f1f0f3a1d2e",
        ("report", "0b8e5e0c-59d6-4a4f-9a59-3f1f0f3a1d2e"),
    ),
    "NTR/2024/RI/000001": ("recommendation:5", ("recommendation", "5")),
}


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


@pytest.mark.django_db(transaction=True)
def test_references_become_typed_subjects_and_back() -> None:
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("documents", "IssuedDocument")
    at = datetime.datetime(2024, 10, 15, tzinfo=datetime.UTC)
    for index, (number, (reference, _)) in enumerate(REFERENCES.items()):
        old.objects.create(
            number=number,
            kind="registration_notice",
            title="Uji",
            issued_at=at,
            sha256=f"{index:064d}",
            size=1,
            path=f"documents/2024/{index}.pdf",
            reference=reference,
        )
    try:
        executor = migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps.get_model("documents", "IssuedDocument")
        subjects = {
            d.number: (d.subject_type, d.subject_id)
            for d in new.objects.all()  # every row converted, none lost
        }
        assert subjects == {number: subject for number, (_, subject) in REFERENCES.items()}
        executor = migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("documents", "IssuedDocument")
        back = dict(old.objects.values_list("number", "reference"))
        # A clarification's case comes from the clarification row (none exists here).
        assert back == {
            number: ("clarification:3" if "clarification" in ref else ref)
            for number, (ref, _) in REFERENCES.items()
        }
    finally:
        executor = migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("documents", "IssuedDocument")
        old.objects.all().delete()
        # Back to the newest migration of every app (going back unapplied those that depend
        # on documents, e.g. prevention), for the tests that follow.
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # every app
