// libxlsxwriter, opened when the first Excel workbook is written (see CLazyLibraries.h).
#include <pthread.h>
#include <xlsxwriter.h>

#include "LazyLibrary.h"

static const char *const soname = "libxlsxwriter.so.4";
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;

static void openXLSXWriter(void) {
  library = strata_open_library(soname, "Excel output (--format xlsx)");
}

static void *xlsx_function(const char *name) {
  pthread_once(&once, openXLSXWriter);
  return strata_library_symbol(library, soname, name);
}

STRATA_VOID_TRAMPOLINE(
    xlsx, format_set_align, (lxw_format * format, uint8_t alignment), (format, alignment))
STRATA_VOID_TRAMPOLINE(xlsx, format_set_bold, (lxw_format * format), (format))
STRATA_VOID_TRAMPOLINE(
    xlsx, format_set_bottom, (lxw_format * format, uint8_t style), (format, style))
STRATA_VOID_TRAMPOLINE(
    xlsx, format_set_font_size, (lxw_format * format, double size), (format, size))
STRATA_VOID_TRAMPOLINE(xlsx, format_set_italic, (lxw_format * format), (format))
STRATA_VOID_TRAMPOLINE(
    xlsx, format_set_num_format, (lxw_format * format, const char *num_format),
    (format, num_format))
STRATA_VOID_TRAMPOLINE(xlsx, format_set_top, (lxw_format * format, uint8_t style), (format, style))
STRATA_TRAMPOLINE(xlsx, char *, lxw_strerror, (lxw_error error_num), (error_num))
STRATA_VOID_TRAMPOLINE(xlsx, lxw_workbook_free, (lxw_workbook * workbook), (workbook))
STRATA_TRAMPOLINE(xlsx, lxw_format *, workbook_add_format, (lxw_workbook * workbook), (workbook))
STRATA_TRAMPOLINE(
    xlsx, lxw_worksheet *, workbook_add_worksheet, (lxw_workbook * workbook, const char *sheetname),
    (workbook, sheetname))
STRATA_TRAMPOLINE(xlsx, lxw_error, workbook_close, (lxw_workbook * workbook), (workbook))
STRATA_TRAMPOLINE(xlsx, lxw_workbook *, workbook_new, (const char *filename), (filename))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, workbook_set_properties,
    (lxw_workbook * workbook, lxw_doc_properties *properties), (workbook, properties))
STRATA_VOID_TRAMPOLINE(
    xlsx, worksheet_freeze_panes, (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col),
    (worksheet, row, col))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, worksheet_merge_range,
    (lxw_worksheet * worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
     lxw_col_t last_col, const char *string, lxw_format *format),
    (worksheet, first_row, first_col, last_row, last_col, string, format))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, worksheet_set_column,
    (lxw_worksheet * worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
     lxw_format *format),
    (worksheet, first_col, last_col, width, format))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, worksheet_write_blank,
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_format *format),
    (worksheet, row, col, format))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, worksheet_write_number,
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format),
    (worksheet, row, col, number, format))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, worksheet_write_string,
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char *string,
     lxw_format *format),
    (worksheet, row, col, string, format))
STRATA_TRAMPOLINE(
    xlsx, lxw_error, worksheet_write_url_opt,
    (lxw_worksheet * worksheet, lxw_row_t row_num, lxw_col_t col_num, const char *url,
     lxw_format *format, const char *string, const char *tooltip),
    (worksheet, row_num, col_num, url, format, string, tooltip))
