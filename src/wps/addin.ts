/**
 * The WPS 加载项's own page (dist/wps/index.html), which WPS loads with the add-in: it registers every =ZG.…
 * function and answers the ribbon (ribbon.xml) — the callbacks are global functions of this page, as in Kingsoft's
 * 表格 template. Each ZG button opens the task pane (taskpane.html, the same pane as in Excel) on its tab.
 */
import { openPane, registerFunctions } from "./host";
import { BUTTON_PAGES } from "./ribbon";

/** The add-in folder's URL (this page's, without the file name), as the template's GetUrlPath. */
function folder(): string {
  const here = decodeURI(document.location.toString()).split("#")[0].split("?")[0];
  return here.substring(0, here.lastIndexOf("/"));
}

interface RibbonControl {
  Id?: string;
}

const callbacks = {
  /** customUI onLoad: called when WPS builds the ribbon. */
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    const page = control?.Id ? BUTTON_PAGES[control.Id] : undefined;
    if (page) openPane(`${folder()}/${page}`);
    return true;
  },
  OnGetEnabled(): boolean {
    return true;
  },
};

Object.assign(window as unknown as Record<string, unknown>, callbacks);
// Registered as the page loads: WPS calls the functions synchronously from then on.
(window as unknown as { ZG_REGISTERED?: string[] }).ZG_REGISTERED = registerFunctions();
