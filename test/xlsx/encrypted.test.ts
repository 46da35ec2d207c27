/**
 * A workbook with a password to open is not a zip but an OLE compound file holding an EncryptedPackage stream
 * ([MS-OFFCRYPTO] 2.3.4.4): it gets its own message (remove the password, or save a copy without it), in the reader
 * and so in zg and the browser page. An old .xls, also a compound file, keeps the "not .xlsx" message.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbook, XlsxError } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { buildCli, tmpDir, zg } from "../cli/helpers";

/** A compound file ([MS-CFB]): header, one directory sector with the given stream names, nothing else needed here. */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const dir = Buffer.alloc(512);
  ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(dir, at);
    dir.writeUInt16LE(utf16.length, at + 64);
    dir[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, dir]);
}

function readError(bytes: Buffer): XlsxError {
  try {
    readWorkbook(bytes, { inflate: fflateInflater });
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error("read without an error");
}

test("a password-protected workbook: its own message, saying to remove the password or save a copy without it", () => {
  const e = readError(compoundFile(["EncryptionInfo", "EncryptedPackage"]));
  expect(e.code).toBe("encrypted");
  expect(e.msg.zh).toMatch(/打开密码/);
  expect(e.msg.en).toMatch(/password to open/);
  expect(e.msg.en).toMatch(/save a copy without it/);
});

test("an old .xls (a compound file without an encrypted package) is still 'not an .xlsx workbook'", () => {
  const e = readError(compoundFile(["Workbook", "\u0005SummaryInformation"]));
  expect(e.code).toBe("not-xlsx");
});

test("zg says so naming the file, with status 2", () => {
  buildCli();
  const dir = tmpDir("zg-encrypted-");
  const file = path.join(dir, "加密.xlsx");
  fs.writeFileSync(file, compoundFile(["EncryptionInfo", "EncryptedPackage"]));
  const r = zg(["check", file]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("加密.xlsx");
  expect(r.stderr).toMatch(/设有打开密码/);
});
