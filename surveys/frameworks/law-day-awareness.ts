// Awareness measured by the Law Day quiz, in the spirit of the output criteria of the pilot (Quyết định 1666/QĐ-BTP:
// the measured change in the target group's knowledge): the share passing, the mean score, and the change for the
// same people between a "before" and an "after" wave. The pilot's own indicators and thresholds were not read in any
// source, so the pass mark is the office's choice and no points are given.
import type { FrameworkInput } from "./schema";

export const lawDayAwareness: FrameworkInput = {
  key: "law_day_awareness",
  name: "Mức độ hiểu biết pháp luật qua cuộc thi tìm hiểu pháp luật Ngày Pháp luật Việt Nam",
  description:
    "Điểm trung bình, tỷ lệ đạt và mức thay đổi của cùng một người giữa đợt trước và đợt sau hoạt động phổ biến " +
    '(đợt có tên bắt đầu bằng "Trước" hoặc "Sau").',
  legalBasis: {
    document:
      "Quyết định 1666/QĐ-BTP ngày 09/9/2024 ban hành Tiêu chí chung đánh giá thí điểm hiệu quả công tác phổ biến, " +
      "giáo dục pháp luật (Đề án theo Quyết định 979/QĐ-TTg)",
    confirmed: false,
    note:
      "Số hiệu và ngày đã xác nhận; các chỉ số đầu ra dựa trên khảo sát, ngưỡng và điểm của văn bản chưa đọc được. " +
      "Bộ chỉ số này là cách đo của hệ thống, không phải nội dung văn bản.",
  },
  unitLevel: "commune",
  period: {
    years: 1,
    endsInYear: 2026,
    confirmed: false,
    note: "Theo năm dương lịch, như các kỳ đánh giá phổ biến pháp luật hằng năm; do hệ thống chọn.",
  },
  minimumSample: {
    value: 30,
    confirmed: false,
    note: "Ngưỡng thống kê do hệ thống chọn; không thấy quy định về cỡ mẫu trong phần văn bản đọc được.",
  },
  indicators: [
    {
      key: "quiz_pass",
      kind: "quiz",
      label: "Tỷ lệ người tham gia trả lời đúng từ một nửa số câu trở lên",
      survey: "law_day_quiz",
      passPercent: {
        value: 50,
        confirmed: false,
        note: "Ngưỡng đạt do cơ quan chọn; không thấy quy định trong phần văn bản đọc được.",
      },
    },
  ],
};
