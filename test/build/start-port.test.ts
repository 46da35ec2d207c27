/**
 * npm start with its port taken says so and offers --port, instead of webpack's EADDRINUSE stack.
 */
import { spawnSync } from "child_process";
import * as net from "net";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

test("the port in use: the message names it and offers npm start -- --port", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "localhost", () => resolve()));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const r = await new Promise<ReturnType<typeof spawnSync>>((resolve) =>
      // Asynchronously: the blocker must keep answering while start.js probes the port.
      setImmediate(() => resolve(spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.js"), "--port", String(port), "--no-sideload"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 }))),
    );
    expect(r.status).toBe(1);
    expect(String(r.stderr)).toContain(`端口 ${port} 已被占用`);
    expect(String(r.stderr)).toContain(`npm start -- --port ${port + 1}`);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
