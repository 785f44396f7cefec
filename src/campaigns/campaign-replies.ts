// A campaign's messages as a citizen receives them: the channel-neutral replies the outbox stores and every channel
// renders (buttons on the web and Telegram, a numbered list on Zalo personal). A linked lesson or article becomes a
// button whose value the engine already understands (`lesson:<id>`, `art:<id>`), the survey invitation a button
// that opens the survey (`survey:<key>`), and the last message says how to stop receiving news.
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/db";
import { lessons } from "../../db/schema/index";
import { articleHeadings } from "../content/article-lookup";
import { commandValues } from "../engine/commands";
import { optionLabel } from "../engine/option-label";
import type { Reply, ReplyOption } from "../engine/replies";
import { surveyValues } from "../engine/survey-values";
import { surveyCatalog } from "../surveys/survey-repository";
import type { CampaignMessage } from "./campaign-input";

/** Said under the last message of every campaign: news must always be easy to stop. */
export const UNSUBSCRIBE_HINT = "Không muốn nhận tin nữa? Soạn “Hủy nhận tin”.";

export async function renderCampaignReplies(
  db: Db,
  messages: CampaignMessage[],
  surveyKey: string | null | undefined,
): Promise<Reply[]> {
  const lessonIds = messages.flatMap((m) => (m.lessonId ? [m.lessonId] : []));
  const articleIds = messages.flatMap((m) => (m.articleId ? [m.articleId] : []));
  const lessonTitles = new Map(
    lessonIds.length === 0
      ? []
      : (
          await db.select({ id: lessons.id, title: lessons.title }).from(lessons).where(inArray(lessons.id, lessonIds))
        ).map((l) => [l.id, l.title]),
  );
  const articleLabels = new Map(
    (await articleHeadings(db, articleIds)).map((a) => [a.id, `📄 Đọc Điều ${a.number} ${a.document}`]),
  );
  const survey = surveyKey ? surveyCatalog().get(surveyKey) : undefined;

  return messages.map((message, i) => {
    const options: ReplyOption[] = [];
    if (message.lessonId && lessonTitles.has(message.lessonId)) {
      options.push({
        label: optionLabel(`📖 Đọc bài: ${lessonTitles.get(message.lessonId)}`),
        value: commandValues.lesson(message.lessonId),
      });
    }
    if (message.articleId && articleLabels.has(message.articleId)) {
      options.push({
        label: optionLabel(articleLabels.get(message.articleId)!),
        value: commandValues.article(message.articleId),
      });
    }
    const last = i === messages.length - 1;
    let text = message.text;
    if (last && survey) {
      options.push({
        label: optionLabel(`📝 Tham gia khảo sát: ${survey.title}`),
        value: surveyValues.start(survey.key),
      });
    }
    if (last) text = `${text}\n\n${UNSUBSCRIBE_HINT}`;
    return options.length > 0 ? { text, options } : { text };
  });
}
