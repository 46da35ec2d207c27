/**
 * A custom sheet property's part (Excel's Worksheet.customProperties: <customPr name r:id> in the sheet, the value
 * in a part of its own, content type …spreadsheetml.customProperty). Excel writes the value as UTF-16LE text
 * without a byte-order mark; a part another writer made with a byte-order mark, an XML declaration naming its
 * encoding, or in UTF-8 is read too.
 */

/** A custom property's value as Excel stores it in its part: UTF-16LE text. */
export function propertyBytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    out[i * 2] = value.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = value.charCodeAt(i) >> 8;
  }
  return out;
}

const decode = (label: string, bytes: Uint8Array, fatal = false) => new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);

/** Text no writer stores as a value: C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- the controls are what is looked for
const implausible = (s: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** The encoding an ASCII-compatible XML declaration at the start names, if any. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 100));
  const m = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m ? m[1] : null;
}

/**
 * A custom property part's text. Which encoding: a byte-order mark says; else an XML declaration (in UTF-16LE when
 * its bytes are "<\0?\0", else the encoding it names); else UTF-16LE, Excel's form, unless the bytes cannot be that
 * (an odd length, or what would decode to controls or broken surrogates) and are UTF-8. A second byte of zero
 * says nothing (Chinese text in UTF-16LE has none), so it is not the test.
 */
export function propertyText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode("utf-16le", bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode("utf-16be", bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode("utf-8", bytes);
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return decode("utf-16le", bytes);
  const named = declaredEncoding(bytes);
  if (named) {
    try {
      return decode(named, bytes);
    } catch {
      // An encoding TextDecoder does not know: read as UTF-8, as XML's default is.
      return decode("utf-8", bytes);
    }
  }
  if (bytes.length % 2 === 0) {
    const utf16 = decode("utf-16le", bytes);
    if (!implausible(utf16)) return utf16;
  }
  return decode("utf-8", bytes);
}
