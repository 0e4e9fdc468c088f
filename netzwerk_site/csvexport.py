"""The one way to write CSV: semicolons and a byte order mark, as German spreadsheet programs expect, and
no cell a spreadsheet would run as a formula (OWASP, "CSV Injection")."""

import csv

# A spreadsheet treats a cell starting with one of these as a formula (or as the start of one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """value for a CSV cell: text that would start a formula gets a leading apostrophe; None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write(stream, header, rows):
    """Write the header and rows (sequences of cell values) to the text stream."""
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";")
    writer.writerow([cell(value) for value in header])
    writer.writerows([cell(value) for value in row] for row in rows)
