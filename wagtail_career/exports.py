"""CSV and XLSX exports of an admin list (wagtail-modeladmin index views) at any size.

wagtail-modeladmin's own export loads the whole filtered list, reads each row's foreign keys
with one query each and builds the XLSX workbook in memory; it writes "-" for an empty
value. ``StreamingExportMixin`` keeps its columns, headings, filters, search, ordering and
permission (``IndexView.dispatch``) and changes how the rows are read and written:

- one query, whatever the size: the exported foreign keys are joined (``select_related``)
  and, when every exported column is a model field, only those columns are read (``only``);
- the rows are read ``export_chunk_size`` at a time (``QuerySet.iterator``, a server-side
  cursor on PostgreSQL), so memory holds one chunk, never the list;
- both formats are streamed as they are written (``StreamingHttpResponse``): CSV in UTF-8
  without a byte order mark, as wagtail-modeladmin wrote it; XLSX by ``xlsx_stream`` below,
  a one-sheet workbook zipped on the fly (openpyxl, even in its write-only mode, took 40 s
  for 100,000 rows before its first byte, longer than a web worker's usual timeout). Dates
  and times are typed cells in the XLSX, in the format wagtail-modeladmin gives them;
- an empty value (``None``, ``""``, an empty list) is an empty cell;
- a text cell starting with ``= + - @``, a tab or a carriage return, which spreadsheet
  software would run as a formula, is prefixed with an apostrophe (CSV injection).
"""

import datetime
import re
import zipfile
from decimal import Decimal
from itertools import chain
from operator import attrgetter
from xml.sax.saxutils import escape, quoteattr

from django.contrib.admin.utils import lookup_field
from django.core.exceptions import FieldDoesNotExist
from django.http import StreamingHttpResponse
from django.utils.functional import cached_property
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import ExcelDateFormatter

# A cell starting with one of these runs as a formula in spreadsheet software.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
EMPTY_VALUES = (None, "", [], ())
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters XML 1.0 cannot hold (control characters other than tab and line breaks).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Rows zipped between two pieces of the XLSX stream.
XLSX_ROWS_PER_PIECE = 500


def neutralise_formula(value):
    """Prefix a would-be formula with an apostrophe so it is shown as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# The parts of a one-sheet workbook around its sheet; styles 1, 2, 3 are the formats of
# datetimes (given), dates and times.
_XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XLSX_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XLSX_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_XLSX_TYPE}.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        f'ContentType="{_XLSX_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_XLSX_TYPE}.styles+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_XLSX_RELS}"><Relationship Id="rId1" '
        f'Type="{_XLSX_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_XLSX_MAIN}" xmlns:r="{_XLSX_DOC}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_XLSX_RELS}">'
        f'<Relationship Id="rId1" Type="{_XLSX_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_XLSX_DOC}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
}
_XLSX_STYLES = (
    f'<styleSheet xmlns="{_XLSX_MAIN}"><numFmts count="2">'
    '<numFmt numFmtId="164" formatCode={datetime_format}/>'
    '<numFmt numFmtId="165" formatCode="hh:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
_EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
_DAY = datetime.timedelta(days=1)


def _xlsx_cell(reference, value):
    """One cell of the sheet's XML: text, a number, a boolean, a date (a number of days
    since Excel's epoch, with a date style), or empty for ``None``."""
    if value is None:
        return f'<c r="{reference}"/>'
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{reference}"><v>{value}</v></c>'
    if isinstance(value, datetime.datetime):  # naive (the mixin makes it UTC)
        return f'<c r="{reference}" s="1"><v>{(value - _EXCEL_EPOCH) / _DAY}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{reference}" s="2"><v>{(value - _EXCEL_EPOCH.date()).days}</v></c>'
    if isinstance(value, datetime.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return f'<c r="{reference}" s="3"><v>{seconds / 86400}</v></c>'
    text = escape(XML_ILLEGAL.sub("", str(value)))
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


class _Pieces:
    """What ``zipfile`` writes, kept until it is handed to the response (not seekable, so
    ``zipfile`` writes each entry's sizes after its data)."""

    def __init__(self):
        self.pieces = []

    def write(self, data):
        self.pieces.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data, self.pieces = b"".join(self.pieces), []
        return data


def xlsx_stream(rows, datetime_format="yyyy-mm-dd hh:mm:ss"):
    """The bytes of a one-sheet XLSX workbook of ``rows`` (lists of cell values), yielded
    as they are zipped: a few hundred rows in memory at a time, whatever their number."""
    pieces = _Pieces()
    with zipfile.ZipFile(pieces, "w", compression=zipfile.ZIP_DEFLATED) as workbook:
        for name, xml in _XLSX_PARTS.items():
            workbook.writestr(name, xml)
        workbook.writestr(
            "xl/styles.xml", _XLSX_STYLES.format(datetime_format=quoteattr(datetime_format))
        )
        with workbook.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<worksheet xmlns="{_XLSX_MAIN}"><sheetData>'.encode())
            letters = []
            for number, row in enumerate(rows, start=1):
                row = list(row)
                while len(letters) < len(row):
                    letters.append(get_column_letter(len(letters) + 1))
                cells = "".join(
                    _xlsx_cell(f"{letter}{number}", value)
                    for letter, value in zip(letters, row, strict=False)
                )
                sheet.write(f'<row r="{number}">{cells}</row>'.encode())
                if number % XLSX_ROWS_PER_PIECE == 0:
                    yield pieces.take()
            sheet.write(b"</sheetData></worksheet>")
    yield pieces.take()


class StreamingExportMixin:
    """Mixed into a wagtail-modeladmin ``IndexView`` (before it in the bases): its "Download
    CSV" and "Download XLSX" read and write the list a chunk at a time (module docstring).

    A column that is not a model field (a method of the model or of the ``ModelAdmin``) is
    read as wagtail-modeladmin reads it, and every column of the rows is then read, since the
    method may use any field: override ``get_export_queryset`` to join or prefetch what it
    needs, or each row may cost a query again.
    """

    # Rows read from the database at a time.
    export_chunk_size = 2000

    @cached_property
    def export_model_fields(self):
        """``{column: model field}`` for the ``list_export`` columns that are concrete fields
        of the model (not many-to-many)."""
        fields = {}
        for name in self.list_export:
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.concrete and not field.many_to_many:
                fields[name] = field
        return fields

    @cached_property
    def export_getters(self):
        """One function per ``list_export`` column, reading its value from an object: an
        attribute for a model field, wagtail-modeladmin's ``lookup_field`` otherwise."""
        return {
            name: (
                attrgetter(name)
                if name in self.export_model_fields
                else lambda item, name=name: lookup_field(name, item, self.model_admin)[2]
            )
            for name in self.list_export
        }

    def get_export_queryset(self, queryset):
        """The filtered, searched and ordered list, reading only what the export writes."""
        fields = self.export_model_fields
        relations = [name for name, field in fields.items() if field.is_relation]
        # The list's own joins (for list_display) are dropped: only() must not defer them.
        queryset = queryset.select_related(None).select_related(*relations)
        if len(fields) == len(self.list_export):
            queryset = queryset.only(*fields)
        return queryset

    def export_items(self, queryset):
        """The objects to export, a chunk at a time. The query is tried here first (one
        ``exists()``), inside the view: a filter the database refuses fails before the
        download has started (an error page, ``admin_lists.BadQueryIsA400Mixin``), not in the
        middle of it. The server-side cursor opens only once the body is read, so a response
        nobody reads holds none: left suspended, the garbage collector would close it at any
        later moment, possibly in the middle of another query on the same connection, which
        psycopg cannot interleave (the process would hang)."""
        queryset = self.get_export_queryset(queryset)
        if not queryset.exists():
            return iter(())
        return queryset.iterator(chunk_size=self.export_chunk_size)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # wagtail-modeladmin's writers loop over what they are given and use the queryset
        # for nothing else (the headings come from the model).
        return super().as_spreadsheet(self.export_items(queryset), spreadsheet_format)

    def to_row_dict(self, item):
        return {name: getter(item) for name, getter in self.export_getters.items()}

    def preprocess_field_value(self, field, value, export_format):
        if value in EMPTY_VALUES:
            return None  # an empty cell, in CSV and XLSX
        # wagtail's preprocessing returns text as it is: skip its lookups for most cells.
        if type(value) is not str or field in self.custom_field_preprocess:
            value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def stream_xlsx(self, queryset):
        """The XLSX workbook, a piece at a time: the headings, then a row per object."""
        fields = self.list_export
        headings = [self.get_heading(queryset, field) for field in fields]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_XLSX)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return xlsx_stream(chain([headings], rows), ExcelDateFormatter().get())

    def write_xlsx_response(self, queryset):
        response = StreamingHttpResponse(self.stream_xlsx(queryset), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.xlsx"'
        return response
