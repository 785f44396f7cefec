// Citizens' satisfaction with their commune's legal-access work, for the commune "legal-access standard"
// evaluation (Quyết định 27/2025/QĐ-TTg; its Ministry of Justice guidance was not found in the sources read, see
// shared/data/scoring-criteria-notes.md).
import type { SurveyInput } from "./schema";

export const legalAccessSatisfaction: SurveyInput = {
  key: "legal_access_satisfaction",
  version: 2,
  title: "Khảo sát sự hài lòng về công tác tiếp cận pháp luật của xã, phường",
  purpose:
    "Phục vụ đánh giá xã, phường đạt chuẩn tiếp cận pháp luật (Quyết định 27/2025/QĐ-TTg); kết quả chỉ dùng dưới " +
    "dạng thống kê theo xã, phường.",
  collects: [
    "xã, phường được đánh giá",
    "mức độ hài lòng",
    "việc làm thủ tục tại xã, phường",
    "hiểu biết về hoà giải ở cơ sở",
    "góp ý của bạn",
  ],
  intro: "Khảo sát hỏi về việc bạn tiếp cận thông tin pháp luật, thủ tục và hoà giải ở xã, phường nơi bạn sống.",
  minors: "excluded",
  outro: "Cảm ơn bạn đã góp ý để xã, phường phục vụ người dân tốt hơn.",
  questions: [
    {
      id: "commune",
      type: "unit",
      level: "commune",
      text: "Bạn đánh giá cho xã, phường nào? (gõ tên, có dấu hoặc không dấu)",
    },
    {
      id: "info_access",
      type: "likert5",
      text:
        "Bạn hài lòng thế nào với việc xã, phường công khai, cung cấp thông tin pháp luật (bảng tin, loa, trang " +
        "Zalo, tủ sách pháp luật)?",
      indicator: "legal_access",
      positive: ["5", "4"],
    },
    {
      id: "used_procedure",
      type: "yes_no_dk",
      text: "Trong 12 tháng qua, bạn có làm thủ tục hành chính (hộ tịch, chứng thực…) tại xã, phường không?",
    },
    {
      id: "procedure_satisfaction",
      type: "likert5",
      text: "Bạn hài lòng thế nào về thái độ và hướng dẫn của cán bộ khi giải quyết thủ tục cho bạn?",
      showIf: { question: "used_procedure", in: ["yes"] },
      indicator: "satisfaction",
      positive: ["5", "4"],
    },
    {
      id: "mediation",
      type: "yes_no_dk",
      text: "Khi có mâu thuẫn nhỏ trong khu dân cư, bạn có biết có thể nhờ tổ hoà giải ở cơ sở giúp đỡ không?",
      indicator: "knows_law",
      positive: ["yes"],
    },
    {
      id: "suggestion",
      type: "text",
      maxLength: 500,
      required: false,
      text: "Bạn có góp ý gì thêm cho xã, phường không? (không bắt buộc, tối đa 500 ký tự)",
    },
  ],
};
