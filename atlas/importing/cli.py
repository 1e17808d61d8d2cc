"""`python -m atlas import FILE ...`: check a spreadsheet against the latest version, and publish it on request.

Without --publish it is a dry run: it prints the problems and the difference and writes nothing.
Exit codes: 0 the file is valid (and, with --publish, published or nothing to change), 1 rows have
errors or the publish was refused (nothing written), 2 the file cannot be read at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from atlas import loading
from atlas.importing.columns import FIELDS
from atlas.importing.pipeline import MODES, ImportReport, prepare_import, publish_import
from atlas.importing.problems import ERROR, ImportFileError, ImportProblem
from atlas.store import StaleVersionError, Store
from atlas.strings import t
from atlas.validation import DataFileError

EXIT_OK, EXIT_ROW_ERRORS, EXIT_UNREADABLE = 0, 1, 2
MAX_LISTED = 50  # problems and changes printed in the human-readable report (--json has them all)


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register the `import` subcommand on an argparse subparsers object."""
    parser = subparsers.add_parser("import", help=t("import.cli.help"), description=t("import.cli.description"))
    parser.add_argument("file", type=Path, help=t("import.cli.file"))
    parser.add_argument("--sheet", help=t("import.cli.sheet"))
    parser.add_argument("--mode", choices=MODES, default="upsert", help=t("import.cli.mode"))
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=t("import.cli.map", fields=", ".join(FIELDS)),
    )
    parser.add_argument("--publish", action="store_true", help=t("import.cli.publish"))
    parser.add_argument("--author", help=t("import.cli.author"))
    parser.add_argument("--note", default="", help=t("import.cli.note"))
    parser.add_argument("--json", action="store_true", help=t("import.cli.json"))
    parser.set_defaults(run=run)
    return parser


def parse_mapping(items: list[str]) -> dict[str, str]:
    """['Lien=source_urls', 'Ville=-'] -> {'Lien': 'source_urls', 'Ville': '-'}; ValueError without '='."""
    mapping = {}
    for item in items:
        column, sep, field = item.rpartition("=")
        if not sep or not column.strip():
            raise ValueError(t("import.cli.bad_map", item=item))
        mapping[column.strip()] = field.strip()
    return mapping


def printable(value: object) -> str:
    """Text safe for a terminal: control and direction characters are shown escaped, never acted on."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(value))


def _failure(message: str, args: argparse.Namespace, code: int) -> int:
    """Report a file or publish failure (one problem without row or column) and return `code`."""
    if args.json:
        problem = {"row": None, "column": None, "severity": ERROR, "message": message}
        empty = {"rows": 0, "valid_rows": 0, "problems": [problem], "added": [], "changed": [], "removed": []}
        print(json.dumps(empty | {"version": None}))
    else:
        print(printable(t("import.cli.cannot_read", file=args.file.name, message=message)), file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    """Run the import subcommand; the exit code."""
    if args.publish and not (args.author or "").strip():
        return _failure(t("import.cli.author_needed"), args, EXIT_UNREADABLE)
    try:
        mapping = parse_mapping(args.map)
        data = args.file.read_bytes()
    except (OSError, ValueError) as err:
        return _failure(str(err), args, EXIT_UNREADABLE)
    with Store() as store:
        dataset = loading.load_dataset(store=store)
        try:
            report = prepare_import(
                data,
                args.file.name,
                current=dataset.companies,
                base=dataset.version.number if dataset.version else None,
                landmarks=dataset.landmarks,
                communes=dataset.communes,
                mode=args.mode,
                mapping=mapping,
                sheet=args.sheet,
            )
        except (ImportFileError, ValueError) as err:
            return _failure(str(err), args, EXIT_UNREADABLE)
        version = None
        outcome = t("import.cli.dry_run")
        if report.has_errors:
            outcome = t("import.publish.has_errors", n=sum(p.severity == ERROR for p in report.problems))
        elif args.publish and report.diff.empty:
            outcome = t("import.cli.nothing_to_publish")
        elif args.publish:
            note = args.note.strip() or t("import.cli.default_note", file=args.file.name)
            try:
                version = publish_import(store, report, author=args.author.strip(), note=note).number
                outcome = t("import.cli.published", number=version)
            except (StaleVersionError, DataFileError) as err:
                refused = ImportProblem(None, None, ERROR, t("import.cli.refused", reason=str(err)))
                report = _with_problem(report, refused)
                outcome = refused.message
    if args.json:
        print(json.dumps(report.to_json(version)))
    else:
        print(human_report(report, outcome))
    return EXIT_ROW_ERRORS if report.has_errors else EXIT_OK


def _with_problem(report: ImportReport, problem: ImportProblem) -> ImportReport:
    return replace(report, problems=(*report.problems, problem))


def _listed(lines: list[str]) -> list[str]:
    more = len(lines) - MAX_LISTED
    return lines[:MAX_LISTED] + ([t("import.cli.more", n=more)] if more > 0 else [])


def human_report(report: ImportReport, outcome: str) -> str:
    """A short report: counts, problems with row/column/reason, added, changed (old -> new) and removed."""
    errors = sum(p.severity == ERROR for p in report.problems)
    lines = [
        t(
            "import.cli.summary",
            file=report.filename,
            sheet=f" [{report.sheet}]" if report.sheet else "",
            rows=report.rows,
            valid=report.valid_rows,
            errors=errors,
            warnings=len(report.problems) - errors,
            mode=report.mode,
            base=report.base if report.base is not None else "-",
        ),
        t(
            "import.cli.columns",
            columns=", ".join(f"{header} -> {field or '-'}" for header, field in report.mapping.items()),
        ),
    ]
    if report.problems:
        lines.append(t("import.cli.problems"))
        lines += _listed([f"  {p}" for p in report.problems])
    counts = report.diff.counts()
    lines.append(
        t("import.cli.added", n=counts["added"]) + (": " + ", ".join(report.diff.added) if report.diff.added else "")
    )
    lines.append(t("import.cli.changed", n=counts["changed"]))
    lines += _listed([f"  {c.id}: {c.column}: {c.old!r} -> {c.new!r}" for c in report.diff.changes])
    lines.append(
        t("import.cli.removed", n=counts["removed"])
        + (": " + ", ".join(report.diff.removed) if report.diff.removed else "")
    )
    lines.append(outcome)
    return "\n".join(printable(line) for line in lines)
