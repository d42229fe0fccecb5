"""Write a report's tables to an xlsx workbook (one sheet per table)."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from cdfmc.exports.base import Table
from cdfmc.exports.cells import neutralise

FONT = "TH Sarabun New"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE = Font(name=FONT, size=16, bold=True)
HEAD = Font(name=FONT, size=14, bold=True)
BODY = Font(name=FONT, size=14)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def write_xlsx(tables: list[Table]) -> bytes:
    workbook = Workbook(write_only=True)
    for table in tables:
        _write_sheet(workbook, table)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(ws, value, font, alignment=None, border=None):
    cell = WriteOnlyCell(ws, value=neutralise(value))
    cell.font = font
    if alignment:
        cell.alignment = alignment
    if border:
        cell.border = border
    return cell


def _write_sheet(workbook, table: Table):
    ws = workbook.create_sheet(title=table.sheet_name[:31])
    width = table.column_count
    for index, width_chars in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width_chars
    row_no = 0
    for line in table.title_lines:
        row_no += 1
        ws.append([_cell(ws, line, TITLE, CENTRE)])
        if width > 1:
            ws.merged_cells.add(f"A{row_no}:{get_column_letter(width)}{row_no}")
    row_no = _write_header(ws, table, row_no)
    for row in table.rows + table.footer:
        ws.append([_cell(ws, value, BODY, border=BOX) for value in row])


def _write_header(ws, table: Table, row_no: int) -> int:
    """Header rows with spans: cells covered by a span above are left empty and merged."""
    occupied: set[tuple[int, int]] = set()
    first = row_no + 1
    for r, header in enumerate(table.header):
        values: dict[int, str] = {}
        col = 1
        for cell in header:
            while (first + r, col) in occupied:
                col += 1
            values[col] = cell.text
            if cell.colspan > 1 or cell.rowspan > 1:
                last_col, last_row = col + cell.colspan - 1, first + r + cell.rowspan - 1
                ws.merged_cells.add(
                    f"{get_column_letter(col)}{first + r}:{get_column_letter(last_col)}{last_row}"
                )
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((first + r + dr, col + dc))
            col += cell.colspan
        ws.append(
            [_cell(ws, values.get(c), HEAD, CENTRE, BOX) for c in range(1, table.column_count + 1)]
        )
    return first + len(table.header) - 1
