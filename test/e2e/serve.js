/** A static file server for dist/ on a local port: what the e2e tests (and `npm run preview` without certificates) use. */
"use strict";
const http = require("http");
const https = require("https");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port); https when `tls` ({key, cert}) is given.
 * Resolves to { server, url, close() }.
 */
function serve(root, { port = 0, tls = null } = {}) {
  const base = path.resolve(root);
  const handler = (req, res) => {
    // Every request is untrusted: a malformed escape (/%E0%A4%A) is a 400, never an uncaught URIError that ends
    // the server; the decoded path must lie inside the root, checked with a separator, so /..%2fdist-secret/…
    // cannot reach a sibling folder whose name merely starts with the root's.
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request");
      return;
    }
    if (pathname.includes("\0")) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request");
      return;
    }
    let file = path.resolve(base, `.${path.sep}${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("forbidden");
      return;
    }
    // As any web server does: a folder serves its index.html (the page, dist/index.html).
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store" });
      res.end(data);
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const p = server.address().port;
      resolve({ server, url: `${tls ? "https" : "http"}://localhost:${p}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

module.exports = { serve };
