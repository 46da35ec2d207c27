/**
 * Output piped into a reader that stops early (`zg … | head`) ends quietly: no EPIPE stack, status 0.
 */
import { spawn } from "child_process";
import * as path from "path";
import { buildCli, SAMPLES, ZG } from "./helpers";

jest.setTimeout(120_000);

test("a closed pipe on standard output: zg ends with status 0 and says nothing", async () => {
  buildCli();
  const child = spawn(process.execPath, [ZG, "score", path.join(SAMPLES, "sample-completion.xlsx"), "--json"], { stdio: ["ignore", "pipe", "pipe"] });
  // The reader goes away before zg writes (as `| head -c 0` or a closed pager would).
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  await new Promise((resolve) => setTimeout(resolve, 100)); // the last of standard error
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
});
