"""The difference between two sets of companies: added, removed, and changed field by field.

Both sides are company frames keyed by `id` (the columns of `atlas.loading.COMPANY_COLUMNS`).
Values are compared as the text a data file would hold, so a year read as 2016 from a spreadsheet
and as "2016" from the store are the same value, and a blank is a blank whatever its type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class FieldChange:
    """One field of one company that differs: its old and new value, as text."""

    id: str
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class CompanyDiff:
    """What would change from `old` to `new`: ids added and removed, and every changed field."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changes: tuple[FieldChange, ...] = field(default=())

    @property
    def changed(self) -> tuple[str, ...]:
        """Ids of companies present on both sides with at least one changed field, in order."""
        return tuple(dict.fromkeys(c.id for c in self.changes))

    @property
    def empty(self) -> bool:
        """True when nothing would change."""
        return not (self.added or self.removed or self.changes)

    def counts(self) -> dict[str, int]:
        """{'added': n, 'changed': n, 'removed': n}."""
        return {"added": len(self.added), "changed": len(self.changed), "removed": len(self.removed)}


def as_text(value: object) -> str:
    """A cell as the text a data file holds: blanks and missing values are '', 2016.0 is '2016'."""
    if type(value) is str:  # the common case first
        return value.strip()
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def column_texts(values: pd.Series) -> pd.Series:
    """`as_text` of every cell of a column; vectorised for text and integer columns (the bulk of a dataset)."""
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        return values.fillna("").str.strip().astype(object)
    if pd.api.types.is_integer_dtype(values.dtype):
        return values.astype("string").fillna("").astype(object)
    return values.map(as_text).astype(object)


def _texts(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The cells of `columns` as text, indexed by id (an id given twice: its first place, its last values)."""
    texts = pd.DataFrame({c: column_texts(frame[c]) for c in columns}, columns=columns)
    texts.index = pd.Index(frame["id"].map(str).tolist(), dtype=object)
    return texts if texts.index.is_unique else texts.groupby(level=0, sort=False).last()


def diff_companies(old: pd.DataFrame, new: pd.DataFrame, columns: list[str] | None = None) -> CompanyDiff:
    """Compare two company frames by id over `columns` (default: every column both share but id)."""
    if columns is None:
        columns = [c for c in old.columns if c in new.columns and c != "id"]
    before, after = _texts(old, columns), _texts(new, columns)
    in_before = after.index.isin(before.index)
    common = after.index[in_before]
    old_values = before.loc[common, columns].to_numpy(dtype=object)
    new_values = after.loc[common, columns].to_numpy(dtype=object)
    rows, cells = np.nonzero(old_values != new_values)  # row-major: company by company, column by column
    return CompanyDiff(
        added=tuple(after.index[~in_before]),
        removed=tuple(before.index[~before.index.isin(after.index)]),
        changes=tuple(
            FieldChange(common[r], columns[c], old_values[r, c], new_values[r, c])
            for r, c in zip(rows.tolist(), cells.tolist(), strict=True)
        ),
    )
