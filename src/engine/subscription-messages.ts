// Every sentence of the subscription dialogue, in Vietnamese, in one place. The consent texts are stored word for
// word with each subscription (consent_records.text), so a change of wording here is a new consent version.

export const subscriptionMessages = {
  menuEntry: "🔔 Đăng ký nhận tin",
  consent: [
    "Đăng ký nhận tin pháp luật từ cơ quan Tư pháp",
    "",
    "• Bạn sẽ nhận: tin phổ biến pháp luật, bài phổ biến mới và lời mời tham gia khảo sát của cơ quan Tư pháp, " +
      "gửi vào cuộc trò chuyện này.",
    "• Bao lâu một lần: thường vài tin mỗi tháng, nhiều hơn trong dịp Ngày Pháp luật (1–9/11); " +
      "chỉ gửi từ 7 giờ đến 21 giờ.",
    "• Thông tin được lưu: tài khoản trò chuyện của bạn trên kênh này, các lĩnh vực bạn chọn và xã, phường nếu " +
      "bạn cho biết. Chúng chỉ dùng để gửi tin cho bạn, không chuyển cho ai khác.",
    "• Đơn vị chịu trách nhiệm: cơ quan Tư pháp (Sở Tư pháp, UBND xã, phường) quản lý dịch vụ Loa.",
    '• Bạn có thể dừng bất cứ lúc nào: gõ "dừng". Gõ "rút đồng ý" để rút lại mọi đồng ý, hoặc "xóa dữ liệu" ' +
      "để xóa dữ liệu của bạn.",
    "",
    "Bạn có đồng ý đăng ký không?",
  ].join("\n"),
  agree: "✅ Đồng ý",
  disagree: "Không đồng ý",
  consentPrompt: 'Bạn hãy chọn "Đồng ý" để đăng ký nhận tin, hoặc "Không đồng ý".',
  declined: 'Bạn chưa đăng ký nhận tin. Khi nào cần, bạn chọn lại mục "Đăng ký nhận tin".',
  subscribed: "Bạn đã đăng ký nhận tin pháp luật. Cảm ơn bạn!",
  topicsPrompt: [
    "Bạn có muốn nhận thêm tin theo lĩnh vực pháp luật không? Chọn lĩnh vực bạn quan tâm, mỗi lần một lĩnh vực; " +
      "tin theo lĩnh vực cũng chỉ dùng để gửi cho bạn, với cùng tần suất và khung giờ như trên, " +
      'và bạn có thể dừng bất cứ lúc nào bằng cách gõ "dừng".',
    'Chọn "Xong" khi đã đủ; không chọn lĩnh vực nào cũng được.',
  ].join("\n"),
  topicConsent: (prompt: string, topic: string) => `${prompt}\n\nLĩnh vực đã chọn: ${topic}`,
  topicAdded: (topic: string) => `Đã đăng ký thêm lĩnh vực "${topic}".`,
  allTopicsTaken: "Bạn đã đăng ký nhận tin của mọi lĩnh vực.",
  done: "✔ Xong",
  skip: "Bỏ qua",
  unitPrompt: [
    "Bạn ở xã, phường nào? Cho Loa biết để nhận tin của địa phương mình và để câu hỏi gửi cán bộ tư pháp " +
      "đến đúng nơi.",
    'Gõ tên xã, phường, kèm tên tỉnh nếu có (ví dụ: "phường Ba Đình, Hà Nội"); tên cũ trước khi sáp nhập năm 2025 ' +
      "cũng được.",
  ].join("\n"),
  unitCurrent: (unit: string) => `Xã, phường của bạn hiện là: ${unit}. Gõ tên nơi khác nếu bạn muốn đổi.`,
  unitSkipNote: 'Nếu không muốn cho biết, chọn "Bỏ qua".',
  unitPick: "Có nhiều nơi trùng tên này. Bạn ở nơi nào? (Bạn cũng có thể gõ tên tỉnh.)",
  unitNotFound: (name: string) =>
    `Loa chưa tìm thấy xã, phường nào tên "${name}". Bạn hãy gõ lại, kèm tên tỉnh, ví dụ: "xã Yên Định, Bắc Ninh".`,
  unitTooShort: "Bạn hãy gõ tên xã, phường (ít nhất 2 chữ cái).",
  unitTooLong: 'Tên dài quá. Bạn hãy gõ ngắn gọn tên xã, phường và tỉnh, ví dụ: "phường Ba Đình, Hà Nội".',
  unitSaved: (unit: string) =>
    `Đã lưu xã, phường của bạn: ${unit}. Muốn đổi, bạn gõ "xã/phường của tôi" bất cứ lúc nào.`,
  unitSkipped: 'Bạn có thể cho Loa biết xã, phường của mình sau, bằng cách gõ "xã/phường của tôi".',
  finished: 'Loa sẽ gửi tin cho bạn tại đây. Xem lại đăng ký: gõ "tin đã đăng ký". Dừng nhận tin: gõ "dừng".',
  listTitle: "Bạn đang nhận:",
  news: "Tin pháp luật chung",
  topicLine: (name: string) => `Lĩnh vực: ${name}`,
  listUnit: (unit: string | null) => `Xã, phường của bạn: ${unit ?? "chưa cho biết"}.`,
  listFooter: 'Gõ "dừng" bất cứ lúc nào để ngừng nhận mọi tin.',
  notSubscribed: "Bạn chưa đăng ký nhận tin nào.",
  wasOptedOut: "Trước đây bạn đã dừng nhận tin; Loa không gửi tin nào cho bạn.",
  addTopics: "➕ Nhận thêm lĩnh vực",
  changeUnit: "📍 Xã/phường của tôi",
  cancel: "🔕 Hủy nhận tin",
  cancelPrompt: "Bạn muốn bỏ lĩnh vực nào, hay hủy tất cả?",
  cancelTopic: (name: string) => `Bỏ lĩnh vực ${name}`,
  cancelAll: "Hủy tất cả (dừng nhận tin)",
  topicCancelled: (name: string) => `Đã bỏ lĩnh vực "${name}". Bạn vẫn nhận các tin còn lại.`,
  optedOut: (count: number) =>
    [
      count > 0
        ? `Bạn đã dừng nhận tin: ${count} mục đăng ký đã được hủy và Loa sẽ không gửi tin nào cho bạn nữa.`
        : "Đã ghi nhận: Loa sẽ không gửi tin nào cho bạn.",
      'Bạn vẫn hỏi đáp, tra cứu pháp luật như thường. Muốn nhận tin lại, gõ "Đăng ký nhận tin".',
    ].join("\n"),
  surveyStopped: "Khảo sát đã dừng; các câu đã trả lời vẫn được giữ.",
} as const;
