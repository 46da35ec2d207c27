/**
 * Streaming XML over a part's inflated bytes: saxes (the strict, non-validating SAX parser jsdom and ExcelJS use)
 * sees the text chunk by chunk as it is inflated, so no part is ever held whole as a string or a tree. Element
 * names reach the handlers without their prefix (`x:c` → `c`): some writers prefix SpreadsheetML.
 *
 * With `spreadsheetML`, only what Excel reads reaches the handlers: elements of SpreadsheetML's main namespace
 * (transitional or strict; or no namespace at all in a part whose root has none, a file only other writers make),
 * never the content of `extLst` or of an element in another namespace (ECMA-376 Part 1, 18.2.10 and Part 3, 10.2:
 * a consumer ignores what it does not understand), and of each `mc:AlternateContent` only the first `mc:Choice`
 * whose Requires namespaces Excel understands, else the `mc:Fallback` (Part 3, 10.2.1) — so a cell hidden in an
 * extension or an unused branch is never read as one the screen shows.
 *
 * A document type declaration is refused: OOXML parts never have one, and refusing it rules out entity tricks
 * (saxes expands no entities of a DTD anyway). A single token (a text, a name, an attribute value, a CDATA section
 * or comment) longer than MAX_TOKEN characters is refused as it grows, before the parser has buffered more.
 */
import { SaxesParser } from "saxes";
import { damaged } from "./errors";

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const MAX_DEPTH = 256;
/** SpreadsheetML elements have a few attributes (a sheet view about 20). */
const MAX_ATTRIBUTES = 1000;
/**
 * Characters of one token. A cell holds at most 32 767 characters, about 230 000 when every one is written as an
 * _xHHHH_ escape; 4 M is far above any workbook's token and far below the 64 MB a hostile one could make the parser
 * buffer.
 */
export const MAX_TOKEN = 4 * 1024 * 1024;
/** Decoded text handed to the parser at a time, so the token check runs at least this often. */
const PIECE = 64 * 1024;

export const SPREADSHEETML = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];
const MCE = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/**
 * The namespaces an mc:Choice may require for Excel to take it ([MS-XLSX] 2.1, [MS-ODRAWXML]): Excel's own
 * extensions. A Choice requiring anything else is passed over, as Excel passes it over.
 */
const UNDERSTOOD = new Set([
  ...SPREADSHEETML,
  "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main",
  "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac",
  "http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac",
  "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
  "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2",
  "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3",
  "http://schemas.microsoft.com/office/spreadsheetml/2016/revision6",
  "http://schemas.microsoft.com/office/spreadsheetml/2016/revision10",
  "http://schemas.microsoft.com/office/spreadsheetml/2015/02/main",
  "http://schemas.microsoft.com/office/drawing/2010/main",
  "urn:schemas-microsoft-com:vml",
]);

const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};
const prefixOf = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i);
};

/** One open element: the namespaces in scope, and whether its handlers run (read), it is looked through (an mc: wrapper) or skipped with its content. */
interface Frame {
  ns: Map<string, string>;
  mode: "read" | "through" | "skip";
  /** An mc:AlternateContent whose branch has been chosen. */
  chosen?: boolean;
  alternate?: boolean;
  /** A markup-compatibility element: its frame depends on its siblings, so it is never shared. */
  mce?: boolean;
}

export interface XmlOptions {
  /** Read only what Excel reads of a SpreadsheetML part (see above). */
  spreadsheetML?: boolean;
}

/** Feeds bytes into a parser; `end()` finishes and reports the first XML error as damaged (naming `label`). */
export function xmlStream(handlers: XmlHandlers, what: { zh: string; en: string }, sheet?: string, options: XmlOptions = {}): { write(chunk: Uint8Array): void; end(): void } {
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  const decoder = new TextDecoder("utf-8");
  let failure: unknown = null;
  const fail = (e: unknown) => {
    failure ??= e;
  };
  parser.on("error", (e) => fail(damaged(`${what.zh}不是有效的 XML（${e.message}）`, `${what.en} is not valid XML (${e.message})`, sheet)));
  parser.on("doctype", () => fail(damaged(`${what.zh}含有文档类型声明（DOCTYPE），工作簿不会有它`, `${what.en} has a document type declaration, which no workbook has`, sheet)));
  // saxes keeps every open element on a stack: nesting is capped, so a part of a million nested tags cannot make it
  // a million objects deep (SpreadsheetML nests about 6 deep).
  let depth = 0;
  // …and so are a tag's attributes, listed before the tag is handed over: at most MAX_ATTRIBUTES per tag.
  let attributes = 0;
  // Whether the tag being opened declares a namespace (most declare none: their frame is found in a cache).
  // Counted against the tag saxes is building (a new object per tag), not in an "opentagstart" handler: each
  // handler is a property added to the parser, and past seven of them saxes' hot paths run at half speed.
  let declares = false;
  let counting: unknown = null;
  const building = parser as unknown as { tag: unknown };
  parser.on("attribute", (a) => {
    if (building.tag !== counting) {
      counting = building.tag;
      attributes = 0;
      declares = false;
    }
    if (++attributes > MAX_ATTRIBUTES) throw damaged(`${what.zh}有一个元素的属性超过 ${MAX_ATTRIBUTES} 个`, `${what.en} has an element with more than ${MAX_ATTRIBUTES} attributes`, sheet);
    if (a.name.startsWith("xmlns")) declares = true;
  });
  const filter = options.spreadsheetML === true;
  const root: Frame = { ns: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]), mode: "read" };
  const frames: Frame[] = [root];
  /** The namespace the part's root element is in: "" admits elements of no namespace (see above). */
  let rootNs: string | null = null;
  /**
   * The frames of plain elements (no declaration, not mc:), by the namespaces in scope and the tag's name: a sheet's
   * million cells share a handful of frames, rather than each allocating one. Only the frames of mc: elements, which
   * record a choice, are made afresh.
   */
  const plain = new WeakMap<Map<string, string>, Map<string, Frame>>();
  const skipped = new WeakMap<Map<string, string>, Frame>();
  const frameOf = (name: string, attrs: Record<string, string>, parent: Frame): Frame => {
    let ns = parent.ns;
    if (declares) {
      for (const k in attrs) {
        if (k === "xmlns" || k.startsWith("xmlns:")) {
          if (ns === parent.ns) ns = new Map(parent.ns);
          ns.set(k === "xmlns" ? "" : k.slice(6), attrs[k]);
        }
      }
    }
    if (!filter) return parent.mode === "read" && ns === parent.ns ? parent : { ns, mode: "read" };
    if (parent.mode === "skip") {
      let frame = skipped.get(ns);
      if (!frame) skipped.set(ns, (frame = { ns, mode: "skip" }));
      return frame;
    }
    let byName = plain.get(ns);
    if (!byName) plain.set(ns, (byName = new Map()));
    const known = byName.get(name);
    if (known) return known;
    const frame = decide(name, attrs, parent, ns);
    if (!frame.mce) byName.set(name, frame);
    return frame;
  };
  const decide = (name: string, attrs: Record<string, string>, parent: Frame, ns: Map<string, string>): Frame => {
    const uri = ns.get(prefixOf(name)) ?? (prefixOf(name) ? `unbound:${prefixOf(name)}` : "");
    rootNs ??= uri;
    const tag = local(name);
    if (uri === MCE) {
      if (tag === "AlternateContent") return { ns, mode: "through", alternate: true, mce: true };
      if (!parent.alternate || parent.chosen) return { ns, mode: "skip", mce: true };
      const take = tag === "Fallback" || (tag === "Choice" && (attrs.Requires ?? "").split(/\s+/).filter(Boolean).every((p) => UNDERSTOOD.has(ns.get(p) ?? "")));
      if (!take) return { ns, mode: "skip", mce: true };
      parent.chosen = true;
      return { ns, mode: "through", mce: true };
    }
    const admitted = SPREADSHEETML.includes(uri) || (uri === "" && rootNs === "");
    return { ns, mode: admitted && tag !== "extLst" ? "read" : "skip" };
  };
  parser.on("opentag", (tag) => {
    if (++depth > MAX_DEPTH) throw damaged(`${what.zh}的元素嵌套超过 ${MAX_DEPTH} 层`, `${what.en} nests elements more than ${MAX_DEPTH} deep`, sheet);
    const attrs = tag.attributes as Record<string, string>;
    if (counting !== tag) declares = false;
    const frame = frameOf(tag.name, attrs, frames[frames.length - 1]);
    frames.push(frame);
    if (failure === null && frame.mode === "read") handlers.open(local(tag.name), attrs);
    // A self-closing tag gets its closetag event right after, which pops the frame.
  });
  const close = handlers.close;
  parser.on("closetag", (tag) => {
    depth--;
    const frame = frames.pop();
    if (failure === null && close && frame?.mode === "read") close(local(tag.name));
  });
  if (handlers.text) {
    const text = handlers.text;
    const reading = () => frames[frames.length - 1].mode !== "skip";
    parser.on("text", (t: string) => {
      if (failure === null && reading()) text(t);
    });
    // CDATA is text (XML 1.0, 2.7): Excel and LibreOffice read <t><![CDATA[30台]]></t> as 30台.
    parser.on("cdata", (t: string) => {
      if (failure === null && reading()) text(t);
    });
  }
  // saxes accumulates the token being read in these fields (saxes 6: text, CDATA and comments in `text`).
  const pending = parser as unknown as { text?: string; name?: string; piTarget?: string; entity?: string };
  const tokenCheck = () => {
    const longest = Math.max(pending.text?.length ?? 0, pending.name?.length ?? 0, pending.piTarget?.length ?? 0, pending.entity?.length ?? 0);
    if (longest > MAX_TOKEN)
      throw damaged(
        `${what.zh}有一段文字或名称超过 ${MAX_TOKEN / 1024 / 1024} M 个字符，工作簿不会有它`,
        `${what.en} holds a single text or name longer than ${MAX_TOKEN / 1024 / 1024} M characters, which no workbook has`,
        sheet,
      );
  };
  const feed = (s: string) => {
    for (let p = 0; p < s.length; p += PIECE) {
      parser.write(s.length <= PIECE ? s : s.slice(p, p + PIECE));
      if (failure !== null) return;
      tokenCheck();
    }
  };
  const check = () => {
    // Our own errors (XML errors, caps) as they are; anything else is a fault of ours and must show as one.
    if (failure !== null) throw failure;
  };
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      // A handler's own error (a cap) comes through as it is; saxes' errors were reported through on("error").
      fail(e);
    }
    check();
  };
  return {
    write(chunk) {
      guard(() => feed(decoder.decode(chunk, { stream: true })));
    },
    end() {
      guard(() => {
        const rest = decoder.decode();
        if (rest) feed(rest);
        parser.close();
      });
    },
  };
}
