// Every sentence the bot says, in Vietnamese, in one place: wording is reviewed here, not hunted through the code.

export const messages = {
  welcome:
    "Xin chào! Tôi là Loa, trợ lý phổ biến pháp luật của cơ quan Tư pháp. Tôi có thể giúp bạn đọc văn bản pháp luật, " +
    "đọc bài phổ biến pháp luật và tìm nhanh quy định bạn cần.",
  menuPrompt:
    "Bạn muốn làm gì? Chọn một mục bên dưới, hoặc gõ câu hỏi pháp luật của bạn " +
    '(ví dụ: "ly hôn cần thủ tục gì?", "đăng ký tạm trú ở đâu?").',
  menu: {
    browse: "📚 Tra cứu văn bản pháp luật",
    lessons: "📖 Bài phổ biến pháp luật",
    search: "🔎 Tìm kiếm",
    help: "❓ Hướng dẫn",
  },
  help: [
    "Cách dùng Loa:",
    "• Chọn các nút bên dưới tin nhắn, hoặc gõ số thứ tự của mục muốn chọn.",
    '• Gõ câu hỏi bằng lời của bạn, có dấu hay không dấu đều được (ví dụ: "ly hon can thu tuc gi"): Loa chỉ ra các ' +
      'điều luật liên quan. Chưa rõ thì chọn "Hỏi cán bộ tư pháp" để cán bộ trả lời.',
    '• Muốn tìm theo từ khóa, chọn "Tìm kiếm".',
    '• Gõ "menu" hoặc "hủy" bất cứ lúc nào để quay về danh mục chính.',
    '• Gõ "đăng ký nhận tin" để nhận tin pháp luật, "tin đã đăng ký" để xem lại, "dừng" để ngừng nhận mọi tin; ' +
      '"xã/phường của tôi" để cho biết nơi bạn ở.',
    '• Đang đọc một luật, gõ "điều 51" để mở ngay điều 51; ở bất cứ đâu, gõ "điều 51 luật hôn nhân".',
    "",
    "Nội dung văn bản chỉ để tham khảo; khi cần giải quyết việc cụ thể, bạn hãy liên hệ cán bộ tư pháp xã, phường.",
  ].join("\n"),
  back: "⬅ Quay lại",
  home: "🏠 Menu chính",
  nextPage: "Trang sau ▶",
  previousPage: "◀ Trang trước",
  pageOf: (page: number, pageCount: number) => `(trang ${page}/${pageCount})`,
  topicsTitle: "Chọn lĩnh vực pháp luật:",
  noTopics: "Chưa có lĩnh vực nào được đăng.",
  documentsTitle: (topic: string, pageNote: string) => `Các văn bản thuộc lĩnh vực "${topic}"${pageNote}:`,
  noDocuments: "Lĩnh vực này chưa có văn bản nào.",
  articlesTitle: (document: string, total: number, pageNote: string) =>
    `${document} (${total} điều). Chọn điều muốn đọc${pageNote}:`,
  articleListButton: "📑 Danh sách điều",
  articleHeading: (number: string, title: string | null) => (title ? `Điều ${number}. ${title}` : `Điều ${number}`),
  previousArticle: (number: string) => `◀ Điều ${number}`,
  nextArticle: (number: string) => `Điều ${number} ▶`,
  sourceNote: (source: string) => `Nguồn: ${source}`,
  lessonsTitle: (pageNote: string) => `Bài phổ biến pháp luật. Chọn bài muốn đọc${pageNote}:`,
  noLessons: "Chưa có bài phổ biến nào được đăng.",
  lessonCitations: "Căn cứ pháp lý:",
  openCitation: (document: string, article: string) => `Đọc Điều ${article} ${document}`,
  /** The button from a replaced statute to the one that replaced it. */
  openReplacement: (citation: string) => `📘 Đọc văn bản thay thế: ${citation}`,
  searchPrompt:
    'Bạn muốn tìm quy định về vấn đề gì? Hãy gõ vài từ khóa, ví dụ: "điều kiện kết hôn", "đăng ký tạm trú".',
  searchTooShort: 'Từ khóa ngắn quá. Bạn hãy gõ ít nhất một từ có nghĩa, ví dụ: "ly hôn".',
  searchResults: (query: string, total: number, pageNote: string) =>
    `Kết quả tìm kiếm cho "${query}" (${total} kết quả)${pageNote}. Chọn mục muốn đọc:`,
  searchTooLong:
    'Nội dung tìm kiếm dài quá. Bạn hãy gõ vài từ khóa ngắn gọn, ví dụ: "điều kiện kết hôn", "đăng ký tạm trú".',
  searchNoResults: (query: string) =>
    `Tôi chưa tìm thấy quy định nào khớp với "${query}". Bạn thử từ khóa khác, ngắn hơn, hoặc xem theo lĩnh vực.`,
  searchAgain: "🔎 Tìm từ khóa khác",
  notFound: "Nội dung này không còn nữa. Mời bạn chọn lại từ danh mục.",
  unknownChoice: (count: number) => `Không có mục số đó. Bạn hãy gõ một số từ 1 đến ${count}, hoặc chọn nút bên dưới.`,
  smallTalk: {
    greeting: "Xin chào bạn! Rất vui được hỗ trợ bạn.",
    thanks: "Không có gì, rất vui được giúp bạn!",
    ok: "Vâng ạ.",
  },
  articleLookup: {
    notInDocument: (document: string, first: string, last: string) =>
      `${document} không có điều này. Văn bản có các điều từ Điều ${first} đến Điều ${last}; ` +
      "bạn hãy gõ lại số điều.",
    noDocument: (name: string) =>
      `Tôi chưa tìm thấy văn bản nào có tên "${name}". Bạn hãy gõ tên khác, ví dụ: "điều 8 luật hôn nhân".`,
    which:
      'Bạn muốn đọc điều này của văn bản nào? Hãy gõ kèm tên văn bản, ví dụ: "điều 8 luật hôn nhân", ' +
      "hoặc mở văn bản trước rồi gõ số điều.",
    tooLong: 'Bạn hãy gõ ngắn gọn số điều và tên văn bản, ví dụ: "điều 8 luật hôn nhân".',
  },
  emptyMessage: "Tôi chưa nhận được nội dung. Bạn hãy gõ câu hỏi hoặc chọn một mục.",
  qa: {
    approvedTitle: "Trả lời:",
    basis: (citations: string[]) => `Căn cứ: ${citations.join("; ")}`,
    citation: (number: string, document: string) => `Điều ${number} ${document}`,
    articlesTitle: "Các quy định liên quan đến câu hỏi của bạn:",
    articleLine: (index: number, number: string, document: string, title: string | null) =>
      `${index}. Điều ${number} ${document}${title ? ` — ${title}` : ""}`,
    readArticle: (number: string, document: string) => `📄 Đọc Điều ${number} ${document}`,
    /** Shown above the articles when none of the statutes that matched is in force today. */
    onlyOutOfForce:
      "⚠️ Các quy định tìm thấy dưới đây thuộc văn bản đã hết hiệu lực, chỉ để tham khảo; quy định hiện hành có thể " +
      "khác. Bạn nên hỏi cán bộ tư pháp để được hướng dẫn theo luật đang có hiệu lực.",
    /** Above the articles when the first one (a statute the question names) is no longer in force. */
    firstOutOfForce:
      "⚠️ Văn bản bạn hỏi đã hết hiệu lực; nội dung dưới đây chỉ để tham khảo, quy định hiện hành có thể khác.",
    /** After an article line whose statute is no longer in force. */
    outOfForceMark: "(văn bản đã hết hiệu lực)",
    reference:
      "Nội dung trên chỉ để tham khảo. Nếu chưa rõ hoặc cần giải quyết việc cụ thể, bạn có thể hỏi cán bộ tư pháp.",
    helpful: "Câu trả lời có giúp ích cho bạn không?",
    nothingFound:
      "Tôi chưa tìm thấy quy định nào phù hợp với câu hỏi của bạn. Bạn có thể gửi câu hỏi cho cán bộ tư pháp, " +
      "hoặc tra cứu văn bản theo lĩnh vực.",
    tooLong: (max: number) => `Câu hỏi dài quá. Bạn hãy viết gọn lại trong khoảng ${max} ký tự.`,
    askOfficer: "🙋 Hỏi cán bộ tư pháp",
    confirm: (unit: string, due: string, question: string) =>
      [
        `Câu hỏi của bạn sẽ được gửi đến cán bộ tư pháp của ${unit}. Cán bộ sẽ trả lời chậm nhất vào ngày ${due}.`,
        "",
        `Những gì được gửi: nội dung câu hỏi "${question}" và các điều luật Loa vừa gợi ý. Cơ quan tư pháp chỉ dùng ` +
          "chúng để trả lời bạn; câu trả lời sẽ được gửi lại vào cuộc trò chuyện này. Bạn đừng ghi số căn cước, " +
          "số điện thoại hay thông tin riêng không cần thiết cho câu hỏi.",
        "",
        "Bạn có muốn gửi không?",
      ].join("\n"),
    send: "✅ Gửi câu hỏi",
    dontSend: "Không gửi",
    sent: (unit: string, due: string) =>
      `Câu hỏi đã được gửi đến cán bộ tư pháp của ${unit}. Cán bộ sẽ trả lời chậm nhất vào ngày ${due}; ` +
      "câu trả lời sẽ được gửi vào cuộc trò chuyện này.",
    notSent: "Câu hỏi chưa được gửi. Bạn có thể hỏi tiếp hoặc chọn một mục bên dưới.",
    noQuestion: 'Bạn hãy gõ câu hỏi của mình trước, rồi chọn "Hỏi cán bộ tư pháp" nếu cần.',
    thanks: "Cảm ơn bạn đã phản hồi!",
    officerAnswer: (unit: string, question: string) =>
      `Cán bộ tư pháp của ${unit} đã trả lời câu hỏi của bạn:\n"${question}"`,
  },
} as const;
