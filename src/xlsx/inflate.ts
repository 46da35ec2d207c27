/**
 * The portable Inflater: fflate's streaming Inflate, fed 16 KB of packed data at a time, so one step yields at
 * most ~16 MB (deflate's ratio is at most ~1 032) and the output is counted as it comes. The browser page uses
 * it; the command line hands in Node's native zlib instead (src/cli/read-xlsx.ts), which starts faster.
 */
import { Inflate } from "fflate";
import { InflateLimit, type Inflater } from "./zip";

const STEP = 16 * 1024;

export const fflateInflater: Inflater = (packed, limit, onData) => {
  let out = 0;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
    if (out > limit) throw new InflateLimit(limit);
    onData(chunk);
  });
  if (packed.length === 0) inflater.push(packed, true);
  for (let p = 0; p < packed.length; p += STEP) inflater.push(packed.subarray(p, Math.min(packed.length, p + STEP)), p + STEP >= packed.length);
};
