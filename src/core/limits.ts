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
} as const;

/** Excel's grid: 1 048 576 rows × 16 384 columns (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
