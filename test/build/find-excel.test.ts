/** npm start sideloads only where desktop Excel is installed; elsewhere it serves the browser preview. */
import { findExcel } from "../../build/find-excel";

const existsIn = (paths: string[]) => (p: string) => paths.includes(p);

describe("findExcel", () => {
  test("Linux never sideloads, whatever exists", () => {
    expect(findExcel({ platform: "linux", exists: () => true })).toBeNull();
  });

  test("macOS: the application bundle in /Applications or ~/Applications", () => {
    expect(findExcel({ platform: "darwin", exists: existsIn(["/Applications/Microsoft Excel.app"]), env: { HOME: "/Users/li" } })).toBe(
      "/Applications/Microsoft Excel.app",
    );
    expect(
      findExcel({ platform: "darwin", exists: existsIn(["/Users/li/Applications/Microsoft Excel.app"]), env: { HOME: "/Users/li" } }),
    ).toBe("/Users/li/Applications/Microsoft Excel.app");
    expect(findExcel({ platform: "darwin", exists: () => false, env: { HOME: "/Users/li" } })).toBeNull();
  });

  test("Windows: App Paths registry entry first, only if the file is really there", () => {
    const exe = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";
    const regQuery = (key: string) => (key.startsWith("HKLM\\") ? exe : null);
    expect(findExcel({ platform: "win32", regQuery, exists: existsIn([exe]), env: {} })).toBe(exe);
    expect(findExcel({ platform: "win32", regQuery, exists: () => false, env: {} })).toBeNull();
  });

  test("Windows: falls back to the usual Office folders", () => {
    const exe = "C:\\Program Files (x86)\\Microsoft Office\\Office15\\EXCEL.EXE";
    expect(
      findExcel({
        platform: "win32",
        regQuery: () => null,
        exists: existsIn([exe]),
        env: { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)" },
      }),
    ).toBe(exe);
  });
});
