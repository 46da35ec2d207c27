#!/usr/bin/env node
/**
 * The https certificate of the local dev server (Office only loads add-ins over https).
 *
 * 1. Reuse ~/.office-addin-dev-certs/localhost.{crt,key} when present and valid for at least another day.
 * 2. Otherwise let office-addin-dev-certs generate them (a local CA + a localhost certificate). Installing the CA
 *    into the system's trust store needs admin rights and is left to the user (`npx office-addin-dev-certs install`);
 *    we only read the files, because getHttpsServerOptions() refuses when the CA is not installed (toolchain.md).
 * 3. If that fails, make (or reuse) a self-signed localhost certificate in .cert/ with Node's crypto alone.
 *
 * `node scripts/certs.js` prints which certificate is used.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const DAY = 24 * 60 * 60 * 1000;
// HOME first: os.homedir() reads the real environment, so a test that points HOME elsewhere would otherwise
// reuse, or create, certificates in the real user's home.
const DEV_CERTS_DIR = path.join(process.env.HOME || os.homedir(), ".office-addin-dev-certs");
const LOCAL_DIR = path.join(__dirname, "..", ".cert");

/** True when the PEM certificate parses, covers localhost and stays valid for at least `margin` ms. */
function usable(certPem, margin = DAY) {
  try {
    const x = new crypto.X509Certificate(certPem);
    const now = Date.now();
    return new Date(x.validFrom).getTime() <= now && new Date(x.validTo).getTime() > now + margin && x.checkHost("localhost") !== undefined;
  } catch {
    return false;
  }
}

function readPair(dir, certName, keyName, caName) {
  const certFile = path.join(dir, certName);
  const keyFile = path.join(dir, keyName);
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return null;
  const cert = fs.readFileSync(certFile, "utf8");
  const key = fs.readFileSync(keyFile, "utf8");
  if (!usable(cert)) return null;
  privateToOwner(keyFile);
  // The private key must belong to the certificate, or TLS fails later with a less helpful message.
  try {
    if (!new crypto.X509Certificate(cert).checkPrivateKey(crypto.createPrivateKey(key))) return null;
  } catch {
    return null;
  }
  const caFile = caName ? path.join(dir, caName) : null;
  const ca = caFile && fs.existsSync(caFile) ? fs.readFileSync(caFile, "utf8") : undefined;
  return { cert, key, ca, certFile, keyFile };
}

/**
 * A private key readable by others lets any local user impersonate https://localhost. office-addin-dev-certs writes
 * its key 0644, so every key we use is narrowed to 0600 (POSIX; Windows keeps the user profile's ACL).
 */
function privateToOwner(keyFile) {
  if (process.platform === "win32") return;
  try {
    if ((fs.statSync(keyFile).mode & 0o077) !== 0) fs.chmodSync(keyFile, 0o600);
  } catch {
    // Not ours to change (another owner): TLS still works; nothing to narrow.
  }
}

// --- A minimal DER encoder, enough for one self-signed X.509 v3 certificate. ---
function der(tag, content) {
  const len = content.length;
  let head;
  if (len < 0x80) head = Buffer.from([tag, len]);
  else {
    const bytes = [];
    for (let n = len; n > 0; n >>= 8) bytes.unshift(n & 0xff);
    head = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([head, content]);
}
const seq = (...parts) => der(0x30, Buffer.concat(parts));
const set = (...parts) => der(0x31, Buffer.concat(parts));
const int = (buf) => der(0x02, buf[0] & 0x80 ? Buffer.concat([Buffer.from([0]), buf]) : buf);
const nul = () => Buffer.from([0x05, 0x00]);
const octets = (buf) => der(0x04, buf);
const bits = (buf) => der(0x03, Buffer.concat([Buffer.from([0]), buf]));
const utf8 = (s) => der(0x0c, Buffer.from(s, "utf8"));
function oid(dotted) {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const out = [a * 40 + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >>> 7; v > 0; v >>>= 7) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}
function time(d) {
  // UTCTime (YYMMDDHHMMSSZ) is required for dates before 2050.
  const p = (n) => String(n).padStart(2, "0");
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return der(0x17, Buffer.from(s, "ascii"));
}

/** A self-signed RSA-2048 / SHA-256 certificate for localhost and 127.0.0.1, valid for `days` days. */
function makeSelfSigned(days = 365) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const sha256WithRSA = seq(oid("1.2.840.113549.1.1.11"), nul());
  const name = seq(set(seq(oid("2.5.4.3"), utf8("localhost"))), set(seq(oid("2.5.4.10"), utf8("ZG dev server"))));
  const notBefore = new Date(Date.now() - DAY);
  const notAfter = new Date(Date.now() + days * DAY);
  const san = seq(der(0x82, Buffer.from("localhost", "ascii")), der(0x87, Buffer.from([127, 0, 0, 1])));
  const extensions = der(
    0xa3,
    seq(
      seq(oid("2.5.29.19"), octets(seq())), // basicConstraints: not a CA
      seq(oid("2.5.29.17"), octets(san)), // subjectAltName: browsers ignore the CN
      seq(oid("2.5.29.37"), octets(seq(oid("1.3.6.1.5.5.7.3.1")))), // extKeyUsage: serverAuth
    ),
  );
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f;
  const tbs = seq(
    der(0xa0, int(Buffer.from([2]))),
    int(serial),
    sha256WithRSA,
    name,
    seq(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    extensions,
  );
  const signature = crypto.sign("sha256", tbs, privateKey);
  const certDer = seq(tbs, sha256WithRSA, bits(signature));
  const b64 = certDer.toString("base64").replace(/(.{64})/g, "$1\n");
  const cert = `-----BEGIN CERTIFICATE-----\n${b64.trim()}\n-----END CERTIFICATE-----\n`;
  const key = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { cert, key };
}

function localSelfSigned() {
  const existing = readPair(LOCAL_DIR, "localhost.crt", "localhost.key");
  if (existing) return { ...existing, source: "self-signed (reused)" };
  const { cert, key } = makeSelfSigned();
  fs.mkdirSync(LOCAL_DIR, { recursive: true });
  const certFile = path.join(LOCAL_DIR, "localhost.crt");
  const keyFile = path.join(LOCAL_DIR, "localhost.key");
  fs.writeFileSync(certFile, cert);
  fs.writeFileSync(keyFile, key, { mode: 0o600 });
  privateToOwner(keyFile); // the mode above applies only when the file is created
  return { cert, key, certFile, keyFile, source: "self-signed (new)" };
}

/**
 * Resolves to { key, cert, ca?, certFile, keyFile, source } for webpack-dev-server's
 * `server: { type: "https", options }`. Set ZG_SELF_SIGNED=1 to skip office-addin-dev-certs.
 */
async function getHttpsOptions() {
  if (process.env.ZG_SELF_SIGNED !== "1") {
    const reused = readPair(DEV_CERTS_DIR, "localhost.crt", "localhost.key", "ca.crt");
    if (reused) return { ...reused, source: "office-addin-dev-certs (reused)" };
    try {
      const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
      await generateCertificates();
      const made = readPair(DEV_CERTS_DIR, "localhost.crt", "localhost.key", "ca.crt");
      if (made) return { ...made, source: "office-addin-dev-certs (new)" };
    } catch {
      // Fall through to the self-signed certificate; the dev server works either way.
    }
  }
  return localSelfSigned();
}

if (require.main === module) {
  getHttpsOptions().then(
    (o) => {
      console.log(`证书 / certificate: ${o.certFile} (${o.source})`);
      console.log(`私钥 / key: ${o.keyFile}`);
      if (o.source.startsWith("office-addin-dev-certs")) {
        console.log("如浏览器或 Excel 不信任该证书，请以管理员身份运行 / If the certificate is not trusted, run as administrator: npx office-addin-dev-certs install");
      } else {
        console.log("自签名证书：浏览器会提示不安全，需手动信任 / self-signed: your browser will warn until you trust it.");
      }
    },
    (e) => {
      console.error(`无法准备 https 证书 / cannot prepare the https certificate: ${e.message}`);
      process.exit(1);
    },
  );
}

module.exports = { getHttpsOptions, makeSelfSigned, usable, privateToOwner };
