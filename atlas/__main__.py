"""The command line of the Atlas: `python -m atlas <command>` (see the README).

  versions [--json]                                   every dataset version, newest first
  rollback N --author NAME [--note TEXT]              publish version N again, as a new version
  export [--version N] --format csv|xlsx --out FILE   the Companies page's safe export of a version

Every command uses the store at $HEALTHTECH_DATABASE_URL, else the default SQLite file; like the app, it
seeds an empty store from the data directory first. Exit codes: 0 done, 1 refused (nothing written),
2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

import sqlalchemy as sa

from atlas.export import about_rows, to_csv, to_xlsx
from atlas.filters import Filters, filter_options
from atlas.importing import cli as importing_cli
from atlas.loading import seed_store, with_search_key
from atlas.presentation import utc_text
from atlas.store import DatasetVersion, Store, UnknownVersionError
from atlas.validation import DataFileError

EXPORTS = {"csv": to_csv, "xlsx": to_xlsx}
EXPORT_VIEW = "/companies"  # the view an export of all companies reproduces


def open_store() -> Store:
    """The store of $HEALTHTECH_DATABASE_URL (else the default file), seeded from the data directory if empty."""
    store = Store()
    seed_store(store)
    return store


def version_record(version: DatasetVersion) -> dict:
    """A version as JSON-ready values (time in ISO 8601, UTC)."""
    return {**asdict(version), "published_at": version.published_at.isoformat()}


def run_versions(args: argparse.Namespace) -> int:
    """Print every version, newest first."""
    with open_store() as store:
        versions = store.versions()
    if args.json:
        print(json.dumps([version_record(v) for v in versions], ensure_ascii=False, indent=2))
        return 0
    for v in versions:
        changes = f"+{v.added} ~{v.changed} -{v.removed}"
        print(f"{v.number:>4}  {utc_text(v.published_at)}  {v.kind:<8}  {changes:<16}  {v.author}: {v.note}")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    """Publish the companies of version N as a new version."""
    with open_store() as store:
        version = store.rollback(args.number, author=args.author, note=args.note)
    print(f"Published version {version.number}: the companies of version {args.number} ({version.note}).")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the export of one version (default: the latest) as CSV or XLSX."""
    with open_store() as store:
        version = store.version(args.version) if args.version is not None else store.latest()
        companies = with_search_key(store.companies(version.number))
    n = len(companies)
    about = about_rows(Filters(), filter_options(companies), n, n, EXPORT_VIEW, version=version)
    args.out.write_bytes(EXPORTS[args.format](companies, about))
    print(f"Wrote {n} companies of version {version.number} to {args.out} ({args.format}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = argparse.ArgumentParser(
        prog="python -m atlas", description="Data store of the Luxembourg HealthTech Atlas."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")

    versions = sub.add_parser("versions", help="list the dataset versions, newest first")
    versions.add_argument("--json", action="store_true", help="print one JSON list")
    versions.set_defaults(run=run_versions)

    rollback = sub.add_parser("rollback", help="publish an earlier version again, as a new version")
    rollback.add_argument("number", type=int, metavar="N", help="the version to return to")
    rollback.add_argument("--author", required=True, help="who rolls back (kept in the version and the audit)")
    rollback.add_argument("--note", default="", help="why (default: 'Rollback to version N')")
    rollback.set_defaults(run=run_rollback)

    export = sub.add_parser("export", help="export a version as CSV or XLSX, as the Companies page does")
    export.add_argument("--version", type=int, help="the version to export (default: the latest)")
    export.add_argument("--format", choices=sorted(EXPORTS), required=True)
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.set_defaults(run=run_export)

    importing_cli.add_parser(sub)  # `import FILE ...` (atlas/importing/cli.py)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; problems are printed as one line on stderr, never as a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (UnknownVersionError, ValueError, DataFileError) as err:
        print(f"error: {err}", file=sys.stderr)
    except sa.exc.SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).splitlines()[0]
        print(f"error: the data store could not be used: {reason}", file=sys.stderr)
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
