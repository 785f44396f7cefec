// What a Telegram update must look like before telegraf and the engine see it. Only the fields Loa reads are
// checked, and only their types: a message whose `text` is a number, a `message` that is a string or null, or a
// button whose `data` is an object would otherwise throw deep inside a handler (a 500, retried by Telegram forever).
// Anything else an update carries is let through untouched.
import { z } from "zod";

const userSchema = z.looseObject({
  id: z.number().int(),
  language_code: z.string().optional(),
});

const chatSchema = z.looseObject({ id: z.number().int(), type: z.string() });

const messageSchema = z.looseObject({
  message_id: z.number().int(),
  chat: chatSchema,
  from: userSchema.optional(),
  text: z.string().optional(),
});

const callbackQuerySchema = z.looseObject({
  id: z.string(),
  from: userSchema,
  data: z.string().optional(),
  message: z.looseObject({ chat: chatSchema }).optional(),
});

export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int().min(0),
  message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
});

export type CheckedUpdate = z.infer<typeof telegramUpdateSchema>;

/** Why an update is not understood: the paths of the bad fields only (never their values: they are the person's). */
export function describeUpdateIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.path.join(".") || "(update)").join(", ");
}
