/**
 * A custom sheet property's part (Excel's Worksheet.customProperties: <customPr name r:id> in the sheet, the value
 * in a part of its own, content type …spreadsheetml.customProperty). Excel writes the value as UTF-16LE text; a
 * part another writer made in UTF-8 is read too.
 */
const decoder = new TextDecoder("utf-8");

/** A custom property's value as Excel stores it in its part: UTF-16LE text. */
export function propertyBytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    out[i * 2] = value.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = value.charCodeAt(i) >> 8;
  }
  return out;
}

/** A custom property part's text: UTF-16LE as Excel writes it, or UTF-8 from another writer. */
export function propertyText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes.length % 2 === 0 && bytes[1] === 0) {
    let s = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
    return s;
  }
  return decoder.decode(bytes);
}

