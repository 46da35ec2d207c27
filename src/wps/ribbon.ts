/** What each button of the ZG ribbon tab (build/wps.js writes ribbon.xml) opens: a tab of the pane, or the guide. */
export const BUTTON_PAGES: Readonly<Record<string, string>> = {
  zgCheck: "taskpane.html#tab=check",
  zgScore: "taskpane.html#tab=score",
  zgSelect: "taskpane.html#tab=select",
  zgCity: "taskpane.html#tab=city",
  zgTemplates: "taskpane.html#tab=templates",
  zgHelp: "help.html",
};
