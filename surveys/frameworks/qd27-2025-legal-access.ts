// Citizens' satisfaction with their commune's legal-access work, for the commune "legal-access standard" of Quyết định
// 27/2025/QĐ-TTg. The decision's criteria 2–3, its points and its passing rule, and the Ministry of Justice's guidance
// (number and bands), were not read in any source: the indicators are computed, but no band is confirmed, so none
// scores points until an office fills them in from the official text.
import type { FrameworkInput } from "./schema";

const DECISION =
  "https://thuviennhadat.vn/van-ban-phap-luat-viet-nam/" +
  "quyet-dinh-27-2025-qd-ttg-quy-dinh-xa-phuong-dac-khu-dat-chuan-tiep-can-phap-luat-668221.html";
const NO_BANDS =
  "Chỉ số và thang điểm theo hướng dẫn của Bộ Tư pháp chưa được xác nhận từ văn bản chính thức: chưa tính điểm.";

export const qd272025LegalAccess: FrameworkInput = {
  key: "qd27_2025_legal_access",
  name: "Sự hài lòng của người dân về tiếp cận pháp luật ở xã, phường, đặc khu (Quyết định 27/2025/QĐ-TTg)",
  description:
    "Tỷ lệ người dân hài lòng với việc cung cấp thông tin pháp luật, với việc giải quyết thủ tục, và biết về " +
    "hoà giải ở cơ sở, theo từng xã, phường, đặc khu.",
  legalBasis: {
    document:
      "Quyết định 27/2025/QĐ-TTg ngày 04/8/2025 của Thủ tướng Chính phủ quy định về xã, phường, đặc khu đạt chuẩn " +
      "tiếp cận pháp luật",
    confirmed: false,
    note:
      "Số hiệu và ngày ban hành đã xác nhận; nội dung tiêu chí 2–3, điểm, điều kiện đạt chuẩn và văn bản hướng dẫn " +
      "của Bộ Tư pháp chưa đọc được.",
    source: DECISION,
  },
  unitLevel: "commune",
  period: {
    years: 1,
    endsInYear: 2025,
    confirmed: false,
    note:
      "Theo năm dương lịch (01/01–31/12) như chế độ trước (Quyết định 25/2021/QĐ-TTg); với Quyết định 27/2025 chưa " +
      "xác nhận.",
  },
  minimumSample: {
    value: 30,
    confirmed: false,
    note:
      "Không thấy quy định cỡ mẫu trong phần văn bản đọc được. 30 phiếu mỗi xã là ngưỡng do hệ thống chọn: " +
      "dưới mức đó khoảng tin cậy 95% rộng hơn ±18 điểm phần trăm.",
  },
  indicators: [
    {
      key: "info_access",
      kind: "share",
      label: "Tỷ lệ người dân hài lòng với việc công khai, cung cấp thông tin pháp luật của xã, phường",
      sources: [{ survey: "legal_access_satisfaction", question: "info_access" }],
      denominator: "respondents",
      note: NO_BANDS,
    },
    {
      key: "procedure_satisfaction",
      kind: "share",
      label: "Tỷ lệ người dân hài lòng về thái độ, hướng dẫn của cán bộ khi giải quyết thủ tục hành chính",
      // Only people who went through a procedure are asked: the others say nothing about it.
      sources: [{ survey: "legal_access_satisfaction", question: "procedure_satisfaction" }],
      denominator: "shown",
      note: NO_BANDS,
    },
    {
      key: "mediation_awareness",
      kind: "share",
      label: "Tỷ lệ người dân biết có thể nhờ tổ hoà giải ở cơ sở giúp đỡ",
      sources: [{ survey: "legal_access_satisfaction", question: "mediation" }],
      denominator: "respondents",
      note: NO_BANDS,
    },
  ],
};
