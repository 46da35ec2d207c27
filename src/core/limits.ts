/**
 * How much of a workbook ZG will read or write at once. Every workbook is untrusted: a stray cell at
 * XFD1048576, thousands of merged cells or a checkerboard of values must give a clear message or a
 * bounded fallback, never a frozen pane. Pure constants, in the engine, so the Excel layer and the command
 * line's hostile-workbook checks share them.
 *
 * Excel's own limits behind them (Microsoft's documentation):
 *  - "A range is limited to 5,000,000 cells for read operations" and "Excel on the web has a payload size
 *    limit for requests and responses of 5MB" (Resource limits and performance optimization for Office
 *    Add-ins, docs/concepts/resource-limits-and-performance-optimization.md);
 *  - Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then
 *    this method will fail to return the result" (Excel API reference, Excel.Range);
 *  - Range.cellCount "will return -1 if the cell count exceeds 2^31-1" (Excel API reference, Excel.Range).
 */
export const LIMITS = {
  /**
   * Cells read per request. A cell's value and number format cost well under 100 bytes in the response,
   * so 40 000 cells stay far below the 5 MB payload limit of Excel on the web.
   */
  cellsPerRequest: 40_000,
  /**
   * Cells one read of a sheet may cover (values and formats, ≤ 13 requests). A province's whole completion
   * table (90 counties × 18 indicators × a dozen columns) is about 20 000 cells; more than this means
   * something far away stretched the used range, and the table is located by its own cells instead.
   */
  maxCellsRead: 500_000,
  /** Excel fails getMergedAreasOrNullObject beyond this many merged areas in the range asked about. */
  mergedAreasPerRequest: 512,
  /** Requests for merged areas in one read (each covers ≤ 512 cells when the first try fails). */
  maxMergeRequests: 1_000,
  /** Rectangles of non-empty cells examined to locate a table inside an enormous used range. */
  maxAreasRead: 20_000,
  /**
   * Blank rows / columns that still join two blocks of cells into one table (a decomposition table may
   * have a blank row or two, a note below it); anything farther apart is a separate block.
   */
  tableGapRows: 20,
  tableGapColumns: 5,
  /** Areas (ranges joined by commas) per conditional format we add, so its address stays short. */
  areasPerMark: 200,
  /**
   * Excel's own limit on a cell's text ("Total number of characters that a cell can contain: 32,767",
   * Excel specifications and limits). Longer text (a file Excel did not write) is cut, with a warning.
   */
  maxCellText: 32_767,
  /** Merged areas one sheet may declare; a real table has a few hundred at most. */
  maxMerges: 10_000,
  /**
   * What one scoring reads (ours, not the documents'): Zhejiang has 90 county-level units and 11 cities, all of
   * China about 2 850 and 333; a table past these is not a province's, and would only make scoring slow and large
   * (5 000 counties score in under 2 s; 100 000 took 4–6 s and 845 MB).
   */
  maxCounties: 5_000,
  maxCities: 400,
  /** Data rows of a completion sheet: 5 000 counties × 18 indicators is 90 000. */
  maxScoreRows: 100_000,
} as const;

/**
 * Caps on a workbook FILE before and while it is unpacked (src/xlsx: the command line, and the browser page that
 * opens a file). Each is far above a province's real workbook (the 90-county sample is 62 KB, its largest part
 * 0.5 MB unpacked, 30 000 cells; 445 counties are about 5 times that) and far below what would stall a 2-core
 * machine: past a cap the reader stops with a message naming the sheet and what is too big, it never tries.
 */
export const FILE_LIMITS = {
  /** The file itself. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Entries listed in the zip's central directory. */
  maxEntries: 10_000,
  /** One unpacked part (a worksheet, the shared strings, the styles). */
  maxEntryBytes: 64 * 1024 * 1024,
  /** All the parts read, unpacked, together. */
  maxUnpackedBytes: 160 * 1024 * 1024,
  /**
   * Unpacked ÷ packed size of a part larger than `ratioFloorBytes`. Spreadsheet XML packs 5–20 times, very
   * repetitive sheets ~100 times; deflate cannot exceed ~1 032, so only a crafted "zip bomb" comes near this.
   */
  maxRatio: 400,
  ratioFloorBytes: 1024 * 1024,
  /** Cells (<c> elements, with or without a value) in all sheets together. */
  maxCells: 1_000_000,
  /**
   * Cells laid out as grids for the engine (each sheet's table area, empty cells included), all sheets together:
   * four sheets at LIMITS.maxCellsRead. Without it a small file of many sheets, each with two far-apart cells,
   * would become thousands of half-million-cell grids.
   */
  maxCellsLaidOut: 2_000_000,
  /** Rows (<row> elements) in all sheets together. */
  maxRows: 1_048_576,
  /** Shared strings; and the characters of all text held (shared strings once, inline strings each), each cut to maxCellText. */
  maxSharedStrings: 1_000_000,
  maxTextChars: 32 * 1024 * 1024,
  /** Data-validation rules of one sheet (they are not read, only counted: a real template has a dozen). */
  maxValidations: 10_000,
  /**
   * Cells one --out workbook may hold (ours): a county-level table of 90 counties × 18 indicators writes about
   * 2 000; ExcelJS builds a workbook in memory, about 2 KB a cell (2 000 indicators × 224 children: 8 s, 800 MB).
   */
  maxCellsWritten: 50_000,
  /** Sheets in a workbook, styles (cell formats) and custom number formats. */
  maxSheets: 1_000,
  maxStyles: 65_000,
} as const;

/** Excel's grid: 1 048 576 rows × 16 384 columns (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
