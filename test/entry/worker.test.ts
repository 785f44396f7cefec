// The Worker entry: the offline bundle holds no Node-only package, and the real workerd runtime serves /health and
// a web chat reply against the local Postgres through the Hyperdrive binding.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import type { Unstable_DevWorker } from "wrangler";
import { UNSUBSCRIBE_HINT } from "../../src/campaigns/campaign-replies";
import type { DbHandle } from "../../db/db";
import { eq } from "drizzle-orm";
import { campaigns, contacts, outboxMessages } from "../../db/schema/index";
import { BotApiEmulator, textUpdate } from "../support/bot-api-emulator";
import { FakeZaloOa, FIRST_REFRESH_TOKEN, signedZaloEvent, userText } from "../support/fake-zalo-oa";
import { createTestDb, testDriver } from "../support/test-db";
import { createTestApp } from "../support/test-app";
import { startWorkerd } from "../support/workerd";
import { addSubscribers, createCampaign, ledgerStates, planDeliveries } from "../campaigns/dispatch-fixtures";

const run = promisify(execFile);
// Miniflare fires the Worker's scheduled() handler on this path, as the cron trigger would.
const CRON_TICK = "/cdn-cgi/handler/scheduled?cron=*+*+*+*+*";
const FORBIDDEN = ["@electric-sql/pglite", "zca-js", "@hono/node-server"];

describe("worker bundle", () => {
  let outdir: string;
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), "loa-worker-"));
  });
  afterAll(async () => rm(outdir, { recursive: true, force: true }));

  it("builds offline and contains no PGlite, zca-js or Node server", async () => {
    const metafile = join(outdir, "meta.json");
    await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir, "--metafile", metafile], {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    const meta = JSON.parse(await readFile(metafile, "utf8")) as { inputs: Record<string, unknown> };
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain("src/entry/worker.ts");
    for (const name of FORBIDDEN)
      expect(
        inputs.filter((i) => i.includes(`node_modules/${name}/`)),
        name,
      ).toEqual([]);
    const bundle = await readFile(join(outdir, "worker.js"), "utf8");
    for (const name of FORBIDDEN) expect(bundle.includes(name), name).toBe(false);
  }, 120_000);
});

// workerd needs a Postgres server to reach through Hyperdrive: this part runs in the DATABASE_URL pass.
describe.runIf(testDriver === "postgres")("worker in workerd (postgres)", () => {
  let database: DbHandle & { url?: string };
  let worker: Unstable_DevWorker;
  let misconfigured: Unstable_DevWorker;
  let telegramWorker: Unstable_DevWorker;
  let botApi: BotApiEmulator;
  let zaloApi: FakeZaloOa;
  const secret = "worker-webhook-secret-0123456789";

  beforeAll(async () => {
    database = await createTestDb({ seed: "quick" });
    // Hyperdrive refuses a connection string without a password; the local server trusts any.
    const url = new URL(database.url!);
    if (!url.password) url.password = "postgres";
    process.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE = url.toString();
    // One after another: each is answering before the next starts.
    worker = await startWorkerd();
    misconfigured = await startWorkerd({ vars: { LOG_LEVEL: "loud" } });
    botApi = await new BotApiEmulator().start();
    zaloApi = await new FakeZaloOa().start();
    telegramWorker = await startWorkerd({
      vars: {
        TELEGRAM_BOT_TOKEN: botApi.token,
        TELEGRAM_WEBHOOK_SECRET: secret,
        TELEGRAM_API_ROOT: botApi.url,
        ...zaloApi.env(),
      },
    });
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await misconfigured?.stop();
    await telegramWorker?.stop();
    await botApi?.stop();
    await zaloApi?.stop();
    await database?.close();
  });

  it("answers /health with the database", async () => {
    const response = await worker.fetch("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers a web chat message", async () => {
    const { user } = (await (await worker.fetch("/web/identity", { method: "POST" })).json()) as { user: string };
    const response = await worker.fetch("/web/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user, text: "ly hon" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: Array<{ text: string }> };
    expect(body.replies[0]!.text).toContain("Các quy định liên quan đến câu hỏi của bạn:");
  });

  it("serves the officer console: login form, the dashboard, the article picker, no Swagger UI files", async () => {
    const officer = await bootstrapOfficer(database.db, {
      name: "Cán bộ Worker",
      email: "worker-console@loa.test",
      role: "officer",
      unitCode: "01",
    });
    const login = await worker.fetch("/console/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: officer.email, password: officer.password, next: "/console" }).toString(),
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const dashboard = await worker.fetch("/console", { headers: { cookie }, redirect: "manual" });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Cán bộ Worker");
    const swagger = await worker.fetch("/console/api/swagger", { headers: { cookie }, redirect: "manual" });
    expect(await swagger.text()).toContain("không kèm Swagger UI");
    expect((await worker.fetch("/console/assets/swagger-ui-bundle.js")).status).toBe(404);
    // A campaign message's article picker searches the same index as GET /api/search.
    const choices = await worker.fetch("/console/campaigns/article-choices?q=ly+hon", { headers: { cookie } });
    expect(choices.status).toBe(200);
    expect(await choices.text()).toMatch(/data-article-choice="\d+"[^>]*data-article-label="Điều \d+/);
  });

  it("answers GET /api/search in workerd exactly as Node does on the same database", async () => {
    const path = `/api/search?q=${encodeURIComponent("tôi muốn ly hôn thì cần làm gì")}&limit=5`;
    const response = await worker.fetch(path);
    expect(response.status).toBe(200);
    const onWorkers = await response.json();
    const onNode = await (await createTestApp(database.db).request(path)).json();
    expect(onWorkers).toEqual(onNode);
    expect((onWorkers as { results: unknown[] }).results.length).toBe(5);
  });

  it("processes a Telegram webhook update and replies to the local Bot API server", async () => {
    const post = (secretHeader: string) =>
      telegramWorker.fetch("/telegram/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretHeader },
        body: JSON.stringify(textUpdate(777, "/start")),
      });
    expect((await post("forged-secret-forged-secret-00")).status).toBe(401);
    expect((await post(secret)).status).toBe(200);
    // The replies go out after the webhook has answered (waitUntil).
    await expect.poll(() => botApi.sent(777).length, { timeout: 10_000 }).toBe(2);
    expect(String(botApi.sent(777)[0]!.params.text)).toContain("Xin chào! Tôi là Loa");
  });

  it("answers a signed Zalo OA webhook and its replies reach the OA API; refuses a forged one", async () => {
    const post = (call: { rawBody: string; signature: string }) =>
      telegramWorker.fetch("/zalo/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": call.signature },
        body: call.rawBody,
      });
    expect((await post(signedZaloEvent(userText("9001", "menu"), { secretKey: "forged-secret" }))).status).toBe(401);
    expect((await post(signedZaloEvent(userText("9001", "menu")))).status).toBe(200);
    // Processed after the answer (waitUntil): the token refresh, then the welcome and the menu (six entries: Zalo
    // shows at most five buttons, so a numbered list).
    await expect.poll(() => zaloApi.textsTo("9001").length, { timeout: 10_000 }).toBe(2);
    expect(zaloApi.textsTo("9001")[0]).toContain("Xin chào! Tôi là Loa");
    expect(zaloApi.textsTo("9001").at(-1)).toContain("4. 📝 Khảo sát");
    expect(zaloApi.refreshes).toEqual([{ refreshToken: FIRST_REFRESH_TOKEN, accepted: true }]);
  });

  it("runs the jobs from its cron trigger: a reply waiting in the outbox goes out", async () => {
    const [contact] = await database.db
      .insert(contacts)
      .values({ channel: "telegram", platformId: "778" })
      .returning({ id: contacts.id });
    await database.db.insert(outboxMessages).values({
      contactId: contact!.id,
      kind: "reply",
      channel: "telegram",
      replies: [{ text: "Trả lời đang chờ gửi" }],
    });
    expect((await telegramWorker.fetch(CRON_TICK)).status).toBe(200);
    await expect.poll(() => botApi.sent(778).length, { timeout: 10_000 }).toBe(1);
    expect(botApi.sent(778)[0]!.params.text).toBe("Trả lời đang chờ gửi");
  });

  it("fans a campaign out from its cron trigger through the Queue to every subscriber, once", async () => {
    const people = await addSubscribers(database.db, 3, "telegram");
    const id = await createCampaign(database.db, { messages: [{ text: "Ngày Pháp luật Việt Nam 9/11" }] });
    await planDeliveries(database.db, id, people);
    // The cron claims and hands the rows off, puts a batch on the Queue; the consumer (queue()) sends it.
    expect((await telegramWorker.fetch(CRON_TICK)).status).toBe(200);
    await expect.poll(() => ledgerStates(database.db, id), { timeout: 20_000, interval: 250 }).toEqual({ sent: 3 });
    for (const person of people) {
      expect(botApi.sent(person.platformId).map((c) => c.params.text)).toEqual([
        `Ngày Pháp luật Việt Nam 9/11\n\n${UNSUBSCRIBE_HINT}`,
      ]);
    }
    // Another tick finds nothing left to send and completes the campaign; nobody hears twice.
    expect((await telegramWorker.fetch(CRON_TICK)).status).toBe(200);
    await expect
      .poll(async () => (await database.db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!.state, {
        timeout: 10_000,
      })
      .toBe("completed");
    for (const person of people) expect(botApi.sent(person.platformId)).toHaveLength(1);
  }, 40_000);

  it("answers 500 naming the variable when the configuration is invalid", async () => {
    const response = await misconfigured.fetch("/health");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("config_error");
    expect(body.error.message).toContain("LOG_LEVEL");
  });
});
