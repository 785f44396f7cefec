// What a campaign says in chat: one reply per message, buttons the engine understands (lesson:, art:, survey:).
import { describe, expect, it } from "vitest";
import { CAMPAIGN_LABELS, renderCampaignReplies } from "../../src/campaigns/campaign-replies";
import { parseCommand } from "../../src/engine/commands";

describe("renderCampaignReplies", () => {
  it("gives each message its lesson and article buttons and puts the survey invitation on the last one", () => {
    const replies = renderCampaignReplies({
      messages: [
        { text: "Ngày Pháp luật Việt Nam 9/11", lessonId: 3 },
        { text: "Điều 51 về quyền yêu cầu ly hôn", articleId: 51, lessonId: 4 },
      ],
      surveyKey: "hai_long",
    });
    expect(replies).toEqual([
      { text: "Ngày Pháp luật Việt Nam 9/11", options: [{ label: CAMPAIGN_LABELS.lesson, value: "lesson:3" }] },
      {
        text: "Điều 51 về quyền yêu cầu ly hôn",
        options: [
          { label: CAMPAIGN_LABELS.lesson, value: "lesson:4" },
          { label: CAMPAIGN_LABELS.article, value: "art:51" },
          { label: CAMPAIGN_LABELS.survey, value: "survey:hai_long" },
        ],
      },
    ]);
    // The engine reads the buttons as what they open.
    expect(parseCommand("lesson:3")).toMatchObject({ kind: "lesson", lessonId: 3 });
    expect(parseCommand("art:51")).toMatchObject({ kind: "article", articleId: 51 });
    expect(parseCommand("survey:hai_long")).toMatchObject({ kind: "survey_start", key: "hai_long" });
  });

  it("sends plain text without buttons, and a survey invitation on its own when there is no message", () => {
    expect(renderCampaignReplies({ messages: [{ text: "Tin mới" }] })).toEqual([{ text: "Tin mới" }]);
    expect(renderCampaignReplies({ messages: [], surveyKey: "nhan_thuc" })).toEqual([
      { text: CAMPAIGN_LABELS.surveyOnly, options: [{ label: CAMPAIGN_LABELS.survey, value: "survey:nhan_thuc" }] },
    ]);
  });

  it("refuses stored messages it cannot send", () => {
    expect(() => renderCampaignReplies({ messages: [] })).toThrow();
    expect(() => renderCampaignReplies({ messages: [{ text: "" }] })).toThrow();
    expect(() => renderCampaignReplies({ messages: [{ text: "x", lessonId: -1 }] })).toThrow();
    expect(() => renderCampaignReplies({ messages: "Tin mới" })).toThrow();
  });
});
