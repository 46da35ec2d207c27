/**
 * Which host the pane runs in, decided once at start (index.tsx): inside WPS 表格 the WPS adapter; with Office.js
 * the Office adapter (index.tsx's own path); neither, the browser page, which runs the same pane over a workbook
 * file. WPS is asked first: WPS's pane could also load Office.js, which would then wait for an Office that never comes.
 */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { FUNCTIONS_SINCE, functionsNotice, wpsApplication } from "../wps/host";
import { WpsOps } from "../wps/ops";
import { App, type TabId } from "./App";

const TABS: readonly TabId[] = ["check", "score", "select", "city", "templates"];

/** The tab the ribbon asked for (taskpane.html#tab=score). */
export function tabOf(hash: string): TabId | undefined {
  const m = /(?:^#|&)tab=([a-z]+)/.exec(hash);
  return m && (TABS as readonly string[]).includes(m[1]) ? (m[1] as TabId) : undefined;
}

/** Shown above the pane in a WPS too old for =ZG.… (the pane itself works). */
export function OldWpsNotice({ version }: { version: string | null }) {
  const yours = version ? `（当前 ${version}）` : "";
  const yoursEn = version ? ` (this is ${version})` : "";
  return (
    <MessageBar intent="warning" data-testid="wps-functions-notice">
      <MessageBarBody>
        =ZG.… 自定义函数需要 WPS Office {FUNCTIONS_SINCE} 或更高版本{yours}；任务窗格的校核、评分、模板等功能不受影响。
        <br />
        =ZG.… functions need WPS Office {FUNCTIONS_SINCE} or later{yoursEn}; the pane's checks, scoring and templates work as they are.
      </MessageBarBody>
    </MessageBar>
  );
}

/** Renders the pane over WPS when this page runs inside WPS 表格; false otherwise. */
export function startInWps(container: HTMLElement): boolean {
  const app = wpsApplication();
  if (!app) return false;
  const notice = functionsNotice(app);
  createRoot(container).render(
    <>
      {notice ? (
        <FluentProvider theme={webLightTheme} lang="zh-CN">
          <OldWpsNotice version={notice.version} />
        </FluentProvider>
      ) : null}
      <App ops={new WpsOps(app)} initialTab={tabOf(window.location.hash)} />
    </>,
  );
  return true;
}

/** Neither Office nor WPS: the browser page (the page's data-browser-page, else preview.html beside it). */
export function openBrowserPage(): void {
  window.location.replace(document.documentElement.dataset.browserPage || "preview.html");
}
