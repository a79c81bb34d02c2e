# SPDX-License-Identifier: EUPL-1.2
"""The triggers that keep cases.CaseTally equal to the cases, per database (decision 33).

PostgreSQL: statement-level triggers over the transition tables, so a bulk insert adds
each case type's number once. SQLite (one writer at a time): a row-level trigger per
change. A delete on SQLite only lowers an existing row: when a test database is emptied
table by table, a tally already emptied stays empty."""

from __future__ import annotations

from typing import Any

POSTGRESQL_INSTALL = """
CREATE FUNCTION cases_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases_casetally (case_type_id, confidentiality, shard, n)
  SELECT case_type_id, confidentiality, pg_backend_pid() % 16, SUM(d) FROM (
    SELECT case_type_id, confidentiality, 1 AS d FROM new_rows
    UNION ALL SELECT case_type_id, confidentiality, -1 FROM old_rows
  ) AS changed GROUP BY case_type_id, confidentiality HAVING SUM(d) <> 0
  ORDER BY case_type_id, confidentiality
  ON CONFLICT (case_type_id, confidentiality, shard) DO UPDATE SET n = cases_casetally.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE FUNCTION cases_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases_casetally (case_type_id, confidentiality, shard, n)
  SELECT case_type_id, confidentiality, pg_backend_pid() % 16, COUNT(*) FROM new_rows
  GROUP BY case_type_id, confidentiality ORDER BY case_type_id, confidentiality
  ON CONFLICT (case_type_id, confidentiality, shard) DO UPDATE SET n = cases_casetally.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE FUNCTION cases_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases_casetally (case_type_id, confidentiality, shard, n)
  SELECT case_type_id, confidentiality, pg_backend_pid() % 16, -COUNT(*) FROM old_rows
  GROUP BY case_type_id, confidentiality ORDER BY case_type_id, confidentiality
  ON CONFLICT (case_type_id, confidentiality, shard) DO UPDATE SET n = cases_casetally.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER cases_tally_insert AFTER INSERT ON cases_case
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_tally_insert();
CREATE TRIGGER cases_tally_delete AFTER DELETE ON cases_case
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_tally_delete();
CREATE TRIGGER cases_tally_update AFTER UPDATE ON cases_case
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cases_tally_add();
"""

POSTGRESQL_REMOVE = """
DROP TRIGGER IF EXISTS cases_tally_insert ON cases_case;
DROP TRIGGER IF EXISTS cases_tally_delete ON cases_case;
DROP TRIGGER IF EXISTS cases_tally_update ON cases_case;
DROP FUNCTION IF EXISTS cases_tally_add(); DROP FUNCTION IF EXISTS cases_tally_insert();
DROP FUNCTION IF EXISTS cases_tally_delete();
"""


SQLITE_ADD = (
    "INSERT INTO cases_casetally (case_type_id, confidentiality, shard, n) "
    "VALUES (NEW.case_type_id, NEW.confidentiality, 0, 1) "
    "ON CONFLICT (case_type_id, confidentiality, shard) DO UPDATE SET n = n + 1;"
)
SQLITE_LOWER = (
    "UPDATE cases_casetally SET n = n - 1 WHERE case_type_id = OLD.case_type_id "
    "AND confidentiality = OLD.confidentiality AND shard = 0;"
)
SQLITE_INSTALL = [
    f"CREATE TRIGGER cases_tally_insert AFTER INSERT ON cases_case BEGIN {SQLITE_ADD} END",
    f"CREATE TRIGGER cases_tally_delete AFTER DELETE ON cases_case BEGIN {SQLITE_LOWER} END",
    "CREATE TRIGGER cases_tally_update AFTER UPDATE OF case_type_id, confidentiality ON cases_case "
    "WHEN OLD.case_type_id IS NOT NEW.case_type_id OR OLD.confidentiality IS NOT NEW.confidentiality "
    f"BEGIN {SQLITE_LOWER} {SQLITE_ADD} END",
]
SQLITE_REMOVE = [
    f"DROP TRIGGER IF EXISTS cases_tally_{name}" for name in ("insert", "delete", "update")
]

FILL = (
    "INSERT INTO cases_casetally (case_type_id, confidentiality, shard, n) "
    "SELECT case_type_id, confidentiality, 0, COUNT(*) FROM cases_case "
    "GROUP BY case_type_id, confidentiality"
)


def install(apps: Any, schema_editor: Any) -> None:
    """Fill the tally from the cases there are, then keep it with the triggers (on
    PostgreSQL no case is written in between: the table is locked until the migration
    commits)."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("LOCK TABLE cases_case IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute("DELETE FROM cases_casetally")
        cursor.execute(FILL)
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_INSTALL)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_INSTALL:
                cursor.execute(statement)


def remove(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_REMOVE)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_REMOVE:
                cursor.execute(statement)
