// One question after an answer from the Q&A: was it helpful? (used by the Q&A feature).
import type { SurveyInput } from "./schema";

export const answerFeedback: SurveyInput = {
  key: "answer_feedback",
  version: 2,
  title: "Câu trả lời có giúp ích cho bạn không?",
  purpose:
    "Đánh giá chất lượng câu trả lời pháp luật để cán bộ tư pháp cải thiện; kết quả chỉ dùng dưới dạng thống kê.",
  collects: ["đánh giá của bạn về câu trả lời"],
  intro: "Một câu hỏi rất ngắn về câu trả lời bạn vừa nhận.",
  minors: "anonymous",
  outro: "Cảm ơn bạn đã phản hồi!",
  questions: [
    {
      id: "helpful",
      type: "single",
      text: "Câu trả lời có giúp ích cho bạn không?",
      indicator: "helpful",
      positive: ["yes", "partly"],
      options: [
        { code: "yes", label: "Có, rất hữu ích" },
        { code: "partly", label: "Có một phần" },
        { code: "no", label: "Không" },
      ],
    },
  ],
};
