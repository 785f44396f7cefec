// The Worker in the real workerd runtime, through wrangler's unstable_dev.
//
// It runs the bundle `npm run build:worker` makes (wrangler deploy --dry-run), built once per test file, not the
// sources: wrangler's dev server watches every file it bundled and restarts the runtime when one is touched, and a
// restart that fails while tests run leaves every request waiting (seen once in CI on a loaded machine: "The Workers
// runtime failed to start", surfacing only when the instance was stopped). A finished bundle in a folder of its own
// never changes.
//
// unstable_dev resolves as soon as wrangler's proxy listens, while the runtime may still be starting: a start is only
// done once a first request has been answered, so a runtime that never comes up fails the start with its reason
// rather than leaving a test waiting.
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { unstable_dev, type Unstable_DevOptions, type Unstable_DevWorker } from "wrangler";

const run = promisify(execFile);
const FIRST_ANSWER_WAIT_MS = 30_000;

export async function startWorkerd(options: Unstable_DevOptions = {}): Promise<Unstable_DevWorker> {
  const worker = await unstable_dev(await workerBundle(), {
    config: "wrangler.toml",
    bundle: false,
    ip: "127.0.0.1",
    logLevel: "none",
    ...options,
    experimental: { disableExperimentalWarning: true, ...options.experimental },
  });
  try {
    // Any answer will do (a misconfigured Worker answers 500): it proves the runtime runs the Worker.
    await worker.fetch("/health", { signal: AbortSignal.timeout(FIRST_ANSWER_WAIT_MS) });
    return worker;
  } catch (error) {
    // Stopping an instance whose runtime failed rethrows that failure, which says more than the timeout.
    const failure = await worker.stop().then(
      () => error,
      (stopError: unknown) => stopError,
    );
    throw new Error(`workerd did not answer its first request within ${FIRST_ANSWER_WAIT_MS / 1000} s`, {
      cause: failure,
    });
  }
}

let built: Promise<string> | undefined;

/** The deployable bundle, built once for this test file into a temporary folder removed when the process exits. */
function workerBundle(): Promise<string> {
  built ??= (async () => {
    const outdir = await mkdtemp(join(tmpdir(), "loa-workerd-bundle-"));
    process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
    await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    return join(outdir, "worker.js");
  })();
  return built;
}
