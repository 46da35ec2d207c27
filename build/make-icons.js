#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png) with no dependency but Node's zlib:
 * a Zhejiang-blue rounded square with three rising white bars and a gold upward trend line —
 * "targets decomposed, progress scored". Run `node build/make-icons.js` after changing the design;
 * the PNGs are committed so the build never needs to draw them.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0b, 0x5c, 0xad]; // "浙江蓝", the provincial government's web-site blue
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf5, 0xb8, 0x20];

/** CRC-32 of a buffer (PNG chunk checksum); written out because zlib.crc32 is missing on older Node 20. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1, y down). Each returns true when the point is inside.
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (p, q, r) => (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1]);
  const d1 = s([x, y], [ax, ay], [bx, by]);
  const d2 = s([x, y], [bx, by], [cx, cy]);
  const d3 = s([x, y], [cx, cy], [ax, ay]);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

/** The colour (or null for transparent) of one point of the design; small sizes drop the trend line. */
function colourAt(x, y, size) {
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  const small = size < 32;
  // The trend line and its arrowhead, drawn over the bars.
  if (!small) {
    const w = 0.055;
    const pts = [
      [0.16, 0.6],
      [0.42, 0.42],
      [0.58, 0.5],
      [0.8, 0.24],
    ];
    for (let i = 0; i + 1 < pts.length; i++) {
      if (distToSegment(x, y, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]) <= w / 2) return GOLD;
    }
    if (inTriangle(x, y, [0.88, 0.14], [0.7, 0.2], [0.84, 0.33])) return GOLD;
  }
  // Three rising bars standing on a common base line.
  const base = 0.84;
  const bars = small
    ? [
        [0.16, 0.36, 0.6],
        [0.42, 0.58, 0.4],
        [0.66, 0.84, 0.18],
      ]
    : [
        [0.2, 0.34, 0.66],
        [0.43, 0.57, 0.52],
        [0.66, 0.8, 0.38],
      ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x <= x1 && y >= top && y <= base) return WHITE;
  return BLUE;
}

/** Renders one size with 4×4 supersampling so edges stay smooth at 16 px. */
function render(size) {
  const px = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((pxi + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + pxi) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return encodePng(size, size, px);
}

function main() {
  const out = path.join(__dirname, "..", "assets");
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();
module.exports = { SIZES, encodePng, render };
