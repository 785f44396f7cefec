// A few weeks of citizen activity for the embedded demo, so the officer console has something to show on a fresh
// `npm start`: people answering the satisfaction surveys from communes of Hà Nội (spread over the last 30 days),
// and questions escalated to officers, one of them overdue. Everything goes through POST /web/messages as a real
// web chat user would (consent, age group, answers, "Hỏi cán bộ tư pháp"), so the data is exactly what the product
// stores; only the timestamps are moved back afterwards. Runs once, on the first start of an embedded demo, in the
// background (the server is already answering); DEMO_ACTIVITY=off skips it.
import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Hono } from "hono";
import { webIdentity } from "../../bots/web/web-identity";
import { contacts, questions, surveyResponses, units } from "../../db/schema/index";
import { flagOverdueQuestions } from "../qa/question-service";
import type { AppEnv, Services } from "../services";

interface Reply {
  text: string;
  options: Array<{ label: string; value: string }>;
}

const DAY_MS = 24 * 3600_000;

const QUESTIONS = [
  "Cho em hỏi kết hôn với người nước ngoài thì cần chuẩn bị những giấy tờ gì ạ?",
  "Hàng xóm xây tường lấn sang đất nhà tôi 30 cm thì tôi nên làm gì?",
  "Con tôi 17 tuổi đi làm thêm có phải ký hợp đồng lao động không?",
  "Tôi muốn làm lại giấy khai sinh bị mất cho mẹ đã 70 tuổi thì làm ở đâu?",
];

/** A small seeded generator: the same demo on every fresh start. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedDemoActivity(
  app: Hono<AppEnv>,
  services: Services,
  options: { citizens?: number; now?: Date } = {},
): Promise<{ responses: number; questions: number }> {
  const now = options.now ?? new Date();
  const next = random(979);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const communes = await services.db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.kind, "commune"), like(units.path, sql`(select path from units where code = '01') || '%'`)))
    .orderBy(units.code)
    .limit(12);
  const communeNames = communes.map((c) => `${c.name}, Hà Nội`);

  const say = async (user: string, text: string): Promise<Reply[]> => {
    const response = await app.request("/web/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: await webIdentity.sign(services, user), text }),
    });
    if (response.status !== 200) throw new Error(`demo activity: /web/messages answered ${response.status}`);
    return ((await response.json()) as { replies: Reply[] }).replies;
  };

  /** A plausible answer to whatever is showing; leans positive, like real satisfaction surveys. */
  const answer = (reply: Reply, communeName: string): string => {
    const values = reply.options.map((o) => o.value);
    if (values.includes("age:adult")) return "age:adult";
    const consent = reply.options.find((o) => o.label === "Đồng ý");
    if (consent) return consent.value;
    const place = reply.options.find((o) => o.value.startsWith("u:"));
    if (place) return place.value;
    if (/xã, phường/i.test(reply.text) && !values.some((v) => v.startsWith("a:"))) return communeName;
    if (values.includes("s:done") && reply.options.some((o) => o.label.startsWith("✓"))) return "s:done";
    const choices = reply.options.filter((o) => o.value.startsWith("a:"));
    if (choices.length > 0) {
      // Opinions lean to the first (positive) option; who people are (age, sex, channels) does not.
      const aboutThePerson = /tuổi|giới tính|kênh/i.test(reply.text);
      const lean = !aboutThePerson && next() < 0.6 ? 0 : Math.floor(next() * choices.length);
      return choices[Math.min(lean, choices.length - 1)]!.value;
    }
    if (/bao nhiêu|số/i.test(reply.text)) return String(1 + Math.floor(next() * 40));
    return pick(["Nên tổ chức thêm buổi giải đáp buổi tối.", "Tài liệu dễ hiểu, cảm ơn cán bộ.", "Không có."]);
  };

  const citizens = options.citizens ?? 60;
  const users: string[] = [];
  for (let i = 0; i < citizens; i++) {
    const user = `demo-citizen-${i + 1}`;
    users.push(user);
    const survey = i % 5 === 4 ? "legal_access_satisfaction" : "pbgdpl_satisfaction";
    const commune = pick(communeNames);
    let replies = await say(user, `survey:${survey}`);
    for (let step = 0; step < 40; step++) {
      const last = replies.at(-1);
      if (!last || (last.options.length === 0 && !/^Câu \d+/m.test(last.text))) break;
      if (
        !/^Câu \d+|Đồng ý|nhóm tuổi|tuổi|nhiều nơi trùng tên/im.test(`${last.text} ${last.options.map((o) => o.label)}`)
      )
        break;
      replies = await say(user, answer(last, commune));
    }
  }

  const askers: string[] = [];
  for (const [i, text] of QUESTIONS.entries()) {
    const user = `demo-asker-${i + 1}`;
    askers.push(user);
    await say(user, text);
    await say(user, "ask_officer");
    await say(user, "ask_send");
  }

  // Spread the answers over the last 30 days (Vietnamese daytime), and age the questions: the first is overdue.
  const people = await services.db
    .select({ id: contacts.id, platformId: contacts.platformId })
    .from(contacts)
    .where(and(eq(contacts.channel, "web"), inArray(contacts.platformId, [...users, ...askers])));
  const idOf = new Map(people.map((p) => [p.platformId, p.id]));
  let responses = 0;
  for (const user of users) {
    const contactId = idOf.get(user);
    if (contactId === undefined) continue;
    const startedAt = new Date(now.getTime() - Math.floor(next() * 30) * DAY_MS - (1 + next() * 10) * 3600_000);
    const moved = await services.db
      .update(surveyResponses)
      .set({
        startedAt,
        // An unfinished response stays unfinished; a finished one took about four minutes.
        completedAt: sql`case when ${surveyResponses.completedAt} is null then null
          else ${startedAt.toISOString()}::timestamptz + interval '4 minutes' end`,
      })
      .where(eq(surveyResponses.contactId, contactId))
      .returning({ id: surveyResponses.id });
    responses += moved.length;
  }
  let asked = 0;
  for (const [i, user] of askers.entries()) {
    const contactId = idOf.get(user);
    if (contactId === undefined) continue;
    const age = i === 0 ? 12 : i;
    const createdAt = new Date(now.getTime() - age * DAY_MS);
    const dueAt = new Date(createdAt.getTime() + 7 * DAY_MS);
    const moved = await services.db
      .update(questions)
      .set({ createdAt, dueAt })
      .where(eq(questions.contactId, contactId))
      .returning({ id: questions.id });
    asked += moved.length;
  }
  // What the overdue job would do within ten minutes: the aged question is highlighted from the first look.
  await flagOverdueQuestions(services.db, now);
  return { responses, questions: asked };
}
