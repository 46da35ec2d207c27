/** The task pane's entry: the host is chosen at start (hostChoice.tsx); in Excel, wait for Office and render the App over Office.js. */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeOps, REQUIRED_EXCEL_API, supportsTaskPane } from "../excel/office";
import { App } from "./App";
import { openBrowserPage, startInWps } from "./hostChoice";
import { StartNotice, startInOffice } from "./startup";

/**
 * Shown instead of the pane on an Excel without ExcelApi 1.13 (Microsoft's requirement-set table: Microsoft 365 and
 * retail perpetual from Version 2102, volume-licensed Office 2021, Mac 16.50, the web). Whether =ZG.… works there
 * depends on the edition (CustomFunctionsRuntime 1.3, which the manifest declares for the functions), so the notice says
 * which, rather than promising it.
 */
function TooOld() {
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <MessageBar intent="warning">
        <MessageBarBody>
          此版本的 Excel 缺少 ZG 任务窗格所需的 ExcelApi {REQUIRED_EXCEL_API}（Microsoft 365 或零售版 2102 版及以上、Office 2021 及以上、Mac 版 16.50 及以上、Excel
          网页版均具备）。=ZG.… 自定义函数需要 CustomFunctionsRuntime 1.3：Microsoft 365 自 2008 版起、零售版永久 Office 自 2311 版起、Mac 版自 16.40 起可用，批量许可的永久版 Office（2021 及更早）不支持。可改用 Excel 网页版，或用 zg 命令行处理工作簿。
          <br />
          This Excel lacks ExcelApi {REQUIRED_EXCEL_API}, which the ZG task pane needs (Microsoft 365 and retail from Version 2102, Office 2021 and later, Mac 16.50 and
          later, and Excel on the web have it). =ZG.… custom functions need CustomFunctionsRuntime 1.3: Microsoft 365 from Version 2008, retail perpetual Office from Version 2311, Mac from
          16.40; not supported by volume-licensed perpetual Office (2021 and earlier). Use Excel on the web instead, or the zg command line.
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

// old-host.js has already explained why this webview cannot run the pane.
const container = (window as { ZG_OLD_HOST?: boolean }).ZG_OLD_HOST ? null : (document.getElementById("root") ?? document.getElementById("container"));
if (container && !startInWps(container)) {
  // WPS's own pane page (dist/wps/) loads no Office.js: outside WPS it sends the user to the browser page.
  if (document.documentElement.dataset.browserPage) openBrowserPage();
  else {
    const root = createRoot(container);
    // Office is undefined when office.js did not load: startInOffice says so rather than leave the pane blank.
    startInOffice(
      typeof Office === "undefined" ? undefined : Office,
      (problem) => root.render(<StartNotice problem={problem} />),
      () => root.render(supportsTaskPane() ? <App ops={new OfficeOps()} /> : <TooOld />),
    );
  }
}
