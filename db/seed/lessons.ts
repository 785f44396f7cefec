// Demo lessons (bài phổ biến pháp luật) for the Law Day campaign, written for citizens. Each cites the articles of
// the seeded statutes it explains, so a reader can open the text of the law itself.
import type { Citation } from "../schema/content";

export interface SeedLesson {
  slug: string;
  topic: string;
  title: string;
  summary: string;
  body: string;
  citations: Citation[];
}

export const seedLessons: SeedLesson[] = [
  {
    slug: "ngay-phap-luat-9-11",
    topic: "hien-phap-nha-nuoc",
    title: "Ngày Pháp luật Việt Nam 9/11: vì sao mỗi người dân nên hưởng ứng",
    summary: "Ngày 9 tháng 11 hằng năm là Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
    body: [
      "Ngày 9 tháng 11 hằng năm là Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam, được quy định tại Điều 8 " +
        "Luật Phổ biến, giáo dục pháp luật năm 2012. Ngày này gắn với sự kiện ngày 9/11/1946, Quốc hội khóa I thông " +
        "qua bản Hiến pháp đầu tiên của nước Việt Nam Dân chủ Cộng hòa.",
      "Ngày Pháp luật được tổ chức để tôn vinh Hiến pháp, pháp luật và giáo dục ý thức thượng tôn pháp luật cho mọi " +
        "người trong xã hội. Cao điểm hưởng ứng thường diễn ra từ ngày 1 đến ngày 9 tháng 11, với các cuộc thi tìm " +
        "hiểu pháp luật, buổi giải đáp pháp luật và đối thoại với người dân.",
      "Hiến pháp năm 2013 khẳng định: mọi người đều bình đẳng trước pháp luật; không ai bị phân biệt đối xử trong " +
        "đời sống chính trị, dân sự, kinh tế, văn hóa, xã hội (Điều 16). Hiểu pháp luật giúp mỗi người bảo vệ quyền " +
        "của mình và tôn trọng quyền của người khác.",
      "Bạn có thể hưởng ứng bằng cách: đọc một điều luật gần với cuộc sống của mình, tham gia cuộc thi tìm hiểu pháp " +
        "luật trực tuyến, và gửi câu hỏi cho cán bộ tư pháp xã/phường khi gặp vướng mắc.",
    ].join("\n\n"),
    citations: [{ document: "Hiến pháp", article: "16" }],
  },
  {
    slug: "dieu-kien-ket-hon",
    topic: "dan-su-hon-nhan-gia-dinh",
    title: "Bao nhiêu tuổi thì được kết hôn? Điều kiện kết hôn theo luật",
    summary: "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi, tự nguyện và không thuộc trường hợp cấm kết hôn.",
    body: [
      "Theo Điều 8 Luật Hôn nhân và gia đình năm 2014, nam, nữ kết hôn với nhau phải đủ các điều kiện sau:",
      '• Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên. "Từ đủ" nghĩa là đã qua ngày sinh nhật lần thứ 20 (với ' +
        "nam) hoặc lần thứ 18 (với nữ).\n• Việc kết hôn do nam và nữ tự nguyện quyết định.\n• Không bị mất năng lực " +
        "hành vi dân sự.\n• Không thuộc trường hợp cấm kết hôn: kết hôn giả tạo; tảo hôn, cưỡng ép, lừa dối hoặc cản " +
        "trở kết hôn; người đang có vợ, có chồng mà kết hôn với người khác; kết hôn giữa những người cùng dòng máu " +
        "về trực hệ hoặc có họ trong phạm vi ba đời (Điều 5).",
      "Tảo hôn là lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn. Tảo hôn ảnh hưởng đến sức " +
        "khỏe, việc học và tương lai của các em, và là hành vi bị pháp luật nghiêm cấm.",
      "Việc kết hôn phải được đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên. Nhà nước không " +
        "thừa nhận hôn nhân giữa những người cùng giới tính.",
    ].join("\n\n"),
    citations: [
      { document: "Luật Hôn nhân và gia đình", article: "8" },
      { document: "Luật Hôn nhân và gia đình", article: "5" },
    ],
  },
  {
    slug: "dang-ky-thuong-tru-tam-tru",
    topic: "cu-tru-an-ninh-trat-tu",
    title: "Đăng ký thường trú, tạm trú: khi nào phải làm?",
    summary: "Đến ở nơi khác từ 30 ngày trở lên để làm việc, học tập thì phải đăng ký tạm trú.",
    body: [
      "Luật Cư trú năm 2020 quy định công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường " +
        "trú tại chỗ ở đó. Nếu chỗ ở không thuộc quyền sở hữu của mình, bạn vẫn có thể đăng ký thường trú khi được " +
        "chủ hộ và chủ sở hữu đồng ý trong các trường hợp luật định, ví dụ vợ về ở với chồng, con về ở với cha mẹ " +
        "(Điều 20).",
      "Khi đến sinh sống tại chỗ ở hợp pháp ngoài xã, phường nơi đã đăng ký thường trú để lao động, học tập hoặc vì " +
        "mục đích khác từ 30 ngày trở lên, công dân phải đăng ký tạm trú. Thời hạn tạm trú tối đa là 2 năm và có thể " +
        "gia hạn nhiều lần (Điều 27).",
      "Sinh viên thuê trọ, công nhân làm việc ở khu công nghiệp xa nhà cần lưu ý đăng ký tạm trú đúng hạn. Thủ tục " +
        "có thể làm trực tiếp tại công an cấp xã hoặc trực tuyến qua Cổng dịch vụ công.",
      "Luật Cư trú đã được sửa đổi, bổ sung bởi Luật số 118/2025/QH15, có hiệu lực từ ngày 01/7/2026. Khi làm thủ " +
        "tục, bạn nên hỏi công an cấp xã về quy định hiện hành.",
    ].join("\n\n"),
    citations: [
      { document: "Luật Cư trú", article: "20" },
      { document: "Luật Cư trú", article: "27" },
    ],
  },
  {
    slug: "quyen-tiep-can-thong-tin",
    topic: "hien-phap-nha-nuoc",
    title: "Quyền tiếp cận thông tin của công dân",
    summary: "Công dân được tiếp cận thông tin của cơ quan nhà nước, trừ một số thông tin luật định.",
    body: [
      "Luật Tiếp cận thông tin năm 2016 quy định công dân được tiếp cận thông tin của cơ quan nhà nước, trừ thông " +
        "tin không được tiếp cận (như bí mật nhà nước) và được tiếp cận có điều kiện đối với một số thông tin khác " +
        "(Điều 5).",
      "Nhiều thông tin phải được cơ quan nhà nước công khai rộng rãi, ví dụ văn bản quy phạm pháp luật, quy hoạch, " +
        "thủ tục hành chính. Với thông tin chưa được công khai, bạn có quyền yêu cầu cơ quan nhà nước cung cấp bằng " +
        "phiếu yêu cầu.",
      "Hiểu quyền này giúp người dân theo dõi, góp ý và giám sát hoạt động của chính quyền nơi mình sinh sống.",
    ].join("\n\n"),
    citations: [{ document: "Luật Tiếp cận thông tin", article: "5" }],
  },
  {
    // Rewritten for issue 13: the 2018 cyber law it cited (Điều 8) is replaced from 01/7/2026 by 116/2025/QH15,
    // whose text Loa does not hold; it now cites the provisions in force that Loa holds.
    slug: "an-toan-tren-khong-gian-mang",
    topic: "cu-tru-an-ninh-trat-tu",
    title: "Dùng mạng xã hội an toàn và đúng luật",
    summary: "Tôn trọng đời tư, danh dự của người khác; cảnh giác với lừa đảo trên mạng.",
    body: [
      "Từ ngày 01/7/2026, Luật An ninh mạng năm 2025 (số 116/2025/QH15) có hiệu lực, thay thế Luật An ninh mạng " +
        "năm 2018 và Luật An toàn thông tin mạng năm 2015. Trên mạng cũng như ngoài đời, mỗi người phải tôn trọng " +
        "quyền và lợi ích hợp pháp của người khác.",
      "Hiến pháp năm 2013 bảo đảm mọi người có quyền bất khả xâm phạm về đời sống riêng tư, bí mật cá nhân, bí mật " +
        "gia đình và có quyền bảo vệ danh dự, uy tín của mình (Điều 21). Bộ luật dân sự năm 2015 quy định danh dự, " +
        "nhân phẩm, uy tín của cá nhân được pháp luật bảo vệ; thông tin ảnh hưởng xấu đến danh dự, nhân phẩm, uy tín " +
        "của một người đăng trên phương tiện thông tin đại chúng phải được gỡ bỏ, cải chính (Điều 34). Việc thu " +
        "thập, sử dụng, công khai thông tin về đời sống riêng tư của người khác phải được người đó đồng ý (Điều 38).",
      'Trước khi chia sẻ một tin "giật gân", hãy kiểm tra nguồn tin từ cơ quan nhà nước hoặc báo chí chính thống. ' +
        "Không cung cấp mã OTP, mật khẩu, ảnh căn cước cho người lạ, kể cả khi họ xưng là công an, ngân hàng hay " +
        "nhân viên nhà mạng.",
      "Nếu bị lừa đảo hoặc bị xúc phạm trên mạng, hãy giữ lại bằng chứng (ảnh chụp màn hình, đường link) và báo ngay " +
        "cho công an xã, phường nơi gần nhất.",
    ].join("\n\n"),
    citations: [
      { document: "Hiến pháp", article: "21" },
      { document: "Bộ luật dân sự", article: "34" },
      { document: "Bộ luật dân sự", article: "38" },
    ],
  },
  {
    // Rewritten for issue 13: the 2021 drug law it cited (Điều 5) is replaced from 01/7/2026 by 120/2025/QH15,
    // whose text Loa does not hold; it now cites the provisions in force that Loa holds.
    slug: "gia-dinh-noi-khong-voi-ma-tuy",
    topic: "cu-tru-an-ninh-trat-tu",
    title: "Gia đình nói không với ma túy",
    summary:
      "Trồng, mua bán, tàng trữ, sử dụng trái phép chất ma túy đều vi phạm pháp luật; gia đình là chỗ dựa đầu tiên.",
    body: [
      "Luật Phòng, chống ma túy năm 2025 (số 120/2025/QH15) có hiệu lực từ ngày 01/7/2026, thay thế Luật Phòng, " +
        "chống ma túy năm 2021. Trồng cây có chứa chất ma túy, mua bán, tàng trữ, sử dụng trái phép chất ma túy đều " +
        "là hành vi vi phạm pháp luật.",
      "Luật Thanh niên năm 2020 quy định thanh niên có trách nhiệm rèn luyện, bảo vệ sức khỏe của mình: không lạm " +
        "dụng rượu, bia; không sử dụng ma túy, chất gây nghiện và chất kích thích khác mà pháp luật cấm (Điều 15). " +
        "Bộ luật dân sự năm 2015 quy định người nghiện ma túy dẫn đến phá tán tài sản của gia đình có thể bị Tòa án " +
        "tuyên bố là người bị hạn chế năng lực hành vi dân sự (Điều 24).",
      "Gia đình là nơi đầu tiên giúp con em tránh xa ma túy: trò chuyện với con về tác hại của ma túy, để ý những " +
        "thay đổi bất thường, và không ngại tìm đến cán bộ xã, phường khi cần giúp đỡ.",
      "Nếu người thân nghiện ma túy, hãy động viên họ cai nghiện và liên hệ công an hoặc Ủy ban nhân dân xã, phường " +
        "để được hướng dẫn theo quy định hiện hành.",
    ].join("\n\n"),
    citations: [
      { document: "Luật Thanh niên", article: "15" },
      { document: "Bộ luật dân sự", article: "24" },
    ],
  },
];
