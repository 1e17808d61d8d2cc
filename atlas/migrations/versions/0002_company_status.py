"""Company status (blank = active): closed and merged companies stay in every version with a note, and are not listed as active.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a column with a default rewrites no row, so the append-only triggers are not involved.
    op.add_column("company_row", sa.Column("status", sa.Text, nullable=False, server_default=""))
    op.add_column("company_row", sa.Column("status_note", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("company_row") as batch:
        batch.drop_column("status_note")
        batch.drop_column("status")
