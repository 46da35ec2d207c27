/** @jest-environment jsdom */
/**
 * The pane as officials use it (issue 14): every 评分 reads the workbook afresh, results are marked out of date
 * when an option changes, wrong options are marked in their field and score nothing, the head of a city's
 * list says why it is not recommended, warnings are counted near the top, and a results table is one tab stop.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { resolveOptions } from "../../src/core/score";
import { sampleWorkbook } from "../../src/preview/samples";
import { App } from "../../src/taskpane/App";
import { runSelection } from "../../src/core/select";
import { fmtScore } from "../../src/taskpane/i18n";
import { detectHeader, readCounties } from "../../src/taskpane/scoreInput";
import { optionErrors, type RawOptions } from "../../src/taskpane/score/OptionsForm";

jest.setTimeout(300_000);

beforeAll(() => {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

async function scored(lang: "zh" | "en" = "zh") {
  const book = sampleWorkbook({});
  const user = userEvent.setup();
  render(<App ops={book} lang={lang} />);
  await user.click(screen.getByRole("tab", { name: lang === "zh" ? "评分" : "Score" }));
  await screen.findByText(lang === "zh" ? /完成情况表 · 列对应关系/ : /Completion sheet · Column mapping/);
  await user.click(screen.getByRole("button", { name: lang === "zh" ? "评分" : "Score" }));
  await screen.findByTestId("province-table");
  return { book, user };
}

const cityRow = (county: string) => within(screen.getByTestId("city-table")).getByText(new RegExp(`\\d+\\. ${county}`)).closest("tr")!;
const totalOf = (row: HTMLElement) => within(row).getByRole("button", { name: /总分/ }).textContent;

test("评分 again after an actual changes shows the new total: every run reads the workbook afresh", async () => {
  const { book, user } = await scored();
  const before = totalOf(cityRow("吴兴区"));
  const src = book.sheet("完成情况")!;
  // Raise every actual of 吴兴区 tenfold in the sheet, as a user would type them.
  act(() => {
    src.cells.forEach((row, r) => {
      if (row[1] !== "吴兴区") return;
      const v = row[5];
      const n = typeof v === "number" ? v : typeof v === "string" && v.endsWith("%") ? Number(v.slice(0, -1)) / 100 : null;
      if (n !== null) book.setCell("完成情况", `F${r + 1}`, n * 10);
    });
  });
  // The pane has not re-read yet: the old total stays until 评分.
  expect(totalOf(cityRow("吴兴区"))).toBe(before);
  await user.click(screen.getByRole("button", { name: "评分" }));
  await waitFor(() => expect(totalOf(cityRow("吴兴区"))).not.toBe(before));
  // What the pane shows is what the engine computes from the workbook as it is now.
  const c = await book.readSheet("完成情况");
  const k = await book.readSheet("县");
  const read = readCounties(c, detectHeader(c)!, k, detectHeader(k)!);
  if (!read.ok) throw new Error("sample unreadable");
  const now = runSelection(read.counties, {}).counties.find((x) => x.county === "吴兴区")!;
  expect(totalOf(cityRow("吴兴区"))).toBe(fmtScore(now.total));
  expect(fmtScore(now.total)).not.toBe(before);
  // The re-read button says what it does.
  expect(screen.getByRole("button", { name: "重新读取工作簿并识别列" })).toBeEnabled();
});

test("results are marked out of date after an option changes, and are not written until scored again", async () => {
  const { user } = await scored();
  expect(screen.queryByTestId("score-stale")).toBeNull();
  const write = screen.getByRole("button", { name: "写入评分结果表（实时公式）" });
  expect(write).toBeEnabled();
  // One change event rather than keystrokes: what matters is the value, and jsdom types slowly.
  fireEvent.change(screen.getByRole("textbox", { name: "每名递减" }), { target: { value: "0.4" } });
  expect(await screen.findByTestId("score-stale")).toHaveTextContent("上次评分的结果");
  expect(write).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "评分" }));
  await waitFor(() => expect(screen.queryByTestId("score-stale")).toBeNull());
  expect(write).toBeEnabled();
});

test("top 10, floor 20: the floor field is marked in its own words and nothing is scored or written", async () => {
  const book = sampleWorkbook({});
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  await user.click(screen.getByRole("tab", { name: "评分" }));
  await screen.findByText(/完成情况表 · 列对应关系/);
  const floor = screen.getByRole("textbox", { name: "最低得分" });
  await user.clear(floor);
  await user.type(floor, "20");
  expect(floor).toHaveAttribute("aria-invalid", "true");
  expect(screen.getByText("最低得分须在 0 到第一名得分（10）之间")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "评分" })).toBeDisabled();
  expect(screen.getByRole("button", { name: "写入评分结果表（实时公式）" })).toBeDisabled();
  expect(screen.queryByTestId("province-table")).toBeNull();
  expect(screen.queryByTestId("score-summary")).toBeNull();
  // Raising the top point makes the floor right: the mark goes and scoring is possible.
  const top = screen.getByRole("textbox", { name: "第一名得分" });
  await user.clear(top);
  await user.type(top, "25");
  expect(floor).not.toHaveAttribute("aria-invalid", "true");
  expect(screen.getByRole("button", { name: "评分" })).toBeEnabled();
});

test("in English the field's message is in English", async () => {
  const book = sampleWorkbook({ lang: "en-US" });
  const user = userEvent.setup();
  render(<App ops={book} lang="en" />);
  await user.click(screen.getByRole("tab", { name: "Score" }));
  const slots = await screen.findByRole("textbox", { name: "Suggested places" });
  await user.clear(slots);
  await user.type(slots, "2.5");
  expect(screen.getByText("Suggested places must be a whole number, 1 or more")).toBeInTheDocument();
});

test("the form's checks agree with the engine's (resolveOptions) on any numbers", () => {
  const num = fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double({ min: -5, max: 30, noNaN: true }).map((x) => Math.round(x * 4) / 4));
  fc.assert(
    fc.property(num, num, num, num, num, num, (top, step, floor, slots, minAccelerated, margin) => {
      const raw: RawOptions = { top: String(top), step: String(step), floor: String(floor), slots: String(slots), minAccelerated: String(minAccelerated), margin: String(margin) };
      const formOk = Object.keys(optionErrors(raw)).length === 0;
      expect(formOk).toBe(resolveOptions({ top, step, floor, slots, minAccelerated, margin }).ok);
    }),
    { numRuns: 400 },
  );
  expect(optionErrors({ top: "", step: "0.5", floor: "0", slots: "6", minAccelerated: "1", margin: "0.2" })).toEqual({ top: { key: "optNotNumber" } });
});

test("the head of a city's list says on its row why it is not recommended", async () => {
  await scored();
  const tagged = screen.getByTestId("city-table").querySelectorAll("[data-head-tag]");
  expect(tagged.length).toBeGreaterThan(0);
  for (const tag of Array.from(tagged)) {
    const row = tag.closest("tr")!;
    expect(row).toHaveTextContent(/^1\. /);
    expect(row).not.toHaveTextContent("推荐");
  }
  const previous = screen.getByTestId("city-table").querySelector('[data-head-tag="previous-winner"]');
  expect(previous).toHaveTextContent("上年度已获激励");
});

test("warnings are counted and folded above the tables, with the hint that numbers explain themselves", async () => {
  await scored();
  const summary = screen.getByText(/^提示 \d+ 条/);
  const table = screen.getByTestId("province-table");
  expect(summary.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(summary.closest("details")).not.toHaveAttribute("open");
  expect(screen.getByTestId("click-hint")).toHaveTextContent("计算过程与依据");
});

test("a results table is one tab stop; arrow keys move inside it; buttons are named with their county", async () => {
  const { user } = await scored();
  for (const id of ["province-table", "city-table"]) {
    const table = screen.getByTestId(id);
    const buttons = within(table).getAllByRole("button");
    expect(buttons.length).toBeGreaterThan(40);
    expect(buttons.filter((b) => b.tabIndex >= 0)).toHaveLength(1);
  }
  const province = screen.getByTestId("province-table");
  const first = within(province).getAllByRole("button")[0];
  first.focus();
  await user.keyboard("{ArrowRight}");
  const right = document.activeElement as HTMLElement;
  expect(right).not.toBe(first);
  expect(right.closest("tr")).toBe(first.closest("tr"));
  await user.keyboard("{ArrowDown}");
  const down = document.activeElement as HTMLElement;
  expect(down.closest("tr")).toBe(first.closest("tr")!.nextElementSibling);
  // The focused one is now the table's single stop.
  expect(within(province).getAllByRole("button").filter((b) => b.tabIndex >= 0)).toEqual([down]);
  // The next stop after it in document order is the other table's one.
  const all = Array.from(document.querySelectorAll<HTMLElement>("button, input, select, a[href], summary")).filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled);
  expect(screen.getByTestId("city-table").contains(all[all.indexOf(down) + 1])).toBe(true);
  // Screen readers hear the county with the number.
  const county = province.querySelector("tbody tr")!.getAttribute("data-county")!;
  expect(within(province.querySelector("tbody tr") as HTMLElement).getByRole("button", { name: new RegExp(`^${county} 总分 `) })).toBeTruthy();
  // All tab stops of the pane after scoring (what a browser reaches: not in a hidden tab or a closed <details>):
  // a few dozen controls, not hundreds of numbers.
  const reachable = (e: HTMLElement) => !e.closest("[hidden]") && !(e.tagName !== "SUMMARY" && e.closest("details:not([open])"));
  const stops = Array.from(document.querySelectorAll<HTMLElement>("button, input, select, a[href], summary")).filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && reachable(e));
  expect(stops.length).toBeLessThan(40);
});

test("English uses no full-width colon", async () => {
  await scored("en");
  const text = document.body.textContent ?? "";
  expect(text).not.toMatch(/[A-Za-z]：/);
});

test("the help link opens the guide served with the add-in at the open tab's section, in a new window", async () => {
  const book = sampleWorkbook({});
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  const link = screen.getByTestId("help-link");
  expect(link).toHaveAttribute("href", "help.html#check");
  expect(link).toHaveAttribute("target", "_blank");
  await user.click(screen.getByRole("tab", { name: "模板" }));
  expect(link).toHaveAttribute("href", "help.html#templates");
});

test("a sheet ZG wrote is removed from the pane after a confirmation; the user's sheets are not listed", async () => {
  const book = sampleWorkbook({});
  await book.writeSheet({ name: "ZG校核报告", kind: "report", cells: [["报告"]] });
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  await user.click(screen.getByRole("tab", { name: "模板" }));
  await user.click(screen.getByRole("button", { name: "列出" }));
  const list = await screen.findByTestId("our-sheets");
  expect(within(list).getAllByRole("listitem").map((li) => li.getAttribute("data-sheet"))).toEqual(["ZG校核报告"]);
  await user.click(within(list).getByRole("button", { name: "删除工作表“ZG校核报告”" }));
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("Excel 不能撤销删除工作表");
  expect(book.sheet("ZG校核报告")).toBeDefined();
  // findBy, not getBy: Fluent's modal focus trap (tabster) can mark the surface aria-hidden for a moment while it
  // opens, which a loaded CI machine once caught; the button is asked for until it is reachable.
  await user.click(await within(dialog).findByRole("button", { name: "删除" }, { timeout: 10_000 }));
  await screen.findByText("已删除工作表“ZG校核报告”。");
  expect(book.sheet("ZG校核报告")).toBeUndefined();
  expect(book.sheet("完成情况")).toBeDefined();
});
