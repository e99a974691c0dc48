"""Make audit entries append-only in the database itself.

PostgreSQL refuses UPDATE and DELETE on entries. SQLite refuses UPDATE; a deletion there is
still caught by `verify_audit` through the hash chain and the chain head. (Test-database
flushes empty tables with TRUNCATE on PostgreSQL and DELETE on SQLite, which is why SQLite
does not also block DELETE.)
"""

from django.db import migrations

PG_UP = """
CREATE OR REPLACE FUNCTION netral_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION netral_audit_append_only();
"""
PG_DOWN = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS netral_audit_append_only();
"""
SQLITE_UP = """
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_auditentry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS audit_entry_append_only;"


def _run(sql_by_vendor: dict[str, str]):
    def run(apps, schema_editor):
        sql = sql_by_vendor.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql) if schema_editor.connection.vendor == "sqlite" else (
                schema_editor.connection.cursor().execute(sql)
            )

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": PG_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
