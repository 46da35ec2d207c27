/**
 * The static servers (test/e2e/serve.js, which `npm run preview` also uses) take hostile requests: a malformed escape
 * is a 400 and the server lives on; a path that climbs out of the root into a sibling folder whose name starts with
 * the root's is refused.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../e2e/serve") as { serve: (root: string, o?: object) => Promise<{ url: string; close(): Promise<void> }> };

function get(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let dir: string;
let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-serve-"));
  fs.mkdirSync(path.join(dir, "dist"));
  fs.mkdirSync(path.join(dir, "dist-secret"));
  fs.writeFileSync(path.join(dir, "dist", "preview.html"), "<p>preview</p>");
  fs.writeFileSync(path.join(dir, "dist", "index.html"), "<p>page</p>");
  fs.writeFileSync(path.join(dir, "dist-secret", "key.txt"), "SECRET");
  fs.writeFileSync(path.join(dir, "secret.txt"), "SECRET");
  server = await serve(path.join(dir, "dist"));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a malformed URL escape is a 400, and the server keeps serving", async () => {
  expect((await get(server.url, "/%E0%A4%A")).status).toBe(400);
  expect((await get(server.url, "/%")).status).toBe(400);
  expect(await get(server.url, "/preview.html")).toEqual({ status: 200, body: "<p>preview</p>" });
});

test("paths are checked against the root with a separator: no sibling folder, no parent", async () => {
  for (const p of ["/..%2fdist-secret%2fkey.txt", "/..%2F..%2Fsecret.txt", "/%2e%2e/secret.txt", "/..%5csecret.txt", "/a%00b"]) {
    const r = await get(server.url, p);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain("SECRET");
  }
  // The folder serves its index.html, as any web server serving dist/ does.
  expect((await get(server.url, "/")).body).toBe("<p>page</p>");
});
