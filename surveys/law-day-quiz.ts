// The Law Day awareness quiz: ten questions on the Constitution and everyday law. Each answer is followed by its
// explanation and the article it comes from, so people learn while being measured (knows_law indicator).
import type { SurveyInput } from "./schema";

export const lawDayQuiz: SurveyInput = {
  key: "law_day_quiz",
  version: 3,
  title: "Tìm hiểu pháp luật hưởng ứng Ngày Pháp luật Việt Nam 9/11",
  purpose:
    "Đo mức độ hiểu biết pháp luật của người dân để đánh giá hiệu quả phổ biến pháp luật; kết quả chỉ dùng dưới dạng " +
    "thống kê.",
  collects: ["câu trả lời cho các câu hỏi tìm hiểu pháp luật"],
  intro:
    "Cuộc thi gồm các câu hỏi trắc nghiệm. Sau mỗi câu, bạn sẽ biết đáp án đúng và điều luật quy định. " +
    "Chúc bạn thành công!",
  minors: "anonymous",
  outro: "Bạn đã hoàn thành cuộc thi. Cảm ơn bạn đã hưởng ứng Ngày Pháp luật Việt Nam!",
  questions: [
    {
      id: "q1_marriage_age",
      type: "quiz",
      text: "Theo Luật Hôn nhân và gia đình, nam, nữ được kết hôn từ độ tuổi nào?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "Nam đủ 18, nữ đủ 18" },
        { code: "b", label: "Nam đủ 20, nữ đủ 18" },
        { code: "c", label: "Nam đủ 21, nữ đủ 19" },
      ],
      correct: ["b"],
      explanation:
        "Nam từ đủ 20 tuổi trở lên (tính từ ngày sinh nhật lần thứ 20), nữ từ đủ 18 tuổi trở lên " +
        "(tính từ ngày sinh nhật lần thứ 18) mới đủ tuổi kết hôn.",
      citation: { document: "Luật Hôn nhân và gia đình", article: "8" },
    },
    {
      id: "q2_temporary_residence",
      type: "quiz",
      text:
        "Đến sống ở nơi khác (ngoài xã, phường đã đăng ký thường trú) để làm việc, học tập từ bao nhiêu ngày trở " +
        "lên thì phải đăng ký tạm trú?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "7 ngày" },
        { code: "b", label: "15 ngày" },
        { code: "c", label: "30 ngày" },
      ],
      correct: ["c"],
      explanation:
        "Công dân đến sinh sống tại chỗ ở hợp pháp ngoài xã, phường nơi thường trú từ 30 ngày trở lên phải đăng ký " +
        "tạm trú.",
      citation: { document: "Luật Cư trú", article: "27" },
    },
    {
      id: "q3_temporary_term",
      type: "quiz",
      text: "Thời hạn tạm trú tối đa mỗi lần đăng ký là bao lâu?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "1 năm" },
        { code: "b", label: "2 năm, có thể gia hạn nhiều lần" },
        { code: "c", label: "5 năm, không được gia hạn" },
      ],
      correct: ["b"],
      explanation: "Thời hạn tạm trú tối đa là 2 năm và có thể tiếp tục gia hạn nhiều lần.",
      citation: { document: "Luật Cư trú", article: "27" },
    },
    {
      id: "q4_equality",
      type: "quiz",
      text: "Hiến pháp năm 2013 quy định: mọi người đều … trước pháp luật. Từ còn thiếu là gì?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "bình đẳng" },
        { code: "b", label: "tự do" },
        { code: "c", label: "có trách nhiệm" },
      ],
      correct: ["a"],
      explanation:
        "Mọi người đều bình đẳng trước pháp luật; không ai bị phân biệt đối xử trong đời sống chính trị, dân sự, " +
        "kinh tế, văn hóa, xã hội.",
      citation: { document: "Hiến pháp", article: "16" },
    },
    {
      id: "q5_vote",
      type: "quiz",
      text: "Công dân đủ bao nhiêu tuổi thì có quyền bầu cử đại biểu Quốc hội, Hội đồng nhân dân?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "16 tuổi" },
        { code: "b", label: "18 tuổi" },
        { code: "c", label: "21 tuổi" },
      ],
      correct: ["b"],
      explanation:
        "Công dân đủ 18 tuổi trở lên có quyền bầu cử và đủ 21 tuổi trở lên có quyền ứng cử vào Quốc hội, Hội đồng " +
        "nhân dân.",
      citation: { document: "Hiến pháp", article: "27" },
    },
    {
      id: "q6_adult",
      type: "quiz",
      text: "Theo Bộ luật Dân sự, người thành niên là người từ đủ bao nhiêu tuổi?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "16 tuổi" },
        { code: "b", label: "18 tuổi" },
        { code: "c", label: "20 tuổi" },
      ],
      correct: ["b"],
      explanation: "Người thành niên là người từ đủ mười tám tuổi trở lên.",
      citation: { document: "Bộ luật dân sự", article: "20" },
    },
    {
      id: "q7_youth",
      type: "quiz",
      text: "Theo Luật Thanh niên, thanh niên là công dân Việt Nam trong độ tuổi nào?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "Từ đủ 16 đến 30 tuổi" },
        { code: "b", label: "Từ đủ 18 đến 35 tuổi" },
        { code: "c", label: "Từ đủ 15 đến 25 tuổi" },
      ],
      correct: ["a"],
      explanation: "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.",
      citation: { document: "Luật Thanh niên", article: "1" },
    },
    {
      id: "q8_compulsory_education",
      type: "quiz",
      text: "Theo Luật Giáo dục năm 2019, cấp học nào là giáo dục bắt buộc?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "Giáo dục mầm non" },
        { code: "b", label: "Giáo dục tiểu học" },
        { code: "c", label: "Giáo dục trung học phổ thông" },
      ],
      correct: ["b"],
      explanation:
        "Giáo dục tiểu học là giáo dục bắt buộc; Nhà nước phổ cập giáo dục mầm non cho trẻ 5 tuổi và phổ cập trung " +
        "học cơ sở.",
      citation: { document: "Luật Giáo dục", article: "14" },
    },
    {
      id: "q9_will",
      type: "quiz",
      text: "Người từ đủ 15 đến chưa đủ 18 tuổi có được lập di chúc không?",
      indicator: "knows_law",
      options: [
        { code: "a", label: "Không được" },
        { code: "b", label: "Được, nếu cha, mẹ hoặc người giám hộ đồng ý" },
        { code: "c", label: "Được, không cần ai đồng ý" },
      ],
      correct: ["b"],
      explanation:
        "Người từ đủ 15 tuổi đến chưa đủ 18 tuổi được lập di chúc nếu được cha, mẹ hoặc người giám hộ đồng ý.",
      citation: { document: "Bộ luật dân sự", article: "625" },
    },
    {
      // Version 3: the question was on the 2021 drug law, replaced from 01/7/2026 by 120/2025/QH15 (not loaded in
      // Loa); it now rests on a provision in force that Loa holds.
      id: "q10_drugs",
      type: "quiz",
      text: "Theo Luật Thanh niên, thanh niên có trách nhiệm nào sau đây đối với bản thân? (có thể chọn nhiều đáp án)",
      indicator: "knows_law",
      options: [
        { code: "a", label: "Không sử dụng ma túy, chất gây nghiện mà pháp luật cấm" },
        { code: "b", label: "Không lạm dụng rượu, bia" },
        { code: "c", label: "Thử chất kích thích cho biết" },
      ],
      correct: ["a", "b"],
      explanation:
        "Thanh niên có trách nhiệm rèn luyện, bảo vệ sức khỏe: không lạm dụng rượu, bia; không sử dụng ma túy, chất " +
        "gây nghiện và chất kích thích khác mà pháp luật cấm.",
      citation: { document: "Luật Thanh niên", article: "15" },
    },
  ],
};
