// Starts the real Node server (src/entry/node.ts, what `npm start` runs) as a child process on a free port, for
// end-to-end tests, browser tests and benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Milliseconds from spawn to the first healthy /health. */
  startupMs: number;
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const SERVER_COMMAND = [process.execPath, "--import", "tsx", "src/entry/node.ts"];

export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  /** `["npm", "start"]` to time exactly what the README says; by default node runs the entry directly. */
  command: string[] = SERVER_COMMAND,
): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const started = performance.now();
  const [program, ...args] = command;
  // npm start runs the server as a grandchild: a process group lets stop() reach it.
  const child = spawn(program!, args, {
    detached: true,
    env: { ...process.env, LOG_LEVEL: "info", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`server not healthy after ${timeoutMs} ms:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    startupMs: performance.now() - started,
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
      return exited;
    },
  };
}

/** Runs the server program to its exit (for configurations that must stop it). */
export async function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const [program, ...args] = SERVER_COMMAND;
  const child = spawn(program!, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}
