"""Import of the owners' spreadsheets (XLSX, CSV) into the company data: read, map, validate, diff, publish.

No Streamlit and no SQL here: publishing goes through the store's `publish`.
"""

from atlas.importing.pipeline import ImportHasErrors, ImportReport, prepare_import, publish_import
from atlas.importing.problems import ERROR, WARNING, ImportFileError, ImportProblem

__all__ = [
    "ERROR",
    "WARNING",
    "ImportFileError",
    "ImportHasErrors",
    "ImportProblem",
    "ImportReport",
    "prepare_import",
    "publish_import",
]
