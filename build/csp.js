/**
 * The Content-Security-Policy of every page we serve, in one place: the HTML templates put it in a <meta> tag
 * (it travels with the files to any web server) and the dev server also sends it as a header.
 *
 * Scripts: our own files and Office.js from Microsoft's CDN only; no 'unsafe-eval' (so source maps are never
 * eval-based, in development too). Styles: 'unsafe-inline' because Fluent UI's Griffel injects <style> tags.
 * No frame-ancestors: Excel on the web shows the task pane inside its own frame.
 */
"use strict";

const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * @param {{ office?: boolean, devServer?: string }} [opts] office: the page loads Office.js (false for preview.html);
 *   devServer: the dev server's origin, whose live-reload WebSocket must be allowed in development.
 */
function contentSecurityPolicy(opts = {}) {
  const office = opts.office !== false;
  const scripts = ["'self'"].concat(office ? [OFFICE_ORIGIN] : []);
  const connect = ["'self'"].concat(office ? [OFFICE_ORIGIN] : []);
  if (opts.devServer) connect.push(opts.devServer.replace(/^https:/, "wss:"));
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connect.join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

module.exports = { contentSecurityPolicy, OFFICE_ORIGIN };
