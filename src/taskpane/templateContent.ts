/** templates.ts's grids as sheets to write: the same data the CLI writes through ExcelJS. */
import type { TemplateSheet } from "../core/templates";
import { formula, type SheetCell, type SheetContent } from "../excel/ops";

/** Our sheet name for a template sheet: prefixed, so it never collides with the user's own 完成情况 or 县. */
export function templateContent(sheet: TemplateSheet, name = sheet.name): SheetContent {
  return {
    name,
    kind: "template",
    cells: withFormulas(sheet),
    numberFormats: sheet.numberFormats,
    merges: sheet.merges,
    columnWidths: sheet.columnWidths,
    rowHeights: sheet.rowHeights,
    boldRows: sheet.styles?.headerRows ?? [],
    titleRows: sheet.styles?.titleRows ?? [],
    wrapText: sheet.styles?.wrapText ?? false,
    freezeRows: sheet.freeze?.rows,
    validations: sheet.validations,
  };
}

/** The grid with the template's own check formulas put in as formula cells (strings stay text). */
function withFormulas(sheet: TemplateSheet): SheetCell[][] {
  if (!sheet.formulas?.length) return sheet.cells;
  const cells: SheetCell[][] = sheet.cells.map((row) => row.slice());
  for (const f of sheet.formulas) cells[f.row][f.col] = formula(f.formula);
  return cells;
}
