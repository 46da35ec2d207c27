/** @jest-environment jsdom */
/**
 * Last year's winners and the 26 加快发展县 ticked in the pane: defaults from the county sheet (else the 2020 list),
 * a tick changes the next run (and marks the shown results out of date), and is written back to the county sheet
 * only when asked — as text, in the right cells, a missing column added after the header. setUserCells in memory
 * and through office.ts on the office-addin-mock fake.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OfficeOps } from "../../src/excel/office";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { sampleWorkbook } from "../../src/preview/samples";
import { App } from "../../src/taskpane/App";
import { defaultFlags, flagWrites } from "../../src/taskpane/score/CountyFlags";
import { detectHeader } from "../../src/taskpane/scoreInput";
import { FakeExcel, installExcelEnums } from "../excel/fakeExcel";

jest.setTimeout(300_000);

beforeAll(() => {
  installExcelEnums();
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const county = (name: string, city: string, extra: object = {}) => ({ county: name, city, entries: [], policy: {}, ...extra });

test("defaults: the sheet's column where it has one, else the 2020 list; nobody a previous winner", () => {
  expect(defaultFlags(county("淳安县", "杭州市"))).toEqual({ accelerated: true, previousWinner: false });
  expect(defaultFlags(county("萧山区", "杭州市"))).toEqual({ accelerated: false, previousWinner: false });
  expect(defaultFlags(county("淳安县", "杭州市", { accelerated: false, previousWinner: true }))).toEqual({ accelerated: false, previousWinner: true });
});

test("write-back cells: each county's own row; missing columns added after the header, with their header", () => {
  const sheet = { name: "县", origin: { row: 1, col: 1 }, cells: [["县（市、区）", "设区市", "实施方案"], ["淳安县", "杭州市", "是"], ["萧山区", "杭州市", "否"]] };
  const m = detectHeader(sheet)!;
  const counties = [county("萧山区", "杭州市"), county("淳安县", "杭州市")];
  const cells = flagWrites(sheet, m, counties, { "杭州市|萧山区": { accelerated: false, previousWinner: true } });
  expect(cells).toEqual([
    { address: "E2", value: "加快发展县" },
    { address: "F2", value: "上年度已获激励" },
    { address: "E3", value: "是" },
    { address: "F3", value: "否" },
    { address: "E4", value: "否" },
    { address: "F4", value: "是" },
  ]);
});

test("setUserCells writes text, in memory and through office.ts", async () => {
  const book = new MemoryWorkbook();
  book.addSheet({ name: "县", cells: [["县（市、区）"], ["淳安县"]] });
  await book.setUserCells("县", [{ address: "B2", value: "是" }]);
  expect(book.value("县", 1, 1)).toBe("是");
  const fake = new FakeExcel();
  fake.addSheet("县", [["县（市、区）"], ["淳安县"]]);
  const ops = new OfficeOps({ run: fake.run, officeContext: { displayLanguage: "zh-CN" } });
  expect(await ops.setUserCells("县", [{ address: "B2", value: "否" }])).toBe(1);
  expect(fake.sheets[0].cells[1][1]).toBe("否");
});

test("unticking 萧山区's previous win makes it 杭州's recommendation on the next run; written back only when asked", async () => {
  const book = sampleWorkbook({});
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  await user.click(screen.getByRole("tab", { name: "评分" }));
  await screen.findByText(/完成情况表 · 列对应关系/);
  await user.click(screen.getByRole("button", { name: "评分" }));
  const city = await screen.findByTestId("city-table");
  const xiaoshan = () => within(screen.getByTestId("city-table")).getByText(/\d+\. 萧山区/).closest("tr")!;
  expect(xiaoshan()).not.toHaveTextContent("推荐");
  expect(city).toBeTruthy();
  const flags = screen.getByTestId("county-flags");
  expect(flags).toHaveTextContent(/加快发展县 26 个、上年度已获激励 1 个/);
  await user.click(within(flags).getByText(/加快发展县 26 个/));
  const before = JSON.stringify(book.sheet("县")!.cells);
  await user.click(await within(flags).findByRole("checkbox", { name: "萧山区 上年度已获激励" }));
  expect(await screen.findByTestId("score-stale")).toBeInTheDocument();
  // Not written: the sheet is as it was.
  expect(JSON.stringify(book.sheet("县")!.cells)).toBe(before);
  await user.click(screen.getByRole("button", { name: "评分" }));
  await waitFor(() => expect(screen.queryByTestId("score-stale")).toBeNull());
  expect(xiaoshan()).toHaveTextContent("推荐");
  // Written back on request, after the confirmation.
  await user.click(within(flags).getByRole("button", { name: "写回县级情况表" }));
  // findBy: the modal's surface can be aria-hidden for a moment while it opens (see pane-use.test.tsx).
  await user.click(await within(await screen.findByRole("dialog")).findByRole("button", { name: "写回" }, { timeout: 10_000 }));
  await screen.findByText(/已写回工作表“县”的 \d+ 个单元格/);
  const k = book.sheet("县")!;
  const row = k.cells.findIndex((r) => r[0] === "萧山区");
  const col = k.cells[0].indexOf("上年度已获激励");
  expect(book.value("县", row, col)).toBe("否");
});
