// Satisfaction with legal dissemination activities: the four survey indicators of Thông tư 03/2018/TT-BTP art. 8
// (self-learning, knows, understands, satisfied), plus the respondent's age band, gender, commune and channel.
import type { SurveyInput } from "./schema";

export const pbgdplSatisfaction: SurveyInput = {
  key: "pbgdpl_satisfaction",
  version: 2,
  title: "Khảo sát mức độ hài lòng về hoạt động phổ biến, giáo dục pháp luật",
  purpose:
    "Đánh giá hiệu quả hoạt động phổ biến, giáo dục pháp luật tại địa phương theo tiêu chí đánh giá kết quả đầu ra " +
    "(Quyết định 979/QĐ-TTg); kết quả chỉ dùng dưới dạng thống kê.",
  collects: [
    "việc tham gia và tự tìm hiểu pháp luật",
    "mức độ biết, hiểu pháp luật",
    "mức độ hài lòng",
    "nhóm tuổi",
    "giới tính",
    "xã, phường nơi sống",
    "kênh tiếp nhận thông tin",
  ],
  intro:
    "Cảm ơn bạn đã tham gia khảo sát. Các câu hỏi đều ngắn, mất khoảng 2 phút. " +
    'Bạn có thể gõ "quay lại" để sửa câu trước, hoặc "hủy" để dừng.',
  minors: "anonymous",
  outro: "Cảm ơn bạn! Ý kiến của bạn giúp cơ quan tư pháp làm tốt hơn công tác phổ biến pháp luật.",
  questions: [
    {
      id: "heard",
      type: "yes_no_dk",
      text:
        "Trong 12 tháng qua, bạn có được nghe, đọc hoặc tham gia hoạt động phổ biến pháp luật nào của địa phương " +
        "không?",
    },
    {
      id: "channel",
      type: "multi",
      text: "Bạn biết đến các hoạt động đó qua những kênh nào? (có thể chọn nhiều)",
      showIf: { question: "heard", in: ["yes"] },
      options: [
        { code: "loudspeaker", label: "Loa truyền thanh" },
        { code: "meeting", label: "Họp tổ dân phố, thôn" },
        { code: "zalo", label: "Zalo, mạng xã hội" },
        { code: "tv_radio", label: "Truyền hình, đài phát thanh" },
        { code: "leaflet", label: "Tờ rơi, pa-nô, áp phích" },
        { code: "other", label: "Kênh khác" },
      ],
    },
    {
      id: "self_learning",
      type: "single",
      text: "Khi gặp vướng mắc liên quan đến pháp luật, bạn có chủ động tìm hiểu quy định không?",
      indicator: "self_learning",
      positive: ["often", "sometimes"],
      options: [
        { code: "often", label: "Thường xuyên tìm hiểu" },
        { code: "sometimes", label: "Thỉnh thoảng" },
        { code: "never", label: "Chưa bao giờ" },
      ],
    },
    {
      id: "knows_law",
      type: "yes_no_dk",
      text: "Bạn có biết những quy định pháp luật được phổ biến ở địa phương năm nay không?",
      indicator: "knows_law",
      positive: ["yes"],
    },
    {
      id: "understands_law",
      type: "single",
      text: "Bạn hiểu các quy định đó đến mức nào?",
      indicator: "understands_law",
      positive: ["clear", "mostly"],
      showIf: { question: "knows_law", in: ["yes"] },
      options: [
        { code: "clear", label: "Hiểu rõ, làm theo được" },
        { code: "mostly", label: "Hiểu phần lớn" },
        { code: "little", label: "Hiểu ít" },
        { code: "none", label: "Chưa hiểu" },
      ],
    },
    {
      id: "satisfaction",
      type: "likert5",
      text: "Nhìn chung, bạn hài lòng thế nào với chất lượng hoạt động phổ biến pháp luật ở địa phương?",
      indicator: "satisfaction",
      positive: ["5", "4"],
    },
    {
      id: "age_band",
      type: "single",
      text: "Bạn thuộc nhóm tuổi nào?",
      required: false,
      identifying: true,
      options: [
        { code: "16_17", label: "16–17" },
        { code: "18_30", label: "18–30" },
        { code: "31_45", label: "31–45" },
        { code: "46_60", label: "46–60" },
        { code: "o60", label: "Trên 60" },
      ],
    },
    {
      id: "gender",
      type: "single",
      text: "Giới tính của bạn?",
      required: false,
      identifying: true,
      options: [
        { code: "female", label: "Nữ" },
        { code: "male", label: "Nam" },
        { code: "other", label: "Khác / không muốn trả lời" },
      ],
    },
    {
      id: "commune",
      type: "unit",
      level: "commune",
      text: 'Bạn đang sống ở xã, phường nào? (ví dụ: "phường Ba Đình, Hà Nội"; tên cũ trước sáp nhập cũng được)',
    },
  ],
};
