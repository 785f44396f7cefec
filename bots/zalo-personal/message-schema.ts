// What a message from zca-js's listener must look like before the gateway reads it. The listener hands over Zalo's
// own JSON, decoded but unchecked: only the fields Loa reads are checked, and only their types; anything else a
// message carries is let through untouched, and a message that does not fit is dropped with the bad fields' paths.
import { z } from "zod";

/** zca-js's ThreadType: 0 a person's chat, 1 a group. */
export const USER_THREAD = 0;
export const GROUP_THREAD = 1;

/** Zalo's ids are digits; letters, "_" and "-" are let through, ":" never (it marks a group in Loa's contacts). */
const idSchema = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.string().regex(/^[0-9A-Za-z_-]{1,64}$/));

const mentionSchema = z.looseObject({
  uid: idSchema,
  pos: z.number().int().min(0),
  len: z.number().int().min(0),
  /** 1 is "@All", which is no call for the bot. */
  type: z.number().int().optional(),
});

export const zaloMessageSchema = z.looseObject({
  type: z.union([z.literal(USER_THREAD), z.literal(GROUP_THREAD)]),
  threadId: idSchema,
  isSelf: z.boolean(),
  data: z.looseObject({
    msgId: idSchema,
    uidFrom: idSchema,
    /** Text messages carry a string; stickers, photos and links an object, which the bot does not read. */
    content: z.unknown(),
    mentions: z.array(mentionSchema).nullish(),
  }),
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** Why a message is not understood: the paths of the bad fields only (never their values: they are the person's). */
export function describeMessageIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.path.join(".") || "(message)").join(", ");
}

/**
 * The text of a group message addressed to the bot: the @mentions of the bot cut out ("@Loa ly hôn" → "ly hôn"), or
 * null when the bot is not mentioned (group chatter is not for it).
 */
export function textForBot(message: ZaloMessage, text: string, ownId: string): string | null {
  const mine = (message.data.mentions ?? []).filter((m) => m.uid === ownId && m.type !== 1);
  if (mine.length === 0) return null;
  let rest = text;
  for (const mention of [...mine].sort((a, b) => b.pos - a.pos)) {
    if (mention.pos + mention.len <= rest.length)
      rest = rest.slice(0, mention.pos) + rest.slice(mention.pos + mention.len);
  }
  return rest.replace(/\s+/g, " ").trim();
}
