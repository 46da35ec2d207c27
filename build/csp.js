/**
 * The Content-Security-Policy of every page we serve, in one place: the HTML templates put it in a <meta> tag
 * (it travels with the files to any web server) and the dev server also sends it as a header.
 *
 * Scripts: our own files, and Office.js from the origin the build chose (build/office-js.js: our own by default, so
 * nothing else); no 'unsafe-eval' (so source maps are never
 * eval-based, in development too). Styles: 'unsafe-inline' because Fluent UI's Griffel injects <style> tags.
 * No frame-ancestors: Excel on the web shows the task pane inside its own frame.
 */
"use strict";

/**
 * @param {{ officeOrigin?: string|null, devServer?: string }} [opts] officeOrigin: the other origin the page loads
 *   Office.js from (officeJsSource(…).origin; none when it is served from our own origin, or for preview.html);
 *   devServer: the dev server's origin, whose live-reload WebSocket must be allowed in development.
 */
function contentSecurityPolicy(opts = {}) {
  const office = opts.officeOrigin ? [opts.officeOrigin] : [];
  const scripts = ["'self'"].concat(office);
  const connect = ["'self'"].concat(office);
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

module.exports = { contentSecurityPolicy };
