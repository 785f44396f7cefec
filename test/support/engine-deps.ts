// The engine's dependencies as process-inbound wires them, over a test database: real content, Q&A retrieval,
// question routing and surveys; a test overrides only what it must observe.
import type { Db } from "../../db/db";
import { createContentRepository } from "../../src/content/content-repository";
import { cachedQaSource } from "../../src/content/qa-source";
import type { EngineDeps } from "../../src/engine/ports";
import { createQuestionInbox } from "../../src/qa/question-inbox";
import { DEFAULT_QA_SETTINGS } from "../../src/qa/qa-settings";
import { createSubscriptionSource } from "../../src/subscriptions/subscription-repository";
import { createSurveyRepository } from "../../src/surveys/survey-repository";

export function engineDeps(db: Db, overrides: Partial<EngineDeps> = {}): EngineDeps {
  const now = overrides.now ?? (() => new Date());
  return {
    content: createContentRepository(db),
    // A fresh cache key: each deps sees the content as it is now, not as another test left a shared cache.
    qa: cachedQaSource({}, db, 0),
    inbox: createQuestionInbox(db, DEFAULT_QA_SETTINGS, now),
    surveys: createSurveyRepository(db, now),
    subscriptions: createSubscriptionSource(db),
    newId: () => crypto.randomUUID(),
    now,
    ...overrides,
  };
}
