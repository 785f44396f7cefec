// One inbound message from any channel: dedupe the update, find or create the contact and its session, run the
// engine, then record its effects (consent, answers, erasure), the next session, the update key and the queued
// replies all at once. Nothing is written for the turn until that last step, so a crash anywhere leaves nothing
// half-done and a retry is processed once, never twice.
//
// Speed (issue 8 B): most turns take two statements, each one round trip. The first upserts the contact, creates
// the session if missing, and reads the session, its revision, whether the update was seen, and the content
// revision (for the per-process content cache). The second saves the session only if its revision is unchanged
// (optimistic concurrency: a person's turns are applied one after another, each on the state the previous one
// left), claims the update key and queues the replies, in one statement. A turn with effects takes the session's
// row lock in a transaction instead. When a person's turns keep colliding, the turn falls back to the lock held
// for the whole turn, as before.
import type { Db } from "../../db/db";
import { databaseIdentity, runStatement } from "../../db/db";
import type { Channel } from "../../db/schema/index";
import { cachedContentSource } from "../content/content-cache";
import { cachedQaSource } from "../content/qa-source";
import { handle, type EngineResult } from "../engine/handle";
import type { Reply } from "../engine/replies";
import { restoreSession } from "../engine/session";
import { applyQaEffects } from "../qa/apply-qa-effects";
import { createQuestionInbox } from "../qa/question-inbox";
import { DEFAULT_QA_SETTINGS, type QaSettings } from "../qa/qa-settings";
import { applySubscriptionEffects } from "../subscriptions/apply-subscription-effects";
import { createSubscriptionSource } from "../subscriptions/subscription-repository";
import { applyEffects } from "../surveys/apply-effects";
import { createSurveyRepository } from "../surveys/survey-repository";

export interface InboundMessage {
  channel: Channel;
  /** The person's id on that platform. Personal data: it stays in the database. */
  platformId: string;
  text: string;
  /** The platform's id of this update (e.g. Telegram's update_id); a second delivery is acknowledged, not handled. */
  updateKey?: string;
  locale?: string;
  /**
   * Channels that send (Telegram) queue the replies in the outbox in the same statement as the session, so a crash
   * after it loses nothing: a delivery loop sends what is queued. The web chat returns them in the response.
   */
  queueReplies?: boolean;
  /** The office's inbox settings (QA_DEFAULT_UNIT, QA_DUE_WORKING_DAYS); the defaults when a caller has none. */
  qa?: QaSettings;
}

export type InboundResult =
  | {
      status: "processed";
      contactId: string;
      replies: Reply[];
      newContact: boolean;
      outboxId?: number;
      /** The session revision this turn produced: a person's turns produce 1, 2, 3, … in the order applied. */
      revision?: number;
    }
  | { status: "duplicate" };

/** Optimistic attempts before a turn takes the session lock for its whole length. */
const OPTIMISTIC_ATTEMPTS = 3;

interface OpenedTurn {
  contact_id: string;
  is_new: boolean;
  state: unknown;
  revision: number | null;
  duplicate: boolean;
  content_revision: string | null;
}

// The session row is created here if missing (ON CONFLICT DO NOTHING, so an existing row is not rewritten); an
// existing one is read from the statement's snapshot. A session created by a concurrent first message is not yet
// visible to that snapshot: revision comes back null and the turn starts again.
// A person who writes is reachable again (they unblocked the bot, followed the OA again): unreachable_at is cleared.
const OPEN_TURN = `with contact as (
  insert into contacts (channel, platform_id, locale, first_seen_at, last_seen_at)
  values ($1::text, $2::text, $3::text, $4::timestamptz, $4::timestamptz)
  on conflict (channel, platform_id) do update set last_seen_at = excluded.last_seen_at, unreachable_at = null
  returning id, (xmax = 0) as is_new
), created as (
  insert into conversation_sessions (contact_id, state, updated_at)
  select id, '{}'::jsonb, $4::timestamptz from contact
  on conflict (contact_id) do nothing
  returning state, revision
)
select contact.id::text as contact_id, contact.is_new,
  coalesce((select state from created), s.state) as state,
  coalesce((select revision from created), s.revision) as revision,
  exists (select 1 from processed_updates p where p.channel = $1::text and p.update_key = $5::text) as duplicate,
  (select revision::text from content_revision where id = 1) as content_revision
from contact left join conversation_sessions s on s.contact_id = contact.id`;

// Saves the session if nobody saved it since it was read, and only then claims the update key and queues the
// replies. The update key is inserted without ON CONFLICT: should it already be taken, the whole statement fails
// and nothing of the turn is kept.
const SAVE_TURN = `with saved as (
  update conversation_sessions set state = $2::text::jsonb, revision = revision + 1, updated_at = $3::timestamptz
  where contact_id = $1::uuid and revision = $4::int
  returning revision
), claimed as (
  insert into processed_updates (channel, update_key, processed_at)
  select $5::text, $6::text, $3::timestamptz from saved where $6::text is not null
  returning 1
), queued as (
  insert into outbox_messages (contact_id, kind, replies, channel, created_at)
  select $1::uuid, 'reply', $7::text::jsonb, $5::text, $3::timestamptz from saved where $7::text is not null
  returning id
)
select saved.revision, (select id::text from queued) as outbox_id from saved`;

const LOCK_SESSION = `select state, revision from conversation_sessions where contact_id = $1::uuid for update`;
const CLAIM_UPDATE = `insert into processed_updates (channel, update_key, processed_at)
  values ($1::text, $2::text, $3::timestamptz)`;

/** Thrown inside a turn's transaction to roll it back and start the turn again. */
class TurnCollided extends Error {}

/** The update key was claimed by a turn that committed first: the next attempt reports a duplicate. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function processInbound(db: Db, message: InboundMessage, now: Date = new Date()): Promise<InboundResult> {
  let newContact = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome =
        attempt <= OPTIMISTIC_ATTEMPTS ? await optimisticTurn(db, message, now) : await lockedTurn(db, message, now);
      if (outcome === "collided") continue;
      if (outcome.status === "duplicate") return outcome;
      // A first message that had to start again is still the person's first.
      newContact ||= outcome.newContact;
      return { ...outcome, newContact };
    } catch (error) {
      if (error instanceof TurnCollided || (isUniqueViolation(error) && message.updateKey !== undefined)) continue;
      throw error;
    }
  }
}

type TurnOutcome = InboundResult | "collided";

async function openTurn(db: Db, message: InboundMessage, now: Date): Promise<OpenedTurn> {
  const [opened] = await runStatement<OpenedTurn>(db, OPEN_TURN, [
    message.channel,
    message.platformId,
    message.locale ?? "vi",
    now.toISOString(),
    message.updateKey ?? null,
  ]);
  return opened!;
}

function runEngine(db: Db, reader: Db, message: InboundMessage, opened: OpenedTurn, state: unknown, now: Date) {
  const revision = Number(opened.content_revision ?? 0);
  return handle({ text: message.text, contactId: opened.contact_id }, restoreSession(state), {
    content: cachedContentSource(databaseIdentity(db), reader, revision),
    qa: cachedQaSource(databaseIdentity(db), reader, revision),
    inbox: createQuestionInbox(reader, message.qa ?? DEFAULT_QA_SETTINGS, () => now),
    surveys: createSurveyRepository(reader, () => now),
    subscriptions: createSubscriptionSource(reader),
    newId: () => crypto.randomUUID(),
    now: () => now,
  });
}

async function saveTurn(
  db: Db,
  message: InboundMessage,
  contactId: string,
  revision: number,
  result: EngineResult,
  now: Date,
): Promise<{ revision: number; outboxId?: number } | null> {
  const queue = message.queueReplies && result.replies.length > 0;
  const [saved] = await runStatement<{ revision: number; outbox_id: string | null }>(db, SAVE_TURN, [
    contactId,
    JSON.stringify(result.session),
    now.toISOString(),
    revision,
    message.channel,
    message.updateKey ?? null,
    queue ? JSON.stringify(result.replies) : null,
  ]);
  if (!saved) return null;
  return { revision: saved.revision, ...(saved.outbox_id !== null ? { outboxId: Number(saved.outbox_id) } : {}) };
}

/** Applies the effects, then saves (or, after an erasure, only claims the update key), inside `tx`. */
async function finishWithEffects(
  tx: Db,
  message: InboundMessage,
  opened: OpenedTurn,
  revision: number,
  result: EngineResult,
  now: Date,
): Promise<InboundResult> {
  const contactId = opened.contact_id;
  const applied = await applyEffects(tx, contactId, message.channel, result.effects, now);
  if (!applied.erased) await applyQaEffects(tx, contactId, message.channel, result.effects, now);
  if (!applied.erased) await applySubscriptionEffects(tx, contactId, message.channel, result.effects, now);
  if (applied.erased) {
    // The contact is gone with its session and outbox: the acknowledgement goes back directly, and only this once.
    if (message.updateKey !== undefined)
      await runStatement(tx, CLAIM_UPDATE, [message.channel, message.updateKey, now.toISOString()]);
    return { status: "processed", contactId, replies: result.replies, newContact: opened.is_new };
  }
  const saved = await saveTurn(tx, message, contactId, revision, result, now);
  if (!saved) throw new TurnCollided();
  return { status: "processed", contactId, replies: result.replies, newContact: opened.is_new, ...saved };
}

async function optimisticTurn(db: Db, message: InboundMessage, now: Date): Promise<TurnOutcome> {
  const opened = await openTurn(db, message, now);
  if (opened.duplicate) return { status: "duplicate" };
  if (opened.revision === null) return "collided";
  const revision = opened.revision;
  const result = await runEngine(db, db, message, opened, opened.state, now);
  const contactId = opened.contact_id;

  if (result.effects.length === 0) {
    const saved = await saveTurn(db, message, contactId, revision, result, now);
    if (!saved) return "collided";
    return { status: "processed", contactId, replies: result.replies, newContact: opened.is_new, ...saved };
  }
  return db.transaction(async (tx) => {
    // The lock makes the effects and the save one step; a turn saved meanwhile means this one starts again.
    const [locked] = await runStatement<{ revision: number }>(tx, LOCK_SESSION, [contactId]);
    if (!locked || locked.revision !== revision) throw new TurnCollided();
    return finishWithEffects(tx, message, opened, revision, result, now);
  });
}

/** The whole turn under the session's row lock: later turns of the same person wait for it. */
function lockedTurn(db: Db, message: InboundMessage, now: Date): Promise<TurnOutcome> {
  return db.transaction(async (tx) => {
    const opened = await openTurn(tx, message, now);
    if (opened.duplicate) return { status: "duplicate" as const };
    const [locked] = await runStatement<{ state: unknown; revision: number }>(tx, LOCK_SESSION, [opened.contact_id]);
    if (!locked) throw new TurnCollided();
    const result = await runEngine(db, tx, message, opened, locked.state, now);
    return finishWithEffects(tx, message, opened, locked.revision, result, now);
  });
}
