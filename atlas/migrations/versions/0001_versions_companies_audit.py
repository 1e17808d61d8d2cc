"""Dataset versions, the company rows of every version, and the audit trail; all three append-only.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ("dataset_version", "company_row", "audit_entry")
# The company fields of atlas.validation.CompanyRow at this revision, in order; every text is NOT NULL ('' = blank).
COMPANY_FIELDS = (
    ("name", sa.Text),
    ("website", sa.Text),
    ("founded_year", sa.Integer),
    ("town", sa.Text),
    ("commune", sa.Text),
    ("canton", sa.Text),
    ("street_address", sa.Text),
    ("site", sa.Text),
    ("site_id", sa.Text),
    ("subsector", sa.Text),
    ("niches", sa.Text),
    ("description", sa.Text),
    ("source_urls", sa.Text),
    ("confidence", sa.Text),
    ("notes", sa.Text),
    ("lat", sa.Float),
    ("lon", sa.Float),
    ("location_precision", sa.Text),
    ("verified_on", sa.Text),
)


def upgrade() -> None:
    op.create_table(
        "dataset_version",
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("source_checksum", sa.String(64), nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("removed", sa.Integer, nullable=False),
        sa.Column("parent", sa.Integer, sa.ForeignKey("dataset_version.number"), nullable=True),
        sa.CheckConstraint("kind IN ('seed', 'import', 'edit', 'rollback')", name="ck_dataset_version_kind"),
    )
    op.create_table(
        "company_row",
        sa.Column("version", sa.Integer, sa.ForeignKey("dataset_version.number"), primary_key=True),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        *(sa.Column(name, kind, nullable=kind is not sa.Text) for name, kind in COMPANY_FIELDS),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, sa.ForeignKey("dataset_version.number"), nullable=True),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("source_checksum", sa.String(64), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION atlas_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME; END $$"
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION atlas_append_only()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION atlas_append_only()"
            )
    else:
        for table in TABLES:
            for event in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'table {table} is append-only'); END"
                )


def downgrade() -> None:
    is_postgresql = op.get_bind().dialect.name == "postgresql"
    for table in reversed(TABLES):
        op.drop_table(table)
    if is_postgresql:
        op.execute("DROP FUNCTION atlas_append_only()")
