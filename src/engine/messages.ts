// Every sentence the bot says, in Vietnamese, in one place: wording is reviewed here, not hunted through the code.

export const messages = {
  welcome:
    "Xin chào! Tôi là Loa, trợ lý phổ biến pháp luật của cơ quan Tư pháp. Tôi có thể giúp bạn đọc văn bản pháp luật, " +
    "đọc bài phổ biến pháp luật và tìm nhanh quy định bạn cần.",
  menuPrompt: 'Bạn muốn làm gì? Chọn một mục bên dưới, hoặc gõ điều bạn muốn tìm (ví dụ: "ly hôn", "tạm trú").',
  menu: {
    browse: "📚 Tra cứu văn bản pháp luật",
    lessons: "📖 Bài phổ biến pháp luật",
    search: "🔎 Tìm kiếm",
    help: "❓ Hướng dẫn",
  },
  help: [
    "Cách dùng Loa:",
    "• Chọn các nút bên dưới tin nhắn, hoặc gõ số thứ tự của mục muốn chọn.",
    '• Gõ bất kỳ từ khóa nào để tìm quy định pháp luật, có dấu hay không dấu đều được (ví dụ: "ly hon", "đăng ký tạm trú").',
    '• Gõ "menu" hoặc "huỷ" bất cứ lúc nào để quay về danh mục chính.',
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
  documentsTitle: (topic: string) => `Các văn bản thuộc lĩnh vực "${topic}":`,
  noDocuments: "Lĩnh vực này chưa có văn bản nào.",
  articlesTitle: (document: string, total: number) => `${document} (${total} điều). Chọn điều muốn đọc:`,
  articleListButton: "📑 Danh sách điều",
  articleHeading: (number: string, title: string | null) => (title ? `Điều ${number}. ${title}` : `Điều ${number}`),
  previousArticle: (number: string) => `◀ Điều ${number}`,
  nextArticle: (number: string) => `Điều ${number} ▶`,
  sourceNote: (source: string) => `Nguồn: ${source}`,
  lessonsTitle: "Bài phổ biến pháp luật. Chọn bài muốn đọc:",
  noLessons: "Chưa có bài phổ biến nào được đăng.",
  lessonCitations: "Căn cứ pháp lý:",
  openCitation: (document: string, article: string) => `Đọc Điều ${article} ${document}`,
  searchPrompt:
    'Bạn muốn tìm quy định về vấn đề gì? Hãy gõ vài từ khóa, ví dụ: "điều kiện kết hôn", "đăng ký tạm trú".',
  searchTooShort: 'Từ khóa ngắn quá. Bạn hãy gõ ít nhất một từ có nghĩa, ví dụ: "ly hôn".',
  searchResults: (query: string, total: number) => `Kết quả tìm kiếm cho "${query}" (${total} kết quả):`,
  searchNoResults: (query: string) =>
    `Tôi chưa tìm thấy quy định nào khớp với "${query}". Bạn thử từ khóa khác, ngắn hơn, hoặc xem theo lĩnh vực.`,
  searchAgain: "🔎 Tìm từ khóa khác",
  notFound: "Nội dung này không còn nữa. Mời bạn chọn lại từ danh mục.",
  unknownChoice: (count: number) => `Không có mục số đó. Bạn hãy gõ một số từ 1 đến ${count}, hoặc chọn nút bên dưới.`,
  emptyMessage: "Tôi chưa nhận được nội dung. Bạn hãy gõ câu hỏi hoặc chọn một mục.",
} as const;
