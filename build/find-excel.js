/** Finds desktop Excel, so `npm start` sideloads only where it can (Windows/macOS). */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** Where Excel's desktop app is installed, or null. `probe` is injectable so the decision can be tested. */
function findExcel(probe = {}) {
  const platform = probe.platform || process.platform;
  const exists = probe.exists || fs.existsSync;
  const env = probe.env || process.env;
  if (platform === "darwin") {
    const candidates = ["/Applications/Microsoft Excel.app", path.join(env.HOME || os.homedir(), "Applications/Microsoft Excel.app")];
    return candidates.find((p) => exists(p)) || null;
  }
  if (platform === "win32") {
    const regQuery =
      probe.regQuery ||
      ((key) => {
        const r = spawnSync("reg", ["query", key, "/ve"], { encoding: "utf8", windowsHide: true });
        const m = r.status === 0 && /REG_SZ\s+(.+)/.exec(r.stdout || "");
        return m ? m[1].trim().replace(/^"|"$/g, "") : null;
      });
    for (const hive of ["HKLM", "HKCU"]) {
      const found = regQuery(`${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`);
      if (found && exists(found)) return found;
    }
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"]].filter(Boolean);
    for (const root of roots) {
      for (const v of ["root\\Office16", "Office16", "root\\Office15", "Office15"]) {
        const p = path.win32.join(root, "Microsoft Office", v, "EXCEL.EXE");
        if (exists(p)) return p;
      }
    }
    return null;
  }
  return null; // Linux and others: no desktop Excel to sideload into
}

module.exports = { findExcel };
