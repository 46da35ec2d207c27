/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The pane's city round (issue 16): 汇总 reads the chosen county files in the browser with src/xlsx, writes the city's
 * two sheets as NEW sheets of ours (the user's sheets untouched, a name clash gets a new name), scores them; 差距分析
 * shows any county's gap in its own figures.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { App } from "../../src/taskpane/App";
import { selfAssessmentTemplate } from "../../src/core/templates";
import { INDICATORS_2020, countiesOf } from "../../src/core/reference";
import { templateWorkbook } from "../../src/cli/write-xlsx";
import { countyGap } from "../../src/core/gap";

jest.setTimeout(60_000);

beforeAll(() => {
  // Browsers have TextDecoder; jest's jsdom does not expose Node's, which the workbook reader uses.
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= jest.requireActual<typeof import("util")>("util").TextDecoder;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const QUZHOU = countiesOf("衢州市").map((c) => c.name);

/** One county's returned self-assessment (the city's template with only its rows filled), as .xlsx bytes. */
async function countyFile(county: string, i: number, modified = new Date("2020-03-10T08:00:00Z")): Promise<File> {
  const { sheets } = selfAssessmentTemplate({ city: "衢州" });
  const [completion] = sheets;
  for (const row of completion.cells.slice(1)) {
    if (row[1] !== county) continue;
    const j = INDICATORS_2020.findIndex((x) => x.name === row[2]);
    const unit = INDICATORS_2020[j].displayUnit;
    row[4] = `${(j + 1) * 10}${unit}`;
    row[5] = `${(j + 1) * 10 + ((i * 7 + j * 3) % 11) - 4}${unit}`;
  }
  const wb = templateWorkbook(sheets);
  // The workbook's own last-saved time, which decides between two files of one county.
  wb.modified = modified;
  const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  return new File([new Uint8Array(buffer)], `${county}.xlsx`);
}

function userBook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet({ name: "我的表", cells: [["备忘", "=不是公式"], ["A", 1]] });
  // A user's sheet that happens to carry our sheet's name: never touched, another name is picked.
  book.addSheet({ name: "ZG汇总完成情况", cells: [["用户自己的表"]] });
  return book;
}

test("汇总: chosen files are read in the browser, checked, written as new sheets, scored; then 差距分析 of any county", async () => {
  const book = userBook();
  const before = JSON.stringify(book.sheets.map((s) => [s.name, s.cells]));
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  await user.click(screen.getByRole("tab", { name: "汇总与差距" }));
  const files = await Promise.all(QUZHOU.slice(0, 3).map((c, i) => countyFile(c, i)));
  // 柯城区 sends a corrected file, saved two days later: it counts, whatever the order the files are chosen in.
  const twice = await countyFile(QUZHOU[0], 5, new Date("2020-03-12T09:30:00Z"));
  const broken = new File(["not a workbook"], "坏文件.xlsx");
  await user.upload(screen.getByTestId("collect-input"), [...files, new File([twice], "重复.xlsx"), broken]);
  expect(screen.getByText("已选 5 个文件")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "汇总并写入" }));

  const list = await screen.findByTestId("collect-files", {}, { timeout: 20_000 });
  // The files' own items (each file's problems are a list inside its item).
  const items = Array.from(list.querySelectorAll<HTMLElement>(":scope > li"));
  expect(items.map((li) => li.getAttribute("data-status"))).toEqual(["rejected", "ok", "ok", "ok", "rejected"]);
  expect(items[0]).toHaveTextContent("另有文件“重复.xlsx”");
  expect(items[0]).toHaveTextContent("按较晚的一份汇总");
  expect(items[4]).toHaveTextContent("无法读取");
  expect(screen.getByTestId("collect-missing")).toHaveTextContent(QUZHOU.slice(3).join("、"));

  // New sheets of ours; the user's sheets exactly as they were (the clashing name kept, ours renamed).
  await waitFor(() => expect(book.sheets.map((s) => s.name)).toEqual(["我的表", "ZG汇总完成情况", "ZG汇总完成情况 (2)", "ZG汇总县"]));
  expect(JSON.stringify(book.sheets.slice(0, 2).map((s) => [s.name, s.cells]))).toBe(before);
  const written = book.sheets[2];
  expect(written.cells[0].slice(0, 6)).toEqual(["设区市", "县（市、区）", "指标", "单位", "目标", "完成"]);
  expect(written.cells.length).toBe(1 + 3 * 18);
  const infos = await book.listSheets();
  expect(infos.filter((x) => x.ours).map((x) => x.name)).toEqual(["ZG汇总完成情况 (2)", "ZG汇总县"]);
  expect(screen.getByText(/已写入工作表“ZG汇总完成情况 \(2\)、ZG汇总县”/)).toBeTruthy();

  // 差距分析 of a county of the results: in its own figures, as the engine gives it.
  await user.selectOptions(screen.getByTestId("gap-county"), QUZHOU[1]);
  const city = await screen.findByTestId("gap-city");
  expect(city).toHaveTextContent(/设区市推荐环节：总分 \d+\.\d\d，市内第 \d 名/);
  const rows = within(screen.getByTestId("gap-table")).getAllByRole("row");
  expect(rows).toHaveLength(1 + 18);
  const robotsRow = screen.getByTestId("gap-table").querySelector(`[data-indicator="${INDICATORS_2020[5].name}"]`)!;
  expect(robotsRow).toHaveTextContent("台");
  // Scored from the written sheets: the 评分 tab shows the three collected counties.
  await user.click(screen.getByRole("tab", { name: "评分" }));
  expect(await screen.findByTestId("score-summary")).toHaveTextContent("3");
});

test("差距分析 names the figures as the engine gives them, and the province stage for the recommended county", async () => {
  const book = new MemoryWorkbook();
  const rows = [
    ["设区市", "县（市、区）", "指标", "目标", "完成"],
    ["杭州市", "上城区", "传统制造业新增工业机器人", "1000台", "1300台"],
    ["杭州市", "拱墅区", "传统制造业新增工业机器人", "1000台", "1200台"],
    ["杭州市", "西湖区", "传统制造业新增工业机器人", "1000台", "1100台"],
  ];
  book.addSheet({ name: "完成情况", cells: rows });
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  await user.click(screen.getByRole("tab", { name: "评分" }));
  await user.click(await screen.findByRole("button", { name: "评分" }));
  await screen.findByTestId("score-summary");
  await user.click(screen.getByRole("tab", { name: "汇总与差距" }));
  await user.selectOptions(screen.getByTestId("gap-county"), "西湖区");
  const row = screen.getByTestId("gap-table").querySelector("[data-indicator]")!;
  expect(row).toHaveTextContent("1,100台");
  expect(row).toHaveTextContent("第3名");
  // 1200台 draws level with 拱墅区; 1201台 passes it.
  expect(row).toHaveTextContent("1,201台（9.5）");
  expect(row).toHaveTextContent("并列需 1,200台");
  expect(screen.getByTestId("gap-city")).toHaveTextContent("本市推荐 上城区");
  await user.selectOptions(screen.getByTestId("gap-county"), "上城区");
  expect(screen.getByTestId("gap-city")).toHaveTextContent("本县为本市推荐对象");
  expect(screen.getByTestId("gap-province")).toHaveTextContent("拟列入督查激励建议名单（1 名）：是");
  const g = countyGap(
    rows.slice(1).map(([city, county, indicator, target, actual]) => ({ county, city, entries: [{ indicator, target, actual }], policy: {} })),
    "西湖区",
  );
  expect(g.ok && g.gap.indicators[0].nextRankActual).toBe(1201);
});

test("汇总 with the city's decomposition from the open workbook: a changed target is named and left out", async () => {
  const book = new MemoryWorkbook();
  const robots = INDICATORS_2020[5];
  // Both files write 60台 for robots: 柯城区 was allocated 60台, 衢江区 99台.
  book.addSheet({ name: "分解", cells: [["指标", "全市目标", QUZHOU[0], QUZHOU[1]], [robots.name, "280台", "60台", "99台"]] });
  const user = userEvent.setup();
  render(<App ops={book} lang="zh" />);
  await user.click(screen.getByRole("tab", { name: "汇总与差距" }));
  await screen.findByRole("option", { name: "分解" });
  await user.selectOptions(screen.getByTestId("collect-decomposition"), "分解");
  await user.upload(screen.getByTestId("collect-input"), [await countyFile(QUZHOU[0], 0), await countyFile(QUZHOU[1], 1)]);
  await user.click(screen.getByRole("button", { name: "汇总并写入" }));
  const list = await screen.findByTestId("collect-files", {}, { timeout: 20_000 });
  const items = Array.from(list.querySelectorAll<HTMLElement>(":scope > li"));
  expect(items.map((li) => li.getAttribute("data-status"))).toEqual(["ok", "rejected"]);
  expect(items[1]).toHaveTextContent("与设区市分解的 99台");
  expect(items[1]).toHaveTextContent("分解");
});

test("English: the same view in the other language", async () => {
  const book = new MemoryWorkbook();
  const user = userEvent.setup();
  render(<App ops={book} lang="en" />);
  await user.click(screen.getByRole("tab", { name: "City round" }));
  expect(screen.getByText("Collect the counties' self-assessments")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Collect and write" })).toBeDisabled();
});
