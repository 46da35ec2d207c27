/**
 * The workbook the preview opens with: 9号's 2020 decomposition table and the sample completion and
 * county sheets (assets/samples, as samples.json). `?fixture=short` lowers 杭州's research-spending
 * growth target below the province's 10%, so a check has a shortfall to mark (the e2e tests use it).
 */
import type { SheetData } from "../core/types";
import { MemoryWorkbook } from "../excel/memory/memory";
import { zgFunctions } from "../excel/memory/zgFunctions";
import samples from "./samples.json";

interface Samples {
  decomposition: SheetData[];
  completion: SheetData[];
}

/** The cell lowered by the 'short' fixture: 杭州's target for indicator 1 (研发费用支出增长10%以上). */
export const SHORT_FIXTURE = { sheet: "2020分解方案", cell: "C4", value: "8%" } as const;

export function sampleWorkbook(options: { fixture?: string | null; lang?: string } = {}): MemoryWorkbook {
  const book = new MemoryWorkbook({ functions: zgFunctions(), displayLanguage: options.lang ?? "zh-CN" });
  const data = samples as unknown as Samples;
  for (const s of data.decomposition) book.addSheet(s);
  for (const s of data.completion) if (s.name !== "说明") book.addSheet(s);
  if (options.fixture === "short") book.setCell(SHORT_FIXTURE.sheet, SHORT_FIXTURE.cell, SHORT_FIXTURE.value);
  // Start where an official would: a cell inside the decomposition table.
  book.select("2020分解方案", "B5");
  return book;
}
