// What the bot says during surveys, consent and data deletion, in Vietnamese.
import { sensitiveLabels, type SensitiveCategory } from "../../surveys/schema";

export const surveyMessages = {
  menuEntry: "📝 Khảo sát",
  listTitle: "Các khảo sát đang mở. Chọn một khảo sát để tham gia:",
  noneOpen: "Hiện chưa có khảo sát nào đang mở. Cảm ơn bạn đã quan tâm!",
  unknownSurvey: "Không có khảo sát này, hoặc khảo sát đã kết thúc.",
  consent: (input: {
    title: string;
    purpose: string;
    controller: string;
    collected: string[];
    sensitive: SensitiveCategory[];
  }) =>
    [
      `📝 ${input.title}`,
      "",
      "Trước khi bắt đầu, xin bạn đọc và cho biết có đồng ý không:",
      `• Mục đích: ${input.purpose}`,
      `• Đơn vị chịu trách nhiệm xử lý dữ liệu: ${input.controller}.`,
      `• Dữ liệu thu thập: câu trả lời của bạn (${input.collected.join("; ")}) và mã định danh tài khoản nhắn tin của bạn, chỉ để ghi nhận một phiếu cho mỗi người.`,
      ...(input.sensitive.length > 0
        ? [
            `• Khảo sát có hỏi thông tin nhạy cảm về ${input.sensitive.map((c) => sensitiveLabels[c]).join(", ")}; bạn có thể bỏ qua các câu đó.`,
          ]
        : []),
      '• Quyền của bạn: bạn có thể dừng bất cứ lúc nào (gõ "huỷ"), rút đồng ý (gõ "rút đồng ý") hoặc yêu cầu xoá dữ liệu (gõ "xoá dữ liệu"); yêu cầu được xử lý ngay.',
      "",
      "Nếu bạn không đồng ý, chúng tôi sẽ không lưu bất kỳ thông tin nào.",
    ].join("\n"),
  agree: "Đồng ý",
  disagree: "Không đồng ý",
  consentPrompt: 'Bạn hãy chọn "Đồng ý" hoặc "Không đồng ý".',
  declined: "Cảm ơn bạn đã dành thời gian. Chúng tôi không lưu thông tin nào của bạn. Chúc bạn một ngày tốt lành!",
  questionNumber: (n: number, total: number) => `Câu ${n}/${total}`,
  optional: "(không bắt buộc)",
  back: "⬅ Quay lại",
  skip: "Bỏ qua",
  stop: "Dừng khảo sát",
  reprompt: {
    choice: (accepted: string) =>
      `Câu trả lời chưa đúng dạng. Bạn hãy chọn một trong các lựa chọn: ${accepted} (gõ số thứ tự hoặc bấm nút).`,
    multi: (accepted: string) =>
      `Câu trả lời chưa đúng dạng. Bạn hãy chọn một hoặc nhiều lựa chọn, ví dụ "1, 3": ${accepted}.`,
    tooMany: (max: number) => `Bạn chỉ được chọn tối đa ${max} lựa chọn.`,
    number: (min: number, max: number) =>
      `Bạn hãy nhập một số từ ${min} đến ${max}, viết bằng chữ số (ví dụ: ${Math.round((min + max) / 2)}).`,
    text: (max: number) => `Câu trả lời dài quá. Bạn hãy viết ngắn gọn trong ${max} ký tự.`,
    emptyText: "Bạn hãy nhập câu trả lời bằng chữ.",
    unitNotFound:
      'Tôi chưa tìm thấy xã, phường nào có tên như vậy. Bạn hãy gõ lại tên (có thể kèm tên tỉnh, ví dụ: "phường Ba Đình, Hà Nội").',
    unitPick: "Có nhiều nơi trùng tên. Bạn hãy chọn đúng nơi của mình:",
  },
  tooManyMisses: {
    optional: "Nếu câu này khó trả lời, bạn có thể bỏ qua hoặc dừng khảo sát.",
    required: "Nếu chưa trả lời được, bạn có thể dừng khảo sát và quay lại sau.",
  },
  quizRight: (explanation: string, citation: string) => `✅ Chính xác! ${explanation}\n(${citation})`,
  quizWrong: (correct: string, explanation: string, citation: string) =>
    `❌ Chưa đúng. Đáp án đúng: ${correct}. ${explanation}\n(${citation})`,
  quizScore: (right: number, total: number) => `Kết quả: bạn trả lời đúng ${right}/${total} câu.`,
  stopped:
    "Đã dừng khảo sát. Các câu bạn đã trả lời vẫn được giữ; bạn có thể tiếp tục trong thời gian khảo sát còn mở.",
  expired: "Phiếu khảo sát trước của bạn đã quá hạn vì lâu không trả lời. Bạn có thể làm lại từ đầu.",
  alreadyDone: (title: string) =>
    `Bạn đã hoàn thành khảo sát "${title}" trong đợt này. Mỗi người chỉ trả lời một lần cho mỗi đợt. Đây là câu trả lời của bạn:`,
  inProgress: (title: string) => `Bạn đã bắt đầu khảo sát "${title}" nhưng chưa xong. Bạn muốn làm gì?`,
  continue: "Tiếp tục",
  review: "Xem lại câu trả lời",
  restart: "Làm lại từ đầu",
  noAnswers: "(chưa có câu trả lời nào)",
  erase: {
    withdrawn:
      "Đã ghi nhận bạn rút đồng ý. Chúng tôi đã dừng xử lý dữ liệu khảo sát của bạn. Bạn muốn xoá toàn bộ dữ liệu, hay giữ câu trả lời ở dạng ẩn danh (không còn liên kết với bạn) để phục vụ thống kê?",
    deleteAll: "Xoá toàn bộ dữ liệu",
    keepAnonymous: "Giữ câu trả lời ẩn danh",
    deleted:
      "Đã xoá toàn bộ dữ liệu của bạn (tài khoản nhắn tin, câu trả lời, đồng ý). Nếu nhắn tin lại, bạn sẽ được coi là người dùng mới.",
    deidentified: "Đã xoá thông tin cá nhân của bạn; câu trả lời được giữ ở dạng ẩn danh, không còn liên kết với bạn.",
    choose: 'Bạn hãy chọn "Xoá toàn bộ dữ liệu" hoặc "Giữ câu trả lời ẩn danh".',
  },
} as const;
