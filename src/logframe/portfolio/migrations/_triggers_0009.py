"""The triggers of migration 0009, frozen: a snapshot's document, checksum, quarter,
number and event cannot be changed by an UPDATE, whoever sends it (the application, the
admin, a script). Other columns may change (``created_by`` is set to NULL when its user is
deleted). Deleting is not refused here: a project's deletion, ``logframe restore`` and a
test database's flush delete snapshots, and ``logframe verify`` reports a snapshot missing
from a quarter's numbering or an approved quarter without its approval snapshot."""

# fmt: off
# ruff: noqa: E501
MESSAGE = "a snapshot is immutable: its document, checksum, quarter, number and event cannot be changed"

TRIGGERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sqlite": (
        (
            "CREATE TRIGGER portfolio_periodsnapshot_immutable BEFORE UPDATE ON portfolio_periodsnapshot FOR EACH ROW WHEN NEW.document IS NOT OLD.document OR NEW.checksum IS NOT OLD.checksum OR NEW.period_id IS NOT OLD.period_id OR NEW.number IS NOT OLD.number OR NEW.event IS NOT OLD.event "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        ),
        (
            "DROP TRIGGER IF EXISTS portfolio_periodsnapshot_immutable",
        ),
    ),
    "postgresql": (
        (
            "CREATE OR REPLACE FUNCTION portfolio_periodsnapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.document IS DISTINCT FROM OLD.document OR NEW.checksum IS DISTINCT FROM OLD.checksum OR NEW.period_id IS DISTINCT FROM OLD.period_id OR NEW.number IS DISTINCT FROM OLD.number OR NEW.event IS DISTINCT FROM OLD.event THEN "
            f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER portfolio_periodsnapshot_immutable BEFORE UPDATE ON portfolio_periodsnapshot FOR EACH ROW EXECUTE FUNCTION portfolio_periodsnapshot_immutable()",
        ),
        (
            "DROP TRIGGER IF EXISTS portfolio_periodsnapshot_immutable ON portfolio_periodsnapshot",
            "DROP FUNCTION IF EXISTS portfolio_periodsnapshot_immutable()",
        ),
    ),
}
