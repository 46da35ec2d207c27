/** The task pane's entry: wait for Office, then render the App over the Office.js operations. */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { OfficeOps, REQUIRED_EXCEL_API, supportsTaskPane } from "../excel/office";
import { App } from "./App";

/** Shown instead of the pane on an Excel too old for it; the ZG functions still work there. */
function TooOld() {
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <MessageBar intent="warning">
        <MessageBarBody>
          此版本的 Excel 不支持 ZG 任务窗格（需要 ExcelApi {REQUIRED_EXCEL_API}，即 Microsoft 365 或 Excel 2021 及以上）；=ZG.… 自定义函数仍可使用。
          <br />
          This Excel is too old for the ZG task pane (it needs ExcelApi {REQUIRED_EXCEL_API}: Microsoft 365 or Excel 2021 and later); the =ZG.… functions still work.
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

Office.onReady(() => {
  const container = document.getElementById("root") ?? document.getElementById("container");
  if (!container) return;
  createRoot(container).render(supportsTaskPane() ? <App ops={new OfficeOps()} /> : <TooOld />);
});
