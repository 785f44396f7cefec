// What the bot says during surveys, consent and data deletion, in Vietnamese.
import { sensitiveLabels, type SensitiveCategory } from "../../surveys/schema";

export const surveyMessages = {
  menuEntry: "📝 Khảo sát",
  listTitle: "Các khảo sát đang mở. Chọn một khảo sát để tham gia:",
  noneOpen: "Hiện chưa có khảo sát nào đang mở. Cảm ơn bạn đã quan tâm!",
  unknownSurvey: "Không có khảo sát này, hoặc khảo sát đã kết thúc.",
  age: {
    question: (title: string) =>
      `📝 ${title}\n\nTrước khi bắt đầu, bạn cho biết bạn thuộc nhóm tuổi nào? ` +
      "(Dữ liệu của trẻ em dưới 16 tuổi được bảo vệ riêng theo Luật Bảo vệ dữ liệu cá nhân.)",
    minor: "Dưới 16 tuổi",
    adult: "Từ 16 tuổi trở lên",
    prompt: 'Bạn hãy chọn "Dưới 16 tuổi" hoặc "Từ 16 tuổi trở lên".',
    excluded:
      "Khảo sát này chỉ dành cho người từ 16 tuổi trở lên. Cảm ơn bạn đã quan tâm! " +
      "Bạn vẫn có thể đọc văn bản pháp luật và bài phổ biến pháp luật trong menu.",
  },
  consent: (input: {
    title: string;
    purpose: string;
    controller: string;
    collected: string[];
    sensitive: SensitiveCategory[];
    anonymous: boolean;
  }) =>
    [
      `📝 ${input.title}`,
      "",
      "Trước khi bắt đầu, xin bạn đọc và cho biết có đồng ý không:",
      `• Mục đích: ${input.purpose}`,
      `• Đơn vị chịu trách nhiệm xử lý dữ liệu: ${input.controller}.`,
      input.anonymous
        ? "• Vì bạn dưới 16 tuổi, bạn trả lời ẩn danh: chúng tôi không hỏi nơi ở hay thông tin nào cho biết bạn là " +
          "ai, " +
          "và không lưu tài khoản nhắn tin của bạn cùng câu trả lời. Bạn nên hỏi ý kiến cha mẹ hoặc người giám hộ " +
          "trước khi tham gia."
        : `• Dữ liệu thu thập: câu trả lời của bạn (${input.collected.join("; ")}) và mã định danh tài khoản ` +
          "nhắn tin của bạn, chỉ để ghi nhận một phiếu cho mỗi người.",
      ...(input.sensitive.length > 0
        ? [
            "• Khảo sát có hỏi thông tin nhạy cảm về " +
              `${input.sensitive.map((c) => sensitiveLabels[c]).join(", ")}; bạn có thể bỏ qua các câu đó.`,
          ]
        : []),
      '• Quyền của bạn: bạn có thể dừng bất cứ lúc nào (gõ "hủy"), rút đồng ý (gõ "rút đồng ý") hoặc yêu cầu ' +
        'xóa dữ liệu (gõ "xóa dữ liệu"); yêu cầu được xử lý ngay.',
      "",
      "Nếu bạn không đồng ý, chúng tôi sẽ không lưu bất kỳ thông tin nào.",
    ].join("\n"),
  agree: "Đồng ý",
  disagree: "Không đồng ý",
  consentPrompt: 'Bạn hãy chọn "Đồng ý" hoặc "Không đồng ý".',
  declined: "Cảm ơn bạn đã dành thời gian. Chúng tôi không lưu thông tin nào của bạn. Chúc bạn một ngày tốt lành!",
  questionNumber: (n: number, total: number | null) => (total === null ? `Câu ${n}` : `Câu ${n}/${total}`),
  done: "✔ Xong",
  formerly: (names: string) => `trước đây: ${names}`,
  multiHint: '(Chọn một hoặc nhiều rồi bấm "Xong"; hoặc gõ các số cách nhau bởi dấu phẩy, ví dụ: 1, 3)',
  numberHint: (min: number, max: number) => `(Nhập số từ ${min} đến ${max})`,
  previousAnswer: (answer: string) => `Câu trả lời trước của bạn: ${answer}`,
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
      'Tôi chưa tìm thấy xã, phường nào có tên như vậy. Bạn hãy gõ lại tên (có thể kèm tên tỉnh, ví dụ: "phường Ba ' +
      'Đình, Hà Nội").',
    unitPick: "Có nhiều nơi trùng tên. Bạn hãy chọn đúng nơi của mình:",
    unitTooLong: 'Tên dài quá. Bạn hãy gõ tên xã/phường, ví dụ: "phường Ba Đình, Hà Nội" hoặc "xã Yên Định".',
    nonePicked: 'Bạn chưa chọn lựa chọn nào. Hãy bấm vào một hoặc nhiều lựa chọn rồi bấm "Xong".',
    final: "Đáp án các câu đố đã được công bố nên câu trả lời không sửa được nữa. Mời bạn trả lời câu này:",
  },
  tooManyMisses: {
    optional: "Nếu câu này khó trả lời, bạn có thể bỏ qua hoặc dừng khảo sát.",
    required: "Nếu chưa trả lời được, bạn có thể dừng khảo sát và quay lại sau.",
  },
  quizRight: (question: string, explanation: string, citation: string) =>
    `${question}: ✅ Chính xác! ${explanation}\n(${citation})`,
  quizWrong: (question: string, correct: string, explanation: string, citation: string) =>
    `${question}: ❌ Chưa đúng. Đáp án đúng: ${correct}. ${explanation}\n(${citation})`,
  quizScore: (right: number, total: number) => `Kết quả: bạn trả lời đúng ${right}/${total} câu.`,
  stopped:
    "Đã dừng khảo sát. Các câu bạn đã trả lời vẫn được giữ; bạn có thể tiếp tục trong thời gian khảo sát còn mở.",
  expired: "Phiếu khảo sát trước của bạn đã quá hạn vì lâu không trả lời. Bạn có thể làm lại từ đầu.",
  alreadyDone: (title: string) =>
    `Bạn đã hoàn thành khảo sát "${title}" trong đợt này. ` +
    "Mỗi người chỉ trả lời một lần cho mỗi đợt. Đây là câu trả lời của bạn:",
  inProgress: (title: string) => `Bạn đã bắt đầu khảo sát "${title}" nhưng chưa xong. Bạn muốn làm gì?`,
  continue: "Tiếp tục",
  review: "Xem lại câu trả lời",
  restart: "Làm lại từ đầu",
  noAnswers: "(chưa có câu trả lời nào)",
  erase: {
    withdrawn:
      "Đã ghi nhận bạn rút đồng ý. Chúng tôi đã dừng xử lý dữ liệu khảo sát của bạn. Bạn muốn xóa toàn bộ " +
      "dữ liệu, hay giữ câu trả lời ở dạng ẩn danh (không còn liên kết với bạn) để phục vụ thống kê?",
    deleteAll: "Xóa toàn bộ dữ liệu",
    keepAnonymous: "Giữ câu trả lời ẩn danh",
    deleted:
      "Đã xóa toàn bộ dữ liệu của bạn (tài khoản nhắn tin, câu trả lời, đồng ý). " +
      "Nếu nhắn tin lại, bạn sẽ được coi là người dùng mới.",
    deidentified: "Đã xóa thông tin cá nhân của bạn; câu trả lời được giữ ở dạng ẩn danh, không còn liên kết với bạn.",
    choose: 'Bạn hãy chọn "Xóa toàn bộ dữ liệu" hoặc "Giữ câu trả lời ẩn danh".',
  },
} as const;
