/*
 * Runs before the task pane's bundle, in whatever webview this Office uses, so it is written in ES5 (a test parses it
 * as ES5). Office 2016 and 2019 perpetual show add-ins in Internet Explorer 11 (Trident) or Microsoft Edge Legacy
 * (EdgeHTML), where React 18 and Fluent UI v9 cannot run: the bundle fails to parse and the pane would stay blank.
 * Instead the user reads, in Chinese and English, what this Excel lacks and what to use. Microsoft's own advice is the
 * same: detect Trident/EdgeHTML by the user agent and fail gracefully ("Support older Microsoft webviews and Office
 * versions"; "Browsers and webview controls used by Office Add-ins").
 */
(function () {
  "use strict";
  var ua = (window.navigator && window.navigator.userAgent) || "";
  // "Edge/" is EdgeHTML; Chromium Edge (WebView2) says "Edg/".
  var legacy = ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1 || /\bEdge\/\d/.test(ua);
  // Any other engine that lacks ES2020's library (Promise.allSettled, globalThis) cannot parse the bundle either.
  var tooOld = typeof Promise === "undefined" || typeof Promise.allSettled !== "function" || typeof globalThis === "undefined";
  var shown = false;

  var TEXT = {
    title: "此 Excel 无法显示 ZG 任务窗格 / This Excel cannot show the ZG task pane",
    zh: [
      "原因：这一版本的 Office 用旧版浏览器内核（Internet Explorer 11 或旧版 Microsoft Edge）显示加载项，ZG 任务窗格无法在其中运行。批量许可的 Office 2016、2019 始终如此；零售版在未安装 WebView2 时也是如此。",
      "可以改用：Microsoft 365 或 Office 2021 及以上版本的 Excel；Excel 网页版（在浏览器中打开工作簿，插入 → 加载项）；或在电脑上用 zg 命令行校核与评分（见 ZG 使用说明）。",
      "=ZG.… 自定义函数：批量许可的永久版 Office（2021 及更早）不支持；零售版 Office 需更新到 2311 版（内部版本 17029.20126）及以上。"
    ],
    en: [
      "Why: this version of Office shows add-ins in an old browser engine (Internet Explorer 11 or Microsoft Edge Legacy), where the ZG task pane cannot run. Volume-licensed Office 2016 and 2019 always do; retail ones do when WebView2 is not installed.",
      "Use instead: Excel in Microsoft 365 or Office 2021 and later; Excel on the web (open the workbook in a browser, Insert > Add-ins); or the zg command line on a computer (see ZG's documentation).",
      "=ZG.… custom functions: not supported by volume-licensed perpetual Office (2021 and earlier); retail perpetual Office needs Version 2311 (Build 17029.20126) or later."
    ]
  };

  function paragraph(text, strong) {
    var p = document.createElement(strong ? "h1" : "p");
    p.style.fontSize = strong ? "16px" : "14px";
    p.style.margin = "0 0 10px 0";
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function show() {
    if (shown) return;
    var root = document.getElementById("root") || document.body;
    if (!root) return;
    shown = true;
    window.ZG_OLD_HOST = true;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "old-host");
    box.style.padding = "12px";
    box.style.fontFamily = "'Microsoft YaHei', 'Segoe UI', sans-serif";
    box.style.lineHeight = "1.5";
    box.appendChild(paragraph(TEXT.title, true));
    var i;
    for (i = 0; i < TEXT.zh.length; i++) box.appendChild(paragraph(TEXT.zh[i], false));
    for (i = 0; i < TEXT.en.length; i++) box.appendChild(paragraph(TEXT.en[i], false));
    root.appendChild(box);
  }

  if (legacy || tooOld) {
    window.ZG_OLD_HOST = true;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
    return;
  }
  // Whatever the engine claims: if the bundle itself cannot be parsed, nothing else would ever render.
  window.addEventListener("error", function (event) {
    var fromBundle = event && typeof event.filename === "string" && /taskpane\.js/.test(event.filename);
    if (fromBundle && event.error && event.error.name === "SyntaxError") show();
  });
})();
