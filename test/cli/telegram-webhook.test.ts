// npm run telegram:webhook against the local Bot API server: webhook with secret and allowed updates, commands.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/bot-api-emulator";

const run = promisify(execFile);

describe("npm run telegram:webhook", () => {
  let api: BotApiEmulator;
  beforeAll(async () => {
    api = await new BotApiEmulator().start();
  });
  afterAll(async () => api?.stop());

  const cli = async (...args: string[]) => {
    const env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_SECRET: "cli-secret-0123456789abcdef",
    };
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", "src/cli/telegram-webhook.ts", ...args],
        { env },
      );
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  };

  it("registers the webhook with the secret, the allowed updates and the command list", async () => {
    const result = await cli("https://loa.example.vn/");
    expect(result.code).toBe(0);
    const setWebhook = api.calls.find((c) => c.method === "setWebhook")!;
    expect(setWebhook.params).toMatchObject({
      url: "https://loa.example.vn/telegram/webhook",
      secret_token: "cli-secret-0123456789abcdef",
      allowed_updates: ["message", "callback_query"],
    });
    const commands = api.calls.find((c) => c.method === "setMyCommands")!.params.commands as Array<{ command: string }>;
    const names = ["start", "menu", "khaosat", "hoi", "huy", "dangky", "dung", "xoadulieu"];
    expect(commands.map((c) => c.command)).toEqual(names);
  }, 30_000);

  it("explains a missing URL", async () => {
    const result = await cli();
    expect(result.code).toBe(1);
    expect(result.output).toContain("Cách dùng: npm run telegram:webhook");
  }, 30_000);
});
