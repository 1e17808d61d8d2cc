"""Reading uploaded files: CSV encodings and delimiters, XLSX sheets, and the files that are refused."""

import io
import zipfile

import pytest

from atlas.importing import ImportFileError, read
from atlas.importing.read import decode, guess_delimiter, read_table
from tests.importing_files import csv_bytes, encrypted_workbook, xlsx_bytes

HEADER = ["Nom", "Site web", "Année de création"]
ROW = ["Société Générale de Santé", "exemple.lu", "2016"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_in_each_encoding_and_delimiter(encoding, delimiter):
    table = read_table(csv_bytes([HEADER, ROW], delimiter, encoding), "f.csv")
    assert table.header == tuple(HEADER)
    assert table.rows == (tuple(ROW),)
    assert table.sheet is None and table.skipped_lines == 0


def test_semicolon_file_with_decimal_commas_keeps_the_commas_in_cells():
    data = "Nom;Latitude;Longitude\nA;49,61;6,13\n".encode("cp1252")
    assert guess_delimiter(data.decode("cp1252")) == ";"
    assert read_table(data, "f.csv").rows == (("A", "49,61", "6,13"),)


def test_the_exports_description_line_is_skipped():
    data = '"Export: all companies, 2026-11-21"\nName,Website\nA,a.lu\n'.encode("utf-8-sig")
    table = read_table(data, "export.csv")
    assert table.header == ("Name", "Website")
    assert table.rows == (("A", "a.lu"),)
    assert table.skipped_lines == 1


def test_blank_rows_keep_row_numbers_and_trailing_blanks_go():
    table = read_table(b"Name,Website\nA,a.lu\n,\nB,b.lu\n,\n\n", "f.csv")
    assert table.rows == (("A", "a.lu"), ("", ""), ("B", "b.lu"))


def test_short_rows_are_padded_and_blank_headers_kept_when_the_column_has_data():
    table = read_table(b"Name,Website,\nA\nB,b.lu,extra\n", "f.csv")
    assert table.header == ("Name", "Website", "")
    assert table.rows == (("A", None, None), ("B", "b.lu", "extra"))


def test_decode_prefers_utf8_then_windows_1252():
    assert decode("é".encode()) == "é"
    assert decode("\ufeffé".encode()) == "é"
    assert decode("é€".encode("cp1252")) == "é€"


def test_xlsx_first_sheet_by_default_and_a_named_sheet_on_request():
    data = xlsx_bytes({"Notes": [["Read me", "first"], ["x", "y"]], "Companies": [HEADER, ROW]})
    assert read_table(data, "f.xlsx").sheet == "Notes"
    table = read_table(data, "f.xlsx", sheet="Companies")
    assert table.sheet == "Companies"
    assert table.header == tuple(HEADER)
    assert table.rows == (tuple(ROW),)


def test_xlsx_unknown_sheet_names_the_sheets_there_are():
    data = xlsx_bytes({"Notes": [["a", "b"]], "Companies": [HEADER, ROW]})
    with pytest.raises(ImportFileError, match=r"no sheet named 'Firmen'.*Notes, Companies"):
        read_table(data, "f.xlsx", sheet="Firmen")


def test_xlsx_cells_keep_their_types_and_formulas_stay_text():
    data = xlsx_bytes({"S": [["Name", "Founded"], ['=HYPERLINK("http://x","y")', 2016]]})
    table = read_table(data, "f.xlsx")
    assert table.rows == (('=HYPERLINK("http://x","y")', 2016),)


def test_xlsx_recognised_by_content_whatever_its_name():
    assert read_table(xlsx_bytes({"S": [HEADER, ROW]}), "upload.bin").header == tuple(HEADER)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n  ", "\ufeff".encode()])
def test_empty_file_refused(data):
    with pytest.raises(ImportFileError, match="empty"):
        read_table(data, "f.csv")


def test_empty_sheet_refused():
    with pytest.raises(ImportFileError, match="sheet 'S' is empty"):
        read_table(xlsx_bytes({"S": []}), "f.xlsx")


def test_file_over_10_mb_refused():
    data = b"Name,Website\n" + b"Company,example.lu\n" * (10 * 1024 * 1024 // 19 + 1)
    assert len(data) > read.MAX_BYTES
    with pytest.raises(ImportFileError, match="up to 10 MB"):
        read_table(data, "f.csv")


def test_csv_over_50000_rows_refused():
    data = b"Name,Website\n" + b"C,e.lu\n" * 50_001
    with pytest.raises(ImportFileError, match="more than 50,000 rows"):
        read_table(data, "f.csv")
    assert len(read_table(b"Name,Website\n" + b"C,e.lu\n" * 50_000, "f.csv").rows) == 50_000


def test_xlsx_over_the_row_limit_refused(monkeypatch):
    monkeypatch.setattr(read, "MAX_ROWS", 5)
    with pytest.raises(ImportFileError, match="more than 5 rows"):
        read_table(xlsx_bytes({"S": [HEADER] + [ROW] * 6}), "f.xlsx")
    assert len(read_table(xlsx_bytes({"S": [HEADER] + [ROW] * 5}), "f.xlsx").rows) == 5


def test_password_protected_workbook_refused():
    with pytest.raises(ImportFileError, match="password-protected"):
        read_table(encrypted_workbook(), "protected.xlsx")


def test_old_binary_excel_refused_with_advice():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(ImportFileError, match=r"\.xls"):
        read_table(ole, "old.xls")


def test_malformed_workbooks_refused():
    with pytest.raises(ImportFileError, match="workbook cannot be read"):
        read_table(b"PK\x03\x04 not really a zip", "f.xlsx")
    with pytest.raises(ImportFileError, match="workbook cannot be read"):
        read_table(b"Name,Website\nA,a.lu\n", "renamed.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError, match="workbook cannot be read"):
        read_table(buffer.getvalue(), "f.xlsx")


def test_damaged_sheet_xml_refused():
    data = xlsx_bytes({"S": [HEADER, ROW]})
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                content = content[: len(content) // 2]
            archive.writestr(item, content)
    with pytest.raises(ImportFileError, match="workbook cannot be read"):
        read_table(target.getvalue(), "f.xlsx")


@pytest.mark.parametrize(
    "data",
    [b"just one sentence\nand another\n", b"single\ncolumn\nonly\n", "\u00e9t\u00e9".encode()],
)
def test_text_that_is_not_a_table_refused(data):
    with pytest.raises(ImportFileError, match="does not look like a table"):
        read_table(data, "f.csv")


def test_binary_data_refused():
    with pytest.raises(ImportFileError, match="neither a workbook nor text"):
        read_table(b"\x00\x01\x02,\x03\n\x81\x8d", "f.csv")


def test_sheet_rows_read_what_openpyxl_reads():
    from datetime import date, datetime

    from openpyxl import Workbook, load_workbook

    from atlas.importing.read import sheet_rows

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "S"
    sheet.append(["Name", "Founded", "Verified on", "Flag", "Lat"])
    sheet.append(["Société α", 2016, datetime(2026, 11, 5), True, 49.61])
    sheet.append(["=1+1", "2016", date(2020, 2, 29), False, -1e-7])
    sheet["C6"] = "sparse"  # rows 4 and 5 missing, a cell alone in column C
    sheet["A7"] = 'x "quoted" <b>'
    buffer = io.BytesIO()
    workbook.save(buffer)
    opened = load_workbook(io.BytesIO(buffer.getvalue()), read_only=True)
    expected = [tuple(row) for row in opened["S"].iter_rows(values_only=True)]
    ours = list(sheet_rows(opened, "S"))
    padded = [row + (None,) * (5 - len(row)) for row in ours]
    assert padded == expected
    assert ours[3] == () and ours[5] == (None, None, "sparse")


def test_workbook_that_unpacks_too_big_refused(monkeypatch):
    monkeypatch.setattr(read, "MAX_UNPACKED_BYTES", 10_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<x/>" + " " * 20_000)  # compresses to a few bytes
    assert len(buffer.getvalue()) < 1_000
    with pytest.raises(ImportFileError, match="unpacks to more than"):
        read_table(buffer.getvalue(), "bomb.xlsx")
