/**
 * The browser preview (issue 6): the SAME task pane <App/> beside a grid showing the in-memory workbook it
 * works on, opened with the sample workbooks. No Office.js, no network beyond this site.
 */
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { Grid } from "./Grid";
import { sampleWorkbook } from "./samples";

const CSS = `
html, body { margin: 0; height: 100%; font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }
#root { height: 100%; }
.preview { display: flex; height: 100vh; overflow: hidden; background: #f3f2f1; }
.pane { width: 350px; flex: none; overflow-y: auto; border-right: 1px solid #d1d1d1; background: #fff; }
.sheet { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.grid-wrap { display: flex; flex-direction: column; height: 100%; }
.formula-bar { display: flex; align-items: center; gap: 8px; padding: 4px 8px; background: #fff; border-bottom: 1px solid #d1d1d1; font-size: 12px; }
.name-box { width: 64px; border: 1px solid #c8c8c8; padding: 2px 4px; }
.fx { color: #888; font-style: italic; }
.formula { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-family: Consolas, "Noto Sans Mono", monospace; }
.grid-scroll { flex: 1; overflow: auto; background: #fff; }
table.grid { border-collapse: collapse; font-size: 12px; table-layout: auto; }
table.grid th { background: #f3f2f1; color: #444; font-weight: normal; border: 1px solid #d8d8d8; padding: 1px 4px; position: sticky; top: 0; z-index: 1; }
table.grid th.rownum { position: sticky; left: 0; z-index: 1; text-align: right; min-width: 28px; }
table.grid th.corner { position: sticky; left: 0; z-index: 2; }
table.grid td { border: 1px solid #e1e1e1; padding: 1px 4px; max-width: 260px; white-space: pre-wrap; vertical-align: top; cursor: cell; line-height: 1.35; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.grid td.err { color: #a4262c; }
table.grid td.sel { outline: 2px solid #107c41; outline-offset: -2px; }
table.grid tr.bold td { font-weight: 600; background: #ddebf7; }
.more { padding: 6px 8px; color: #666; font-size: 12px; }
.tabs { display: flex; gap: 2px; padding: 0 8px; background: #f3f2f1; border-top: 1px solid #d1d1d1; overflow-x: auto; flex: none; }
.tabs button { border: none; background: transparent; padding: 6px 12px; font: inherit; font-size: 12px; cursor: pointer; color: #333; white-space: nowrap; }
.tabs button.active { background: #fff; color: #107c41; font-weight: 600; border-bottom: 2px solid #107c41; }
.tabs button.ours::before { content: "◆ "; color: #0f6cbd; }
`;

function main() {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang") === "en" ? "en-US" : "zh-CN";
  const book = sampleWorkbook({ fixture: params.get("fixture"), lang });
  // The preview's own workbook, reachable from the browser console and the e2e tests.
  (window as unknown as { zgBook: typeof book }).zgBook = book;
  const style = document.createElement("style");
  style.textContent = CSS;
  document.head.appendChild(style);
  const container = document.getElementById("root") ?? document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <div className="preview">
      <aside className="pane" aria-label="ZG task pane">
        <App ops={book} themeToggle onLangChange={(l) => (document.documentElement.lang = l === "zh" ? "zh-CN" : "en")} />
      </aside>
      <section className="sheet" aria-label="workbook">
        <Grid book={book} />
      </section>
    </div>,
  );
}

main();
