/** The task pane's entry: wait for Office, then render the App over the Office.js operations. */
import { createRoot } from "react-dom/client";
import { OfficeOps } from "../excel/office";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("root") ?? document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<App ops={new OfficeOps()} />);
});
