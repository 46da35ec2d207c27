// Preloaded into a `zg` child (node -r) by hostile.test.ts: ExcelJS's writeBuffer waits ZG_TEST_WRITE_DELAY_MS
// before it writes, so "while zg writes" is a window of known length rather than a race with a loaded machine.
// Test-only fault injection: nothing in src/ knows about it.
"use strict";
const XLSX = require("exceljs/lib/xlsx/xlsx.js");
const delay = Number(process.env.ZG_TEST_WRITE_DELAY_MS) || 0;
const writeBuffer = XLSX.prototype.writeBuffer;
XLSX.prototype.writeBuffer = function (...args) {
  return new Promise((resolve) => setTimeout(resolve, delay)).then(() => writeBuffer.apply(this, args));
};
