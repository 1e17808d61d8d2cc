"""Alembic environment of the Atlas store.

`atlas.store.Store` runs the migrations itself when it opens a database, passing its connection in
`config.attributes["connection"]`. From a shell, `alembic upgrade head` (alembic.ini at the repository root)
migrates the database named by HEALTHTECH_DATABASE_URL, else the default SQLite file.
"""

from alembic import context
from sqlalchemy import create_engine

from atlas.store import database_url, ensure_database_dir, metadata

config = context.config


def run_migrations(connection) -> None:
    """Run the pending migrations on `connection`, inside its transaction."""
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    run_migrations(given)
else:
    ensure_database_dir(database_url())
    engine = create_engine(database_url())
    with engine.begin() as connection:
        run_migrations(connection)
    engine.dispose()
