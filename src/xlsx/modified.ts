/**
 * When a workbook says it was last saved: docProps/core.xml's dcterms:modified (ECMA-376 Part 2, Open Packaging
 * Conventions §11, core properties; Excel, WPS and LibreOffice write it on every save). The file system's time is not
 * used: copying, mailing and unzipping an attachment change it. Pure; null whenever the part is absent, too large,
 * damaged or holds no W3CDTF time — never an error, since this only orders resends.
 */
import { readDirectory, inflatePart, type Inflater } from "./zip";

/** A core-properties part is a few hundred bytes; one larger than this is not read. */
const MAX_CORE_BYTES = 64 * 1024;

export function workbookModified(bytes: Uint8Array, inflate: Inflater): string | null {
  try {
    // The directory keys part names lower-cased (part names are case-insensitive).
    const entry = readDirectory(bytes).get("docprops/core.xml");
    if (!entry || entry.size > MAX_CORE_BYTES) return null;
    const chunks: Uint8Array[] = [];
    inflatePart(bytes, entry, inflate, (c) => chunks.push(c.slice()));
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    const text = new TextDecoder("utf-8").decode(all);
    const m = /<dcterms:modified\b[^>]*>\s*([^<\s]+)\s*<\/dcterms:modified>/.exec(text);
    return m && Number.isFinite(Date.parse(m[1])) ? m[1] : null;
  } catch {
    return null;
  }
}
