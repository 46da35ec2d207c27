/**
 * dist/help.html, the user guide served with the add-in: the user sections of docs/taskpane.md (up to "预览与测试")
 * as HTML, each tab's section with a fixed anchor the pane links to (help.html#check, #score, #select,
 * #templates). A small converter for the Markdown those sections use (headings, paragraphs, numbered and bulleted
 * lists, bold, inline code, images, links); everything else is escaped text. No script, so the page's CSP is strict.
 */
"use strict";

const ANCHORS = { "1": "check", "2": "score", "3": "select", "4": "templates" };

function escape(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inline(text) {
  // Code first, kept apart so its contents are never read as Markdown.
  const codes = [];
  let s = text.replace(/`([^`]+)`/g, (_, c) => `\u0000${codes.push(c) - 1}\u0000`);
  s = escape(s);
  s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt, src) => `<img src="${src}" alt="${alt}" loading="lazy" />`);
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => `<a href="${/^[a-z]+:/i.test(href) || href.startsWith("#") ? href : href.replace(/\.md(#|$)/, ".html$1")}">${label}</a>`);
  s = s.replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>");
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${escape(codes[Number(i)])}</code>`);
}

/** The user sections of the task pane guide as one HTML page. */
function helpPage(markdown) {
  const end = markdown.search(/^## 预览与测试/m);
  const lines = (end >= 0 ? markdown.slice(0, end) : markdown).split("\n");
  const out = [];
  let para = [];
  let list = null;
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(" "))}</p>`);
    para = [];
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`);
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    let m;
    if ((m = /^(#{1,3}) (.*)$/.exec(line))) {
      flush();
      const level = m[1].length;
      const n = /^(\d)\. /.exec(m[2]);
      const id = level === 2 && n ? ANCHORS[n[1]] : null;
      out.push(`<h${level}${id ? ` id="${id}"` : ""}>${inline(m[2])}</h${level}>`);
    } else if ((m = /^(\d+)\. (.*)$/.exec(line)) || (m = /^[-*] (.*)$/.exec(line))) {
      if (para.length) flush();
      const tag = m.length === 3 ? "ol" : "ul";
      if (!list || list.tag !== tag) {
        flush();
        list = { tag, items: [] };
      }
      list.items.push(m[m.length - 1]);
    } else if (line.trim() === "") flush();
    else if (list && /^\s+/.test(raw)) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'" />
    <title>ZG 使用说明 / ZG guide</title>
    <style>
      body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.65; color: #1b1b1b; }
      img { max-width: 100%; border: 1px solid #ddd; }
      code { background: #f3f3f3; padding: 0 3px; word-break: break-all; }
      h2 { border-top: 1px solid #ddd; padding-top: 0.8em; }
      @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #eee; } code { background: #333; } }
    </style>
  </head>
  <body>
${out.join("\n")}
  </body>
</html>
`;
}

module.exports = { helpPage, ANCHORS };
