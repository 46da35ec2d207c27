/**
 * The hostile-workbook corpus of issue 13, built from the committed samples by editing their XML and zipping it
 * again (nothing binary is committed): every row of the issue's table, and the broken files that already behaved.
 * test/hostile/hostile.test.ts runs each case through `zg` and asserts its exit status, its message and that the
 * input (and any existing --out target) is byte-identical afterwards; `npm run bench` times each case and takes its
 * peak memory (bench/hostile.ts). The test builds the same files as the bench ("full"), except where a smaller
 * file is equivalent ("test": the same cap reached with less work, said per case).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { deflateSync, unzipSync } from "fflate";

/** The repository: the folder above this file that holds package.json (this file also runs compiled, from dist/bench). */
export const ROOT = (() => {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, "package.json")) || !fs.existsSync(path.join(d, "assets", "samples"))) {
    const up = path.dirname(d);
    if (up === d) throw new Error(`no repository above ${__dirname}`);
    d = up;
  }
  return d;
})();
export const SAMPLES = path.join(ROOT, "assets", "samples");

/** One part of a zip to write; `declared` overrides the sizes the directory records (a lying archive). */
export interface Part {
  name: string;
  data: Uint8Array;
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8;
  declared?: number;
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A plain zip (no data descriptors, no zip64): enough for every case, and lets a case lie in its directory. */
export function zip(parts: Part[], level: 1 | 6 = 6): Buffer {
  const chunks: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const method = p.method ?? 8;
    const packed = method === 8 ? deflateSync(p.data, { level }) : p.data;
    const size = p.declared ?? p.data.length;
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(packed));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    dir.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** A zip's parts (our own zips above), to add to. */
function partsOfZip(bytes: Buffer): Part[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/** A sample's parts, to edit. */
export function partsOf(sample: string): Part[] {
  const files = unzipSync(fs.readFileSync(path.join(SAMPLES, sample)));
  return Object.entries(files)
    .filter(([name]) => !name.endsWith("/"))
    .map(([name, data]) => ({ name, data }));
}

const text = (s: string) => Buffer.from(s, "utf8");

/** The sample with one part's XML edited. */
export function edited(sample: string, part: string, edit: (xml: string) => string, level: 1 | 6 = 6): Buffer {
  return zip(
    partsOf(sample).map((p) => (p.name === part ? { ...p, data: text(edit(Buffer.from(p.data).toString("utf8"))) } : p)),
    level,
  );
}

export const COMPLETION = "sample-completion.xlsx";
export const DECOMPOSITION = "2020-decomposition.xlsx";
/** The completion sheet of the 90-county sample (完成情况, A1:G1622). */
export const COMPLETION_SHEET = "xl/worksheets/sheet2.xml";

/** A row with one inline-string cell, appended at the end of the sheet's data. */
const strayCell = (ref: string, row: number) => (xml: string) =>
  xml.replace("</sheetData>", `<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>stray</t></is></c></row></sheetData>`).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${ref}"/>`);

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A workbook of one sheet whose cells are given as XML rows, with or without shared strings. */
export function oneSheet(name: string, sheetData: string, extra = "", level: 1 | 6 = 6, shared?: Part): Buffer {
  const parts: Part[] = [
    { name: "[Content_Types].xml", data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>') },
    { name: "_rels/.rels", data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    {
      name: "xl/workbook.xml",
      data: text(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${shared ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ""}</Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: text(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`) },
  ];
  if (shared) parts.push(shared);
  return zip(parts, level);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook of `count` sheets that all point at ONE sheet part (a few KB however many sheets), named 表1, 表2, …. */
export function sheetsSharing(count: number, worksheet: string): Buffer {
  const sheets = Array.from({ length: count }, (_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>`).join("");
  return zip([
    { name: "_rels/.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: text(`<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>${sheets}</sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: text(worksheet) },
  ]);
}

/** Inline-string or number cells of one row, from column A. */
export function xmlRow(r: number, values: (string | number | null)[]): string {
  const cells = values
    .map((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      if (v === null) return "";
      return typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    })
    .join("");
  return `<row r="${r}">${cells}</row>`;
}

/** Pseudo-random characters (seeded): text that packs like real data, far within the packing-ratio cap. */
export function noise(alphabet: string, n: number, seed = 7): string {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out[i] = alphabet[seed % alphabet.length];
  }
  return out.join("");
}

export interface Expect {
  status: number;
  /** What standard error must say (both languages where a message is expected). */
  stderr?: RegExp[];
  stdout?: RegExp[];
  /** Checks on the parsed --json output. */
  json?: (j: unknown) => void;
}

export interface HostileCase {
  /** Bench line: hostile.<name>.ms / .mb */
  name: string;
  /** The row of issue 13's table (or the broken file) it stands for. */
  what: string;
  /** zg's arguments (paths absolute). */
  args: string[];
  /** Files that must be byte-identical after the run (the input; an existing --out target). */
  unchanged: string[];
  expect: Expect;
  /** Files that must not exist afterwards (an --out that was refused). */
  absent?: string[];
  /** Made just before the run (a FIFO), removed after. */
  setup?: () => void;
}

/**
 * Writes the corpus into `dir` and lists its cases. "test" makes the two cases whose cost is their size smaller
 * but equivalent (the same cap, reached sooner); "full" is what the bench measures.
 */
export function buildCorpus(dir: string, size: "full" | "test" = "full"): HostileCase[] {
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);
  const scoreOk = (extra: RegExp[] = []): Expect => ({
    status: 0,
    json: (j) => {
      const out = j as { counties: unknown[]; province: { county: string; selected: boolean }[] };
      if (out.counties.length !== 90) throw new Error(`expected 90 counties, got ${out.counties.length}`);
      const selected = out.province.filter((p) => p.selected).map((p) => p.county).join("、");
      if (selected !== "路桥区、余杭区、松阳县、余姚市、婺城区、海宁市") throw new Error(`selection changed: ${selected}`);
    },
    stdout: extra,
  });

  // ── issue 13, row 1: a stray cell far away ─────────────────────────────────────────────────────
  const xfd = file("stray-XFD1048576.xlsx", edited(COMPLETION, COMPLETION_SHEET, strayCell("XFD1048576", 1048576)));
  add({ name: "stray-xfd", what: "the 90-county sample plus one stray cell at XFD1048576", args: ["score", xfd, "--json"], unchanged: [xfd], expect: scoreOk([/"code": "far-cells"/, /XFD1048576/]) });
  const az = file("stray-AZ200000.xlsx", edited(COMPLETION, COMPLETION_SHEET, strayCell("AZ200000", 200000)));
  add({ name: "stray-az", what: "the 90-county sample plus one stray cell at AZ200000", args: ["score", az, "--json"], unchanged: [az], expect: scoreOk([/"code": "far-cells"/, /AZ200000/]) });

  // ── row 2: one enormous merge, one enormous validation, a million rows, shared-string bombs ─────────
  const merge = file(
    "merge-T20-XFD1048576.xlsx",
    edited(COMPLETION, COMPLETION_SHEET, (x) => x.replace('<mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>', '<mergeCells count="2"><mergeCell ref="A1:G1"/><mergeCell ref="T20:XFD1048576"/></mergeCells>')),
  );
  add({ name: "merge-huge", what: "one merge T20:XFD1048576", args: ["score", merge, "--json"], unchanged: [merge], expect: scoreOk() });
  const validation = file(
    "validation-T20-XFD1048576.xlsx",
    edited(COMPLETION, COMPLETION_SHEET, (x) =>
      x.replace("</mergeCells>", '</mergeCells><dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="T20:XFD1048576"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations>'),
    ),
  );
  add({ name: "validation-huge", what: "one data validation over T20:XFD1048576", args: ["score", validation, "--json"], unchanged: [validation], expect: scoreOk() });

  // A million rows of values: past the cell cap while the sheet streams in (the test's file is the same: the cap
  // is a count, so the work to reach it is the work).
  const rows: string[] = [];
  for (let r = 1; r <= 1_000_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const million = file("million-rows.xlsx", oneSheet("百万行", rows.join(""), "", 1));
  rows.length = 0;
  add({
    name: "million-rows",
    what: "1,000,000 rows",
    args: ["score", million, "--json"],
    unchanged: [million],
    expect: { status: 2, stderr: [/工作表“百万行”.*超过 1000000 个单元格/, /sheet 百万行 .*more than 1000000 cells/] },
  });

  // Shared strings: a part that unpacks to more than the cap (said by the directory, refused before inflating) …
  const many = size === "full" ? 5_000_000 : 200_000;
  const bomb = file(
    "shared-strings-bomb.xlsx",
    oneSheet("S", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "", 1, { name: "xl/sharedStrings.xml", data: text(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>炸弹</t></si>".repeat(many)}</sst>`), declared: size === "full" ? undefined : 100 * 1024 * 1024 }),
  );
  add({
    name: "sst-bomb",
    what: "a shared-string bomb (a part that unpacks to ~100 MB)",
    args: ["check", bomb],
    unchanged: [bomb],
    expect: { status: 2, stderr: [/部件 xl\/sharedStrings\.xml解压后有 .* MB，超过上限 64 MB/, /unpacks to .* MB, more than the limit of 64 MB/] },
  });
  // … one that packs far more tightly than any spreadsheet (a zip bomb) …
  const ratio = file("shared-strings-ratio.xlsx", oneSheet("S", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "", 6, { name: "xl/sharedStrings.xml", data: text(`<sst><si><t>${" ".repeat(8 * 1024 * 1024)}</t></si></sst>`) }));
  add({ name: "sst-ratio", what: "a shared-string zip bomb (8 MB of one character)", args: ["check", ratio], unchanged: [ratio], expect: { status: 2, stderr: [/压缩比 \d+:1，超过上限 400:1/, /packed \d+:1, more than the limit of 400:1/] } });
  // … and one that lies: its directory says 1 KB, its data inflates to 8 MB (stopped at 1 KB).
  const lying = file("shared-strings-lying.xlsx", oneSheet("S", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "", 6, { name: "xl/sharedStrings.xml", data: text(`<sst><si><t>${"谎".repeat(4 * 1024 * 1024)}</t></si></sst>`), declared: 1024 }));
  add({ name: "sst-lying", what: "a part whose data inflates past the size its directory says", args: ["check", lying], unchanged: [lying], expect: { status: 2, stderr: [/比目录所记的 1024 字节更大/, /larger than the 1024 bytes the directory records/] } });
  // A million distinct shared strings: the count cap, while streaming.
  const strings: string[] = [];
  for (let i = 0; i <= 1_000_000; i++) strings.push(`<si><t>${i}</t></si>`);
  const countBomb = file("shared-strings-count.xlsx", oneSheet("S", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "", 1, { name: "xl/sharedStrings.xml", data: text(`<sst>${strings.join("")}</sst>`) }));
  strings.length = 0;
  add({ name: "sst-count", what: "more than a million shared strings", args: ["check", countBomb], unchanged: [countBomb], expect: { status: 2, stderr: [/共享文本超过 1000000 条/, /more than 1000000 shared strings/] } });

  // ── row 3: a target written 1e200000台 (a child's allocation; and in a label, where it states no target) ─────
  const exponent = file("exponent.xlsx", edited(DECOMPOSITION, "xl/sharedStrings.xml", (x) => x.replace(/<si><t xml:space="preserve">1300\n\n台<\/t><\/si>/, "<si><t>1e200000台</t></si>")));
  add({ name: "exponent", what: "a target written 1e200000台", args: ["check", exponent], unchanged: [exponent], expect: { status: 2, stderr: [/“1e200000台”超出 Excel 能存放的数值范围/, /"1e200000台" is beyond the range of numbers Excel holds/] } });
  const exponentLabel = file("exponent-label.xlsx", edited(DECOMPOSITION, "xl/sharedStrings.xml", (x) => x.replace("传统制造业新增工业机器人10000台", "传统制造业新增工业机器人1e200000台")));
  add({
    name: "exponent-label",
    what: "a label written …1e200000台",
    args: ["check", exponentLabel, "--json"],
    unchanged: [exponentLabel],
    expect: { status: 0, stdout: [/"indicator": "传统制造业新增工业机器人1e200000台",\s+"kind": "total",\s+"unit": "台",\s+"parent": null/] },
  });

  // ── row 4: terminal escapes in a label (ESC ] 0 ; title BEL, clear screen, red), bidi overrides ───────────
  const escapes = file(
    "escapes.xlsx",
    edited(DECOMPOSITION, "xl/sharedStrings.xml", (x) => x.replace("传统制造业新增工业机器人10000台", "_x001B_]0;pwned_x0007__x001B_[2J_x001B_[31m机器人10000台\u202e反向")),
  );
  add({
    name: "escapes",
    what: "an indicator label holding terminal escapes (_x001B_]0;…)",
    args: ["check", escapes],
    unchanged: [escapes],
    expect: { status: 0, stdout: [/\\x1b\]0;pwned\\x07\\x1b\[2J/] },
  });

  // ── row 6: a 200 000-character cell ───────────────────────────────────────────────────────────
  const long = file("long-cell.xlsx", edited(DECOMPOSITION, "xl/sharedStrings.xml", (x) => x.replace("传统制造业新增工业机器人10000台", `传统制造业新增工业机器人10000台${"长".repeat(200_000)}`)));
  add({ name: "long-cell", what: "a 200,000-character cell", args: ["check", long, "--json"], unchanged: [long], expect: { status: 0, stdout: [/"code": "text-cut"/, /32767/] } });
  const longNumber = file("long-number.xlsx", edited(DECOMPOSITION, "xl/sharedStrings.xml", (x) => x.replace(/<si><t xml:space="preserve">1300\n\n台<\/t><\/si>/, `<si><t>${"九".repeat(200_000)}</t></si>`)));
  add({ name: "long-message", what: "a 200,000-character cell that is not a number (the message quotes a short excerpt)", args: ["check", longNumber], unchanged: [longNumber], expect: { status: 2, stderr: [/“九{59}…”用了中文数字/, /"九{59}…" is written in Chinese numerals/] } });

  // ── row 7: /dev/zero, a FIFO, a folder given to --out ─────────────────────────────────────────────
  add({ name: "dev-zero", what: "/dev/zero as the input", args: ["check", "/dev/zero"], unchanged: [], expect: { status: 2, stderr: [/不是普通文件/, /not a regular file/] } });
  const fifo = path.join(dir, "fifo.xlsx");
  add({
    name: "fifo",
    what: "a FIFO as the input",
    args: ["check", fifo],
    unchanged: [],
    setup: () => {
      fs.rmSync(fifo, { force: true });
      execFileSync("mkfifo", [fifo]);
    },
    expect: { status: 2, stderr: [/不是普通文件/, /not a regular file/] },
  });
  const folderOut = path.join(dir, "out-folder.xlsx");
  fs.mkdirSync(folderOut, { recursive: true });
  const sample = path.join(SAMPLES, DECOMPOSITION);
  add({ name: "out-folder", what: "a folder given to --out", args: ["check", sample, "--out", folderOut, "--force"], unchanged: [sample], expect: { status: 2, stderr: [/是一个文件夹/, /is a folder/] } });

  // ── round two: bounded across the whole workbook ─────────────────────────────────────────────────
  // 1,000 sheets sharing one part with cells at A1 and SF1000: each a 500,000-cell grid (60 s and 4 GB before).
  const grid = file("sheets-grid.xlsx", sheetsSharing(1000, `<worksheet xmlns="${MAIN}"><sheetData>${xmlRow(1, ["x"])}<row r="1000"><c r="SF1000"><v>1</v></c></row></sheetData></worksheet>`));
  add({
    name: "sheets-grid",
    what: "1,000 sheets sharing one part, cells at A1 and SF1000",
    args: ["check", grid],
    unchanged: [grid],
    expect: { status: 2, stderr: [/各工作表的表格区域共超过 2000000 个单元格（到工作表“表\d+”的 A1:SF1000 为止）/, /cover more than 2000000 cells together \(up to A1:SF1000 on sheet 表\d+\)/] },
  });
  // 500 sheets of one value and one two-cell merge far from it: the merge no longer stretches the area read.
  const merges = file("sheets-merges.xlsx", sheetsSharing(500, `<worksheet xmlns="${MAIN}"><sheetData>${xmlRow(1, ["x"])}</sheetData><mergeCells count="1"><mergeCell ref="SF998:SG998"/></mergeCells></worksheet>`));
  add({ name: "sheets-merges", what: "500 sheets of one value and a far two-cell merge", args: ["check", merges], unchanged: [merges], expect: { status: 2, stderr: [/在工作表（表1、表2、表3、表4、表5 等 500 个）中没有找到指标分解表/, /no decomposition table found in the sheets \(表1, 表2, 表3, 表4, 表5 … 500 in all\)/] } });
  // One <v> of tens of MB (random digits, so it packs like data): refused as the token grows past 4 M characters.
  const token = file("token.xlsx", oneSheet("长", `<row r="1"><c r="A1"><v>${noise("0123456789", size === "full" ? 60 * 1024 * 1024 : 5 * 1024 * 1024)}</v></c></row>`, "", 1));
  add({ name: "token", what: "one <v> of 60 MB", args: ["check", token], unchanged: [token], expect: { status: 2, stderr: [/工作表“长”的数据有一段文字或名称超过 4 M 个字符/, /holds a single text or name longer than 4 M characters/] } });
  // 5,000 counties with figures and a 县 sheet of 5,000 rows: the rows find their county by an index (9–14 s before).
  const countyCount = size === "full" ? 5000 : 2000;
  const countyNames = Array.from({ length: countyCount }, (_, i) => `测试${i + 1}县`);
  const completion = [xmlRow(1, ["设区市", "县（市、区）", "指标", "目标", "完成"]), ...countyNames.map((n, i) => xmlRow(i + 2, ["杭州市", n, "新增工业机器人", "10台", 12]))].join("");
  const policy = [
    xmlRow(1, ["县（市、区）", "设区市", "实施方案", "年度工作要点", "配套政策", "工作机制", "省级试点", "批示或典型发言", "上年度已获激励"]),
    ...countyNames.map((n, i) => xmlRow(i + 2, [n, "杭州市", "是", "是", "否", "是", "否", 0, "否"])),
  ].join("");
  const countiesFile = file(
    "many-counties.xlsx",
    zip([
      { name: "_rels/.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      { name: "xl/workbook.xml", data: text(`<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="完成情况" sheetId="1" r:id="rId1"/><sheet name="县" sheetId="2" r:id="rId2"/></sheets></workbook>`) },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELS}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
      },
      { name: "xl/worksheets/sheet1.xml", data: text(`<worksheet xmlns="${MAIN}"><sheetData>${completion}</sheetData></worksheet>`) },
      { name: "xl/worksheets/sheet2.xml", data: text(`<worksheet xmlns="${MAIN}"><sheetData>${policy}</sheetData></worksheet>`) },
    ]),
  );
  add({ name: "many-counties", what: "5,000 counties and a 县 sheet of 5,000 rows", args: ["score", countiesFile, "--json"], unchanged: [countiesFile], expect: {
      status: 0,
      // One warning for all the names not on the province's list, not one per county.
      json: (j) => {
        const w = (j as { warnings: { code: string; zh: string }[] }).warnings.filter((x) => x.code === "unknown-county");
        if (w.length !== 1 || !/测试1县、测试2县、测试3县、测试4县、测试5县 等 \d+ 个/.test(w[0].zh)) throw new Error(`unknown-county warnings: ${JSON.stringify(w.slice(0, 3))}`);
      },
    },
  });

  // 99,999 counties, as many as the reader lays out (A1:E100000, its 500,000 cells): past the cap on counties a scoring reads (4–6 s and 845 MB before).
  const hundredK = Array.from({ length: 99_999 }, (_, i) => xmlRow(i + 2, ["杭州市", `测试${i + 1}县`, "新增工业机器人", "10台", 12]));
  const countiesCap = file("counties-100k.xlsx", oneSheet("完成情况", xmlRow(1, ["设区市", "县（市、区）", "指标", "目标", "完成"]) + hundredK.join(""), "", 1));
  hundredK.length = 0;
  for (const command of ["score", "gap"] as const)
    add({
      name: `counties-100k-${command}`,
      what: `100,000 counties (zg ${command})`,
      args: command === "score" ? ["score", countiesCap] : ["gap", countiesCap, "--county", "测试1县"],
      unchanged: [countiesCap],
      expect: { status: 2, stderr: [/工作表“完成情况”B5002 单元格：完成情况表的县（市、区）超过 5000 个/, /完成情况!B5002: the completion sheet has more than 5000 counties/] },
    });

  // --out of a table of 2,000 indicators × 224 children (452,000 cells; 8 s and 800 MB to build before): refused.
  const indicators = size === "full" ? 2000 : 600;
  const letters = (n: number) => {
    let out = "";
    for (n++; n; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    return out;
  };
  const wide = [
    `<row r="1">${["指标", "全市", ...Array.from({ length: 224 }, (_, j) => `单位${j + 1}`)].map((v, j) => `<c r="${letters(j)}1" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`,
    ...Array.from(
      { length: indicators },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>新增工业机器人${i + 1}</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>224台</t></is></c>${Array.from({ length: 224 }, (_, j) => `<c r="${letters(j + 2)}${i + 2}"><v>1</v></c>`).join("")}</row>`,
    ),
  ];
  const wideTable = file("out-budget.xlsx", oneSheet("分解", wide.join(""), "", 1));
  const wideOut = path.join(dir, "out-budget-result.xlsx");
  add({
    name: "out-budget",
    what: "check --out of 2,000 indicators × 224 children",
    args: ["check", wideTable, "--out", wideOut],
    unchanged: [wideTable],
    absent: [wideOut],
    setup: () => fs.rmSync(wideOut, { force: true }),
    expect: { status: 2, stderr: [new RegExp(`--out 要写出约 \\d+ 个单元格（${indicators} 个指标 × 224 个下级地区），超过上限 50000 个，未写出`), /more than the limit of 50000; nothing was written/] },
  });

  // score --out of those 5,000 counties: 3 s and 300 MB to build before; refused, nothing written.
  const countiesOut = path.join(dir, "many-counties-result.xlsx");
  add({
    name: "score-out-budget",
    what: "score --out of 5,000 counties",
    args: ["score", countiesFile, "--out", countiesOut],
    unchanged: [countiesFile],
    absent: [countiesOut],
    setup: () => fs.rmSync(countiesOut, { force: true }),
    expect: { status: 2, stderr: [new RegExp(`--out 要写出约 \\d+ 个单元格（${countyCount} 个县（市、区）、${countyCount} 行指标），超过上限 50000 个，未写出`), /nothing was written/] },
  });

  // ── round two: the same reading as the screen ───────────────────────────────────────────────────────
  // A decomposition whose third child's figure exists only inside extLst, in another namespace: Excel and LibreOffice
  // show it empty, so the children fall 40台 short; read as a cell it would make the table 达标.
  const table = (third: string, extra = "") =>
    `<worksheet xmlns="${MAIN}" xmlns:y="urn:zg-test:hidden"><sheetData>${xmlRow(1, ["指标", "全市", "甲县", "乙县", "丙县"])}${xmlRow(2, ["新增工业机器人", "100台", "30台", "30台", null]).replace("</row>", `${third}</row>`)}</sheetData>${extra}</worksheet>`;
  const book = (ws: string) =>
    zip([
      { name: "_rels/.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      { name: "xl/workbook.xml", data: text(`<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="分解" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: "xl/_rels/workbook.xml.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: "xl/worksheets/sheet1.xml", data: text(ws) },
    ]);
  const hidden = file("extlst-hidden.xlsx", book(table("", '<extLst><ext uri="{00000000-0000-0000-0000-000000000000}"><y:c r="E2" t="inlineStr"><y:is><y:t>40台</y:t></y:is></y:c></ext></extLst>')));
  add({ name: "extlst-hidden", what: "a child's figure only inside extLst, in another namespace", args: ["check", hidden, "--json"], unchanged: [hidden], expect: { status: 0, stdout: [/"status": "short"/] } });
  const foreign = file("foreign-cell.xlsx", book(table('<y:c r="E2" t="inlineStr"><y:is><y:t>40台</y:t></y:is></y:c>')));
  add({ name: "foreign-cell", what: "a child's figure in a foreign namespace inside the row", args: ["check", foreign, "--json"], unchanged: [foreign], expect: { status: 0, stdout: [/"status": "short"/] } });
  const fallback = file(
    "alternate-fallback.xlsx",
    book(table(`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="y"><c r="E2" t="inlineStr"><is><t>40台</t></is></c></mc:Choice><mc:Fallback/></mc:AlternateContent>`)),
  );
  add({ name: "alternate-fallback", what: "a child's figure only in an mc:Choice Excel does not take", args: ["check", fallback, "--json"], unchanged: [fallback], expect: { status: 0, stdout: [/"status": "short"/] } });
  const cdata = file("cdata.xlsx", book(table('<c r="E2" t="inlineStr"><is><t><![CDATA[40台]]></t></is></c>')));
  add({ name: "cdata", what: "a child's figure written as CDATA", args: ["check", cdata, "--json"], unchanged: [cdata], expect: { status: 0, stdout: [/"status": "ok"/, /"childrenTotal": 100/] } });
  const loose = file("loose-number.xlsx", book(table('<c r="E2"><v>4,0</v></c>')));
  add({ name: "loose-number", what: "a numeric cell holding 4,0", args: ["check", loose], unchanged: [loose], expect: { status: 2, stderr: [/工作表“分解”E2 单元格：.*数值单元格的内容“4,0”不是数字/, /分解!E2: .*the numeric cell holds "4,0", which is not a number/] } });
  const lastRow = file("last-row.xlsx", book(table('<c r="E2" t="inlineStr"><is><t>待定</t></is></c>')));
  add({ name: "last-row", what: "待定 in the last child", args: ["check", lastRow], unchanged: [lastRow], expect: { status: 2, stderr: [/工作表“分解”E2 单元格：“待定”不是数值/, /分解!E2: "待定" is not a number/] } });
  const sheetXml = table('<c r="E2" t="inlineStr"><is><t>40台</t></is></c>');
  const collide = file(
    "parts-collide.xlsx",
    zip([
      ...partsOfZip(book(sheetXml)),
      { name: "XL/Worksheets/Sheet1.xml", data: text(table("")) },
    ]),
  );
  add({ name: "parts-collide", what: "two parts whose names differ only in case", args: ["check", collide], unchanged: [collide], expect: { status: 2, stderr: [/两个同名的部件“XL\/Worksheets\/Sheet1\.xml”（不区分大小写）/, /two parts named "XL\/Worksheets\/Sheet1\.xml" \(ignoring case\)/] } });

  // ── round two: the terminal ──────────────────────────────────────────────────────────────────────
  // A sheet name holding a line break and a forged verdict: the message stays two lines, the break escaped.
  const forgedSheet = file(
    "newline-sheet.xlsx",
    zip([
      { name: "_rels/.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      { name: "xl/workbook.xml", data: text(`<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="x&#10;zg error: 共 1 项：达标 1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: "xl/_rels/workbook.xml.rels", data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: "xl/worksheets/sheet1.xml", data: text(`<worksheet xmlns="${MAIN}"><sheetData>${xmlRow(1, ["x"])}</sheetData></worksheet>`) },
    ]),
  );
  const twoLines = [/^zg 错误：[^\n]*\nzg error: [^\n]*\n$/];
  add({ name: "newline-sheet", what: "a sheet name holding a line break and a forged verdict", args: ["check", forgedSheet], unchanged: [forgedSheet], expect: { status: 2, stderr: [...twoLines, /工作表“x\\x0azg error: 共 1 项：达标 1”/, /sheet x\\x0azg error: 共 1 项：达标 1/] } });
  const forgedFile = file("forged\nzg error: 共 1 项：达标 1.xlsx", "not a workbook");
  add({ name: "newline-file", what: "a file name holding a line break and a forged verdict", args: ["check", forgedFile], unchanged: [forgedFile], expect: { status: 2, stderr: [...twoLines, /文件“forged\\x0azg error: 共 1 项：达标 1\.xlsx”/] } });
  // 余杭区 with a zero-width joiner: printed with the joiner shown, and a warning that it only looks like 余杭区.
  const joiner = file("invisible-county.xlsx", edited(COMPLETION, "xl/sharedStrings.xml", (x) => x.replace("<t>余杭区</t>", "<t>余杭\u200d区</t>")));
  add({
    name: "invisible-county",
    what: "余杭区 written with a zero-width joiner",
    args: ["score", joiner],
    unchanged: [joiner],
    expect: { status: 0, stdout: [/余杭\\u200d区/, /“余杭\\u200d区”与浙江省的“余杭区”只差看不见的字符/, /differs from Zhejiang's "余杭区" only by invisible characters/] },
  });

  // ── the broken files that already behaved ──────────────────────────────────────────────────────────
  const notXlsx = { status: 2, stderr: [/不是 \.xlsx 工作簿/, /is not an \.xlsx workbook/] };
  const damagedMsg = { status: 2, stderr: [/工作簿已损坏或无法读取/, /damaged or cannot be read/] };
  const empty = file("empty.xlsx", "");
  add({ name: "empty", what: "an empty file", args: ["check", empty], unchanged: [empty], expect: notXlsx });
  const whole = fs.readFileSync(path.join(SAMPLES, COMPLETION));
  const truncated = file("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
  add({ name: "truncated", what: "a truncated workbook", args: ["score", truncated], unchanged: [truncated], expect: damagedMsg });
  const csv = file("csv.xlsx", "序号,指标,杭州\n1,新增工业机器人100台,60台\n");
  add({ name: "csv", what: "a CSV renamed .xlsx", args: ["check", csv], unchanged: [csv], expect: notXlsx });
  const xls = file("old.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  add({ name: "xls", what: "an old .xls", args: ["check", xls], unchanged: [xls], expect: notXlsx });
  const ods = file(
    "table.ods",
    zip([
      { name: "mimetype", data: text("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
      { name: "content.xml", data: text('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') },
    ]),
  );
  add({ name: "ods", what: "an OpenDocument spreadsheet", args: ["check", ods], unchanged: [ods], expect: notXlsx });
  add({ name: "folder", what: "a folder as the input", args: ["check", dir], unchanged: [], expect: { status: 2, stderr: [/这是一个文件夹/, /is a folder/] } });
  add({ name: "missing", what: "a missing file", args: ["check", path.join(dir, "missing.xlsx")], unchanged: [], expect: { status: 2, stderr: [/找不到该文件/, /no such file/] } });
  // Unreadable: root reads any file whatever its mode, so a path through a file stands in for it there.
  const locked = file("locked.xlsx", whole);
  fs.chmodSync(locked, 0o000);
  const unreadable = process.getuid?.() === 0 ? path.join(locked, "inner.xlsx") : locked;
  add({ name: "unreadable", what: "an unreadable file", args: ["check", unreadable], unchanged: [], expect: { status: 2, stderr: [/无法读取该文件|没有读取该文件的权限/, /cannot read the file|no permission to read the file/] } });
  return cases.map((c) => ({ ...c, expect: { ...c.expect } }));
}
