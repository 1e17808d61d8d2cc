"""What can be wrong with an imported file: a file that cannot be read at all, or a problem in a row."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


class ImportFileError(Exception):
    """The file cannot be read at all (empty, not a table, too big, encrypted, corrupt); nothing is imported."""


@dataclass(frozen=True)
class ImportProblem:
    """One problem: `row` is the 1-based data row below the header (None for the whole file),
    `column` the file's header text (None when no column applies)."""

    row: int | None
    column: str | None
    severity: str  # ERROR or WARNING
    message: str

    def __str__(self) -> str:
        where = [f"row {self.row}" if self.row is not None else "file"]
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{self.severity}: {', '.join(where)}: {self.message}"
