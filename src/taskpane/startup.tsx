/**
 * The pane's start in Office: it never stays blank. Office.js missing (its server unreachable, the CSP refusing it),
 * the page opened in a plain browser, or Office.js that has not answered after a while each get a notice in Chinese
 * and English saying what to do; the App replaces the last one as soon as Office is ready.
 */
import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";

/** How long Office.js may take to say it is ready before the pane says it is still waiting. */
export const OFFICE_SLOW_MS = 15_000;

export type StartProblem = "starting" | "no-office-js" | "outside-office" | "office-slow";

/** Where the page loaded Office.js from, for the notice (the build chose it: our own server or a CDN). */
function officeJsUrl(): string {
  const script = Array.from(document.getElementsByTagName("script")).find((s) => /\/office\.js(\?|$)/.test(s.src));
  return script ? script.src : "office.js";
}

export function StartNotice({ problem }: { problem: StartProblem }) {
  if (problem === "starting") {
    return (
      <FluentProvider theme={webLightTheme} lang="zh-CN">
        <Spinner size="small" label="正在启动 ZG… / Starting ZG…" data-testid="start-starting" style={{ padding: 16 }} />
      </FluentProvider>
    );
  }
  const browserPage = (
    <Link href="index.html" target="_blank" rel="noopener">
      index.html
    </Link>
  );
  let body: ReactElement;
  if (problem === "no-office-js") {
    const url = officeJsUrl();
    body = (
      <>
        <MessageBarTitle>Office.js 未能加载 / Office.js did not load</MessageBarTitle>
        <p>
          任务窗格需要 Office.js（{url}），但它没有加载。请联系信息技术管理员：部署 ZG 的服务器需同时提供这一文件（ZG 的部署包已含 office-js 文件夹），且网络允许访问。在此之前，可在浏览器中打开
          ZG 网页版 {browserPage}，或使用 zg 命令行。
        </p>
        <p>
          The task pane needs Office.js ({url}), which did not load. Ask your IT administrator: the server ZG is deployed on must serve that file too (ZG&apos;s deployment
          package includes the office-js folder), and the network must allow it. Meanwhile, open ZG&apos;s browser page {browserPage}, or use the zg command line.
        </p>
      </>
    );
  } else if (problem === "outside-office") {
    body = (
      <>
        <MessageBarTitle>此页面在 Excel 中运行 / This page runs inside Excel</MessageBarTitle>
        <p>
          这是 ZG 在 Excel 中的任务窗格（开始 → 加载项 → ZG），不能直接在浏览器中使用。在浏览器中请打开 ZG 网页版 {browserPage}：同样的校核与评分，无需 Excel。
        </p>
        <p>
          This is ZG&apos;s task pane for Excel (Home → Add-ins → ZG); it does not work on its own in a browser. In a browser, open ZG&apos;s browser page {browserPage}: the
          same checks and scoring, without Excel.
        </p>
      </>
    );
  } else {
    body = (
      <>
        <MessageBarTitle>正在等待 Office / Waiting for Office</MessageBarTitle>
        <p>
          Office.js 已加载，但 Excel 尚未就绪。请稍候；若一直如此，请关闭任务窗格后重新打开，或重启 Excel。若 Excel 提示加载项错误，请联系信息技术管理员。
        </p>
        <p>
          Office.js has loaded but Excel is not ready yet. Please wait; if this stays, close and reopen the task pane, or restart Excel. If Excel reports an add-in
          error, ask your IT administrator.
        </p>
      </>
    );
  }
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <MessageBar intent={problem === "office-slow" ? "info" : "warning"} layout="multiline" data-testid={`start-${problem}`}>
        <MessageBarBody>{body}</MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

/** What startInOffice needs of Office.js (its onReady), so a test can give it a stand-in. */
export interface OfficeReady {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
}

/**
 * Waits for Office and calls `ready` in it, or `show`s what went wrong. `office` is the global Office, undefined when
 * office.js did not load. Office.onReady resolves with host null outside an Office application (Microsoft's
 * "Initialize your Office Add-in"); it may also never resolve, hence the timer.
 */
export function startInOffice(office: OfficeReady | undefined, show: (problem: StartProblem) => void, ready: () => void, slowMs = OFFICE_SLOW_MS): void {
  if (!office || typeof office.onReady !== "function") {
    show("no-office-js");
    return;
  }
  show("starting");
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) show("office-slow");
  }, slowMs);
  office.onReady().then(
    (info) => {
      settled = true;
      clearTimeout(timer);
      if (info && info.host) ready();
      else show("outside-office");
    },
    () => {
      settled = true;
      clearTimeout(timer);
      show("no-office-js");
    },
  );
}
