import { REQUIRED_EXCEL_API, supportsTaskPane } from "../../src/excel/office";

describe("the task pane's Excel requirement", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  test("asks Office for ExcelApi 1.13 and follows its answer", () => {
    const asked: string[] = [];
    for (const answer of [true, false]) {
      g.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => (asked.push(`${set} ${v}`), answer) } } };
      expect(supportsTaskPane()).toBe(answer);
    }
    expect(asked).toEqual([`ExcelApi ${REQUIRED_EXCEL_API}`, `ExcelApi ${REQUIRED_EXCEL_API}`]);
  });

  test("outside Office (no requirements API) the pane is not offered", () => {
    g.Office = { context: {} };
    expect(supportsTaskPane()).toBe(false);
  });
});
