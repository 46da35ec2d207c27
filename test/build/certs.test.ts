/** The local https certificate: whatever made the key, it ends up readable by its owner only. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

jest.setTimeout(60_000);

const posix = process.platform !== "win32";
(posix ? test : test.skip)("a reused office-addin-dev-certs key written 0644 is narrowed to 0600", async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zg-certs-home-"));
  const saved = process.env.HOME;
  process.env.HOME = home;
  try {
    let certs: { getHttpsOptions: () => Promise<{ keyFile: string; source: string }>; makeSelfSigned: () => { cert: string; key: string } } | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      certs = require("../../scripts/certs");
    });
    const dir = path.join(home, ".office-addin-dev-certs");
    fs.mkdirSync(dir);
    const { cert, key } = certs!.makeSelfSigned();
    fs.writeFileSync(path.join(dir, "localhost.crt"), cert);
    fs.writeFileSync(path.join(dir, "localhost.key"), key, { mode: 0o644 });
    fs.chmodSync(path.join(dir, "localhost.key"), 0o644);
    const o = await certs!.getHttpsOptions();
    expect(o.source).toBe("office-addin-dev-certs (reused)");
    expect(o.keyFile.startsWith(home)).toBe(true); // never the real user's home
    expect(fs.statSync(o.keyFile).mode & 0o777).toBe(0o600);
  } finally {
    process.env.HOME = saved;
    fs.rmSync(home, { recursive: true, force: true });
  }
});
