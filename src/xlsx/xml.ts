/**
 * Streaming XML over a part's inflated bytes: saxes (the strict, non-validating SAX parser jsdom and ExcelJS use)
 * sees the text chunk by chunk as it is inflated, so no part is ever held whole as a string or a tree. Element
 * names reach the handlers without their prefix (`x:c` → `c`): some writers prefix SpreadsheetML.
 *
 * A document type declaration is refused: OOXML parts never have one, and refusing it rules out entity tricks
 * (saxes expands no entities of a DTD anyway).
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

const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** Feeds bytes into a parser; `end()` finishes and reports the first XML error as damaged (naming `label`). */
export function xmlStream(handlers: XmlHandlers, what: { zh: string; en: string }, sheet?: string): { write(chunk: Uint8Array): void; end(): void } {
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
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > MAX_ATTRIBUTES) throw damaged(`${what.zh}有一个元素的属性超过 ${MAX_ATTRIBUTES} 个`, `${what.en} has an element with more than ${MAX_ATTRIBUTES} attributes`, sheet);
  });
  parser.on("opentag", (tag) => {
    if (++depth > MAX_DEPTH) throw damaged(`${what.zh}的元素嵌套超过 ${MAX_DEPTH} 层`, `${what.en} nests elements more than ${MAX_DEPTH} deep`, sheet);
    if (failure === null) handlers.open(local(tag.name), tag.attributes as Record<string, string>);
  });
  const close = handlers.close;
  parser.on("closetag", (tag) => {
    depth--;
    if (failure === null && close) close(local(tag.name));
  });
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", (t: string) => {
      if (failure === null) text(t);
    });
  }
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
      guard(() => parser.write(decoder.decode(chunk, { stream: true })));
    },
    end() {
      guard(() => {
        const rest = decoder.decode();
        if (rest) parser.write(rest);
        parser.close();
      });
    },
  };
}
