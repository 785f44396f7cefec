// Whatever a person sends, in whatever order, the web chat answers 200 and only valid answers are ever stored.
import fc from "fast-check";
import { eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { surveyAnswers, surveyResponses, surveyVersions } from "../../db/schema/index";
import { ensureSurveyVersion, SurveyVersionChangedError } from "../../src/surveys/apply-effects";
import { isVisible } from "../../src/engine/survey-flow";
import { surveyCatalog } from "../../src/surveys/survey-repository";
import { questionOptions } from "../../surveys/schema";
import { createTestApp, say } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

const keys = ["pbgdpl_satisfaction", "legal_access_satisfaction", "law_day_quiz", "answer_feedback"];
const message = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...keys.map((k) => `survey:${k}`), "c:yes", "Đồng ý", "c:no", "age:adult", "age:minor"),
  },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "a:yes",
      "a:no",
      "a:dk",
      "a:5",
      "a:1",
      "a:a",
      "a:b",
      "a:often",
      "a:x",
      "1",
      "2",
      "3",
      "9",
      "1, 3",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "quay lại",
      "bỏ qua",
      "huỷ",
      "menu",
      "s:continue",
      "s:review",
      "s:restart",
      "s:stop",
      "s:done",
      "u:00004",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom("rút đồng ý", "erase:keep", "erase:delete", "xoá dữ liệu") },
  { weight: 2, arbitrary: fc.constantFrom("phường Ba Đình, Hà Nội", "Ba Đình", "yen dinh", "42", "mười", "") },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
);

describe(`survey answers under random input (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
  });
  afterAll(async () => handle?.close());

  it("never errors and never stores an invalid answer", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.boolean(),
        fc.array(message, { minLength: 1, maxLength: 14 }),
        async (key, consents, texts) => {
          const user = `random-${run++}`;
          await say(app, user, `survey:${key}`);
          await say(app, user, "age:adult");
          // Half the runs start past consent, so that stored answers are never left to chance.
          if (consents) await say(app, user, "c:yes");
          for (const text of texts) await say(app, user, text); // say() fails the test on any non-200
        },
      ),
      { numRuns: 60 },
    );

    const answers = await handle.db
      .select({
        key: surveyResponses.surveyKey,
        status: surveyResponses.status,
        responseId: surveyAnswers.responseId,
        questionId: surveyAnswers.questionId,
        value: surveyAnswers.value,
      })
      .from(surveyAnswers)
      .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId));
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      const question = surveyCatalog()
        .get(answer.key)!
        .questions.find((q) => q.id === answer.questionId);
      expect(question, `${answer.key}.${answer.questionId}`).toBeDefined();
      const options = questionOptions(question!);
      if (options) {
        expect(answer.value.kind).toBe("options");
        if (answer.value.kind === "options") {
          expect(answer.value.codes.length).toBeGreaterThan(0);
          for (const code of answer.value.codes) expect(options.map((o) => o.code)).toContain(code);
        }
      } else if (question!.type === "number") {
        expect(answer.value.kind).toBe("number");
      } else if (question!.type === "text") {
        expect(
          answer.value.kind === "text" &&
            answer.value.value.length <= question!.maxLength &&
            answer.value.value.length > 0,
        ).toBe(true);
      } else {
        expect(answer.value.kind).toBe("unit");
      }
    }

    // A completed response keeps no answer to a question its own answers hide.
    const completed = await handle.db
      .select({ id: surveyResponses.id, key: surveyResponses.surveyKey })
      .from(surveyResponses)
      .where(eq(surveyResponses.status, "completed"));
    for (const response of completed) {
      const rows = answers.filter((a) => a.responseId === response.id);
      const given = Object.fromEntries(rows.map((a) => [a.questionId, a.value]));
      for (const row of rows) {
        const question = surveyCatalog()
          .get(response.key)!
          .questions.find((q) => q.id === row.questionId)!;
        expect(isVisible(question, given), `${response.key}.${row.questionId}`).toBe(true);
      }
    }
    // The runs did reach the ledger: responses still linked to their person exist.
    const linked = await handle.db.select().from(surveyResponses).where(isNotNull(surveyResponses.contactId));
    expect(linked.length).toBeGreaterThan(0);
  }, 240_000);

  it("refuses to change a published survey version in place", async () => {
    const published = surveyCatalog().get("answer_feedback")!;
    await ensureSurveyVersion(handle.db, published);
    const edited = { ...published, title: `${published.title} (đã sửa)` };
    await expect(ensureSurveyVersion(handle.db, edited)).rejects.toThrow(SurveyVersionChangedError);
    const rows = await handle.db.select().from(surveyVersions).where(eq(surveyVersions.key, "answer_feedback"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.title).toBe(published.title);
  });
});
