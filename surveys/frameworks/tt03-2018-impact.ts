// Thông tư 03/2018/TT-BTP, Điều 8: "hiệu quả tác động của công tác PBGDPL đối với xã hội" (20 of the 100 points), the
// group measured by surveys. It assesses provinces (and ministries) every two years. Only the self-learning
// indicator's maximum and its two upper bands were read in a source; everything else is marked unconfirmed (see
// shared/data/scoring-criteria-notes.md for the sources).
import type { FrameworkInput } from "./schema";

const ARTICLE_8 =
  "https://nganhangphapluat.thukyluat.vn/tu-van-phap-luat/giao-duc/" +
  "nhom-tieu-chi-danh-gia-hieu-qua-tac-dong-cua-cong-tac-pho-bien-giao-251811";
const STRUCTURE =
  "https://kiemsat.vn/tu-01-7-2018-co-tieu-chi-danh-gia-hieu-qua-cong-tac-pho-bien-giao-duc-phap-luat-49759.html";
const INDICATORS = "https://pbgdpl.moj.gov.vn/qt/tintuc/Pages/hoat-dong-pgbdpldp.aspx?ItemID=2261";

const INFERRED_MAX = {
  value: 4,
  confirmed: false,
  note: "Suy luận: 20 điểm của nhóm chia cho 5 chỉ tiêu; nguồn đọc được chỉ nêu 04 điểm cho chỉ tiêu tự học tập.",
} as const;
const NO_BANDS =
  "Thang điểm (mức tỷ lệ → điểm) của chỉ tiêu này chưa đọc được trong văn bản chính thức: chưa tính điểm.";

export const tt032018Impact: FrameworkInput = {
  key: "tt03_2018_impact",
  name: "Hiệu quả tác động của công tác phổ biến, giáo dục pháp luật đối với xã hội (Thông tư 03/2018/TT-BTP, Điều 8)",
  description:
    "Bốn chỉ tiêu đo bằng khảo sát của nhóm tiêu chí Điều 8 (tối đa 20 điểm); chỉ tiêu thứ năm (vi phạm pháp luật do " +
    "không hiểu biết pháp luật giảm) lấy từ số liệu thống kê, không từ khảo sát.",
  legalBasis: {
    document: "Thông tư 03/2018/TT-BTP ngày 10/3/2018 của Bộ trưởng Bộ Tư pháp (hiệu lực từ 01/7/2018)",
    articles: "Điều 8, Điều 10",
    confirmed: true,
    source: STRUCTURE,
  },
  unitLevel: "province",
  period: {
    years: 2,
    endsInYear: 2018,
    confirmed: false,
    note:
      "Điều 10: đánh giá định kỳ 02 năm một lần, số liệu chốt ngày 31/12 của năm thứ hai, kỳ đầu chốt 31/12/2018 (đã " +
      "xác nhận); kỳ bắt đầu từ 01/01 của năm thứ nhất là suy luận.",
  },
  minimumSample: {
    value: 100,
    confirmed: false,
    note:
      "Không thấy quy định cỡ mẫu trong phần văn bản đọc được. 100 phiếu mỗi tỉnh là ngưỡng do hệ thống " +
      "chọn: với 100 phiếu, khoảng tin cậy 95% rộng khoảng ±10 điểm phần trăm.",
  },
  maxPoints: { value: 20, confirmed: true, source: STRUCTURE },
  indicators: [
    {
      key: "self_learning",
      kind: "share",
      label: "Mức độ người dân, cán bộ, công chức, viên chức, người lao động tự học tập, chủ động tìm hiểu pháp luật",
      sources: [{ survey: "pbgdpl_satisfaction", question: "self_learning" }],
      denominator: "respondents",
      maxPoints: { value: 4, confirmed: true, source: ARTICLE_8 },
      bands: [
        { atLeast: 85, points: 4, confirmed: true, source: ARTICLE_8 },
        { atLeast: 70, below: 85, points: 3, confirmed: true, source: ARTICLE_8 },
      ],
      note: "Các mức dưới 70% chưa đọc được (nguồn bị cắt): tỷ lệ dưới 70% chưa tính được điểm.",
    },
    {
      key: "knows",
      kind: "share",
      label: "Mức độ người dân, cán bộ, công chức, viên chức, người lao động biết pháp luật",
      sources: [{ survey: "pbgdpl_satisfaction", question: "knows_law" }],
      denominator: "respondents",
      maxPoints: INFERRED_MAX,
      note: `${NO_BANDS} Nguồn tên chỉ tiêu: ${INDICATORS}`,
    },
    {
      key: "understands",
      kind: "share",
      label: "Mức độ người dân, cán bộ, công chức, viên chức, người lao động hiểu pháp luật",
      // Asked only of those who know the rules; one who does not know them does not understand them either.
      sources: [{ survey: "pbgdpl_satisfaction", question: "understands_law" }],
      denominator: "respondents",
      maxPoints: INFERRED_MAX,
      note: `${NO_BANDS} Người không biết quy định (không được hỏi câu này) tính là chưa hiểu.`,
    },
    {
      key: "satisfied",
      kind: "share",
      label:
        "Mức độ người dân, cán bộ, công chức, viên chức, người lao động hài lòng về chất lượng hoạt động phổ biến, " +
        "giáo dục pháp luật",
      sources: [{ survey: "pbgdpl_satisfaction", question: "satisfaction" }],
      denominator: "respondents",
      maxPoints: INFERRED_MAX,
      note: `${NO_BANDS} Hài lòng: "Hài lòng" hoặc "Rất hài lòng".`,
    },
  ],
};
