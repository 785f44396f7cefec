// Groups. A personal account added to a village or residential group answers there only when mentioned, in the
// group, and on the group's own conversation: one shared session per group, never a member's private one. What is
// said in a group is public, so the bot keeps to public legal content there. Surveys (age group, consent, commune,
// answers), questions sent to an officer and requests about one's own data (withdrawing consent, deletion) are
// personal: in a group they get a short note asking the person to write to the account privately, and nothing is
// started or stored.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, conversationSessions } from "../../db/schema/contacts";
import { parseCommand } from "../../src/engine/commands";
import { optionKey } from "../../src/engine/handle";
import { parseEraseCommand } from "../../src/engine/privacy-commands";
import { parseQaValue } from "../../src/engine/qa-dialogue";
import { restoreSession, type Session } from "../../src/engine/session";

export const GROUP_PREFIX = "group:";

export const PRIVATE_ONLY_NOTE =
  "Khảo sát, câu hỏi gửi cán bộ tư pháp và các yêu cầu về dữ liệu cá nhân chỉ thực hiện trong tin nhắn riêng, " +
  "để thông tin của bạn không hiện trong nhóm. Bạn hãy nhắn tin riêng cho tài khoản này nhé.";

/** What the text would choose on the group's session: a number or an option's text becomes the option's value. */
function chosenValue(text: string, session: Session): string {
  if (/^\d{1,2}$/.test(text)) return session.options[Number(text) - 1] ?? text;
  const key = optionKey(text);
  const index = key.length > 0 ? (session.labels ?? []).indexOf(key) : -1;
  return index >= 0 ? (session.options[index] ?? text) : text;
}

/** Whether the group message asks for something that belongs in a private chat. */
export async function isPrivateOnly(db: Db, groupPlatformId: string, text: string): Promise<boolean> {
  const [row] = await db
    .select({ state: conversationSessions.state })
    .from(conversationSessions)
    .innerJoin(contacts, eq(contacts.id, conversationSessions.contactId))
    .where(and(eq(contacts.channel, "zalo"), eq(contacts.platformId, groupPlatformId)));
  const value = chosenValue(text.trim(), restoreSession(row?.state));
  const command = parseCommand(value);
  return (
    command?.kind === "surveys" ||
    command?.kind === "survey_start" ||
    parseEraseCommand(value) !== null ||
    value.startsWith("a:") ||
    // Escalating sends the question to an office and brings the answer back to the chat: in a group, to everyone.
    ["ask_officer", "send"].includes(parseQaValue(value)?.kind ?? "")
  );
}
