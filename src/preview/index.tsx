/**
 * The browser page: the SAME task pane <App/> beside a grid showing the in-memory workbook it
 * works on — the sample workbooks, or a local .xlsx the user opens (file picker or drag-and-drop) — and 下载工作簿,
 * which saves the workbook with what ZG wrote (src/excel/memory/file.ts). No Office.js, and nothing leaves the
 * computer: the file is read and written in the browser, no request goes beyond this site.
 */
import { useCallback, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/lang";
import { FILE_LIMITS } from "../core/limits";
import { exportWorkbookFile, type FileOrigin, openWorkbookFile } from "../excel/memory/file";
import type { MemoryWorkbook } from "../excel/memory/memory";
import { zgFunctions } from "../excel/memory/zgFunctions";
import { App } from "../taskpane/App";
import { say, tr } from "../taskpane/i18n";
import { fileMessage, XlsxError } from "../xlsx";
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
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 8px; background: #fff; border-bottom: 1px solid #d1d1d1; font-size: 12px; flex: none; }
.toolbar button, .toolbar label.button { font: inherit; font-size: 12px; padding: 4px 10px; border: 1px solid #c8c8c8; border-radius: 3px; background: #fff; cursor: pointer; }
.toolbar button.primary { background: #107c41; border-color: #107c41; color: #fff; }
.toolbar .hint { color: #666; }
.page-status { padding: 4px 8px; font-size: 12px; border-bottom: 1px solid #d1d1d1; flex: none; white-space: pre-wrap; }
.page-status.error { background: #fde7e9; color: #a80000; }
.page-status.ok { background: #dff6dd; color: #0e700e; }
.page-status.warning { background: #fff4ce; color: #7a5a00; }
.dropping { outline: 3px dashed #107c41; outline-offset: -6px; }
`;

interface Status {
  kind: "ok" | "error" | "warning";
  text: string;
}

/** "表.xlsx" → "表-ZG.xlsx": the saved copy never takes the original's name. */
function savedName(file: string): string {
  const base = file.replace(/\.xlsx$/i, "");
  return `${base}-ZG.xlsx`;
}

/** The page: toolbar (open, sample, download), the pane and the grid over the current workbook. */
function Page({ initial, startLang }: { initial: MemoryWorkbook; startLang: Lang }) {
  const [book, setBook] = useState(initial);
  const [origin, setOrigin] = useState<FileOrigin | null>(null);
  const [lang, setLang] = useState<Lang>(startLang);
  const [status, setStatus] = useState<Status[]>([]);
  const [dropping, setDropping] = useState(false);
  // A new workbook remounts the pane, so no state of the previous one is carried over.
  const [generation, setGeneration] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const show = useCallback((b: MemoryWorkbook, o: FileOrigin | null, s: Status[]) => {
    (window as unknown as { zgBook: MemoryWorkbook }).zgBook = b;
    setBook(b);
    setOrigin(o);
    setStatus(s);
    setGeneration((g) => g + 1);
  }, []);

  const open = useCallback(
    async (file: File) => {
      // The size cap is checked before the file is read into memory; the reader checks everything else.
      if (file.size > FILE_LIMITS.maxFileBytes) {
        const mb = Math.round(file.size / 1048576);
        const m = { zh: `文件“${file.name}”：文件有 ${mb} MB，超过上限 ${FILE_LIMITS.maxFileBytes / 1048576} MB，未读取`, en: `${file.name}: the file is ${mb} MB, more than the limit of ${FILE_LIMITS.maxFileBytes / 1048576} MB; not read` };
        setStatus([{ kind: "error", text: say(lang, m) }]);
        return;
      }
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const opened = openWorkbookFile(bytes, file.name, { functions: zgFunctions(), displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
        const notes: Status[] = opened.notices.map((n) => ({ kind: "warning", text: say(lang, n) }));
        show(opened.book, opened.origin, [{ kind: "ok", text: tr(lang, "pageOpened", { file: file.name, n: opened.book.sheets.length }) }, ...notes]);
      } catch (e) {
        setStatus([{ kind: "error", text: e instanceof XlsxError ? say(lang, fileMessage(e, file.name)) : String((e as Error)?.message ?? e) }]);
      }
    },
    [lang, show],
  );

  const download = useCallback(() => {
    try {
      const bytes = exportWorkbookFile(book, origin);
      const name = savedName(origin?.name ?? (lang === "zh" ? "ZG示例.xlsx" : "ZG-sample.xlsx"));
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus([{ kind: "ok", text: tr(lang, "pageSaved", { file: name }) }]);
    } catch (e) {
      const why = e instanceof XlsxError ? say(lang, e.msg) : String((e as Error)?.message ?? e);
      setStatus([{ kind: "error", text: tr(lang, "pageSaveFailed", { why }) }]);
    }
  }, [book, origin, lang]);

  return (
    <div
      className={`preview ${dropping ? "dropping" : ""}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDropping(false);
        const file = e.dataTransfer.files[0];
        if (file) void open(file);
      }}
    >
      <aside className="pane" aria-label="ZG task pane">
        <App
          key={generation}
          ops={book}
          lang={lang}
          themeToggle
          onLangChange={(l) => {
            setLang(l);
            document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
          }}
        />
      </aside>
      <section className="sheet" aria-label="workbook">
        <div className="toolbar" data-testid="page-toolbar">
          <button type="button" className="primary" onClick={() => input.current?.click()}>
            {tr(lang, "pageOpen")}
          </button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="open-file"
            style={{ display: "none" }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void open(file);
            }}
          />
          <button type="button" onClick={() => show(sampleWorkbook({ lang: lang === "zh" ? "zh-CN" : "en-US" }), null, [{ kind: "ok", text: tr(lang, "pageSampleShown") }])}>
            {tr(lang, "pageSample")}
          </button>
          <button type="button" data-testid="download" onClick={download}>
            {tr(lang, "pageDownload")}
          </button>
          <span className="hint">{tr(lang, "pageDrop")}</span>
        </div>
        {status.map((s, i) => (
          <div key={i} className={`page-status ${s.kind}`} data-testid="page-status" role={s.kind === "error" ? "alert" : "status"}>
            {s.text}
          </div>
        ))}
        <Grid key={generation} book={book} />
      </section>
    </div>
  );
}

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
  createRoot(container).render(<Page initial={book} startLang={lang === "en-US" ? "en" : "zh"} />);
}

main();
