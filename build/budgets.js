/**
 * Bundle budgets, in bytes after gzip. One module so the webpack check, the tests and the benchmark read the same
 * numbers. `enforce: false` means "report only" (preview.js runs outside Office and its size costs nobody a recalc).
 */
"use strict";

const KB = 1024;

const budgets = Object.freeze({
  // The custom-functions runtime loads this on every workbook open: keep it small so =ZG.* is ready quickly.
  "functions.js": Object.freeze({ maxGzipBytes: 40 * KB, enforce: true }),
  // React + Fluent UI v9 task pane (Office.js is its own file, office-js/ or a CDN, never bundled).
  "taskpane.js": Object.freeze({ maxGzipBytes: 350 * KB, enforce: true }),
  // Browser preview of the task pane: reported, never fails the build.
  "preview.js": Object.freeze({ maxGzipBytes: 350 * KB, enforce: false }),
});

module.exports = { budgets, KB };
