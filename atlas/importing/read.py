"""Read an uploaded file into a table: a header and the data rows below it, cells as the file holds them.

XLSX (the first sheet, or a named one; read-only, formulas kept as their text) and CSV (UTF-8 with or
without BOM, else Windows-1252; comma, semicolon or tab separated, guessed from the header line).
Lines above the header that hold at most one cell (such as the description line of the Atlas's own CSV
export) are skipped. Files that cannot be read raise `ImportFileError` with a message for the person
who uploaded them: empty, not a table, over 10 MB or 50,000 rows, password-protected, malformed.
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from atlas import formats
from atlas.importing.problems import ImportFileError
from atlas.strings import t

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # a workbook's XML parts together; real 10 MB workbooks unpack to ~100 MB
HEADER_SEARCH_LINES = 10  # the header is the first line with two or more cells among the first ten
DELIMITERS = (",", ";", "\t")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File Binary: .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # the stream of a password-protected OOXML file
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Table:
    """The header (cells as text) and the rows below it; row i of `rows` is data row i + 1.

    Cells are what the file holds: text from CSV; text, numbers, dates or None from XLSX.
    Blank rows are kept so that row numbers match what the owner sees.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    sheet: str | None
    skipped_lines: int  # lines above the header that were not part of the table


def read_table(data: bytes, filename: str, sheet: str | None = None) -> Table:
    """The table in `data` (XLSX or CSV, told apart by content, then by the file name's extension)."""
    if not data or not data.strip():
        raise ImportFileError(t("import.file.empty"))
    if len(data) > MAX_BYTES:
        raise ImportFileError(t("import.file.too_big", mb=round(len(data) / 1024 / 1024, 1), max_mb=MAX_BYTES >> 20))
    extension = PurePath(filename or "").suffix.lower()
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise ImportFileError(t("import.file.encrypted"))
        raise ImportFileError(t("import.file.old_excel"))
    if data.startswith(ZIP_MAGIC) or extension in XLSX_EXTENSIONS:
        return _read_xlsx(data, sheet)
    return _read_csv(data)


def _is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _filled(cells: tuple[object, ...] | list[object]) -> int:
    return sum(not _is_blank(c) for c in cells)


def _width(line: tuple[object, ...]) -> int:
    """The number of cells up to the last non-blank one."""
    width = len(line)
    while width and _is_blank(line[width - 1]):
        width -= 1
    return width


def is_blank_row(cells: tuple[object, ...]) -> bool:
    """True when every cell is blank."""
    return _width(cells) == 0


def _table(lines: list[tuple[object, ...]], sheet: str | None) -> Table:
    """Find the header among the first lines, trim empty trailing columns, pad rows to the header's width."""
    start = next((i for i, line in enumerate(lines[:HEADER_SEARCH_LINES]) if _filled(line) >= 2), None)
    if start is None:
        raise ImportFileError(t("import.file.not_table", lines=HEADER_SEARCH_LINES))
    body = lines[start + 1 :]
    if len(body) > MAX_ROWS:
        raise ImportFileError(t("import.file.too_many_rows", max_rows=formats.number(MAX_ROWS)))
    width = max(_width(line) for line in lines[start:])
    header = tuple("" if _is_blank(c) else str(c).strip() for c in lines[start][:width])
    header += ("",) * (width - len(header))
    rows = tuple(tuple(line[:width]) + (None,) * (width - len(line)) for line in body)
    while rows and _filled(rows[-1]) == 0:
        rows = rows[:-1]
    return Table(header=header, rows=rows, sheet=sheet, skipped_lines=start)


def _unpacked_size(data: bytes) -> int:
    """The size of a workbook's parts once unzipped, as the archive declares it (0 if it is not a zip)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return 0  # not a zip: openpyxl says why below


def _read_xlsx(data: bytes, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # imported here: CSV imports do not pay for it

    if _unpacked_size(data) > MAX_UNPACKED_BYTES:  # a "zip bomb" is refused before anything is unpacked
        raise ImportFileError(t("import.file.unpacks_too_big", max_mb=MAX_UNPACKED_BYTES >> 20))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as err:  # openpyxl raises many kinds of errors (zip, XML, key) on a damaged file
        raise ImportFileError(t("import.file.bad_workbook", reason=_reason(err))) from None
    try:
        names = workbook.sheetnames
        if not names:
            raise ImportFileError(t("import.file.no_sheets"))
        if sheet is not None and sheet not in names:
            raise ImportFileError(t("import.file.no_such_sheet", sheet=sheet, sheets=", ".join(names)))
        name = sheet if sheet is not None else names[0]
        lines: list[tuple[object, ...]] = []
        for line in sheet_rows(workbook, name):
            lines.append(line)
            if len(lines) > MAX_ROWS + HEADER_SEARCH_LINES + 1:
                break
    except ImportFileError:
        raise
    except Exception as err:  # damaged sheet XML surfaces only while iterating
        raise ImportFileError(t("import.file.bad_workbook", reason=_reason(err))) from None
    finally:
        workbook.close()
    if not any(_filled(line) for line in lines):
        raise ImportFileError(t("import.file.empty_sheet", sheet=name))
    return _table(lines, name)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA, _INLINE = (f"{_MAIN}{tag}" for tag in ("row", "c", "v", "f", "is"))


def _column_index(reference: str) -> int:
    """'C12' -> 2 (0-based column of a cell reference)."""
    index = 0
    for char in reference:
        if not char.isalpha():
            break
        index = index * 26 + ord(char.upper()) - 64
    return index - 1


def _cell_value(cell, strings, dates: set[int], epoch) -> object:
    """The value of one <c> element: formula text, text, number, bool or date (as openpyxl reads them)."""
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    kind = cell.get("t", "n")
    formula = cell.find(_FORMULA)
    if formula is not None:
        return "=" + (formula.text or "")
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        return "".join(inline.itertext()) if inline is not None else None
    value = cell.findtext(_VALUE)
    if value is None:
        return None
    if kind == "n":
        number = float(value) if any(c in value for c in ".eE") else int(value)
        if int(cell.get("s") or 0) in dates:
            with contextlib.suppress(OverflowError, ValueError):  # outside the calendar: keep the number
                return from_excel(number, epoch)
        return number
    if kind == "s":
        return str(strings[int(value)])
    if kind == "b":
        return value == "1"
    if kind == "d":
        return from_ISO8601(value)
    return value  # "str" (a formula's text result) and "e" (an error such as #N/A)


def sheet_rows(workbook, name: str):
    """The rows of a read-only workbook's sheet as tuples of values (blank rows included), like openpyxl's
    `iter_rows(values_only=True)` with formulas as their text, but parsed in one light pass (~4x faster).

    Uses the workbook's shared strings, date styles and epoch as openpyxl loaded them.
    """
    from xml.etree.ElementTree import iterparse

    sheet = workbook[name]
    strings, dates, epoch = sheet._shared_strings, workbook._date_formats, workbook.epoch
    expected = 1
    with sheet._get_source() as source:
        for _, element in iterparse(source):
            if element.tag != _ROW:
                continue
            number = int(element.get("r") or expected)
            for _ in range(expected, number):
                yield ()
            expected = number + 1
            cells: dict[int, object] = {}
            position = -1
            for cell in element.iter(_CELL):
                reference = cell.get("r")
                position = _column_index(reference) if reference else position + 1
                cells[position] = _cell_value(cell, strings, dates, epoch)
            element.clear()
            yield tuple(cells.get(i) for i in range(max(cells, default=-1) + 1))


def _reason(err: Exception) -> str:
    return f"{type(err).__name__}: {err}"[:200]


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252; binary data raise ImportFileError."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ImportFileError(t("import.file.not_text")) from None
    if "\x00" in text:
        raise ImportFileError(t("import.file.not_text"))
    return text


def _parse(text: str, delimiter: str, limit: int | None = None) -> list[tuple[str, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = []
    try:
        for line in reader:
            lines.append(tuple(line))
            if limit is not None and len(lines) >= limit:
                break
    except csv.Error as err:
        raise ImportFileError(t("import.file.bad_csv", line=reader.line_num, reason=str(err))) from None
    return lines


def guess_delimiter(text: str) -> str:
    """The delimiter that finds a header (two or more cells) on the earliest line, then with the most cells.

    On a tie, the comma. A semicolon file with decimal commas: its header line has no comma, so the
    semicolon finds the header first.
    """
    head = "\n".join(text.splitlines()[: HEADER_SEARCH_LINES + 1])

    def score(delimiter: str) -> tuple[int, int]:
        try:
            lines = _parse(head, delimiter)
        except ImportFileError:
            return (-HEADER_SEARCH_LINES - 1, 0)
        found = next(((i, _filled(line)) for i, line in enumerate(lines) if _filled(line) >= 2), None)
        return (-found[0], found[1]) if found else (-HEADER_SEARCH_LINES - 1, 0)

    return max(DELIMITERS, key=score)


def _read_csv(data: bytes) -> Table:
    text = decode(data)
    if not text.strip():
        raise ImportFileError(t("import.file.empty"))
    lines = _parse(text, guess_delimiter(text), limit=MAX_ROWS + HEADER_SEARCH_LINES + 2)
    return _table(lines, None)
