/** Where `npm start` records the dev server it started, so `npm stop` (another process) can end exactly that one. */
"use strict";
const fs = require("fs");
const path = require("path");

const STATE_DIR = path.join(__dirname, "..", "node_modules", ".cache", "zg-dev");
const STATE_FILE = path.join(STATE_DIR, "state.json");
const LOG_FILE = path.join(STATE_DIR, "dev-server.log");

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}
function writeState(state) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}
function clearState() {
  fs.rmSync(STATE_FILE, { force: true });
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

module.exports = { STATE_DIR, STATE_FILE, LOG_FILE, readState, writeState, clearState, alive };
