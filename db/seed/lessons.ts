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
    slug: "an-toan-tren-khong-gian-mang",
    topic: "cu-tru-an-ninh-trat-tu",
    title: "Dùng mạng xã hội an toàn và đúng luật",
    summary: "Không đăng, chia sẻ thông tin sai sự thật; cảnh giác với lừa đảo trên mạng.",
    body: [
      "Luật An ninh mạng năm 2018 nghiêm cấm sử dụng không gian mạng để đưa thông tin sai sự thật gây hoang mang " +
        "trong Nhân dân, gây thiệt hại cho hoạt động kinh tế - xã hội, hoặc xâm phạm quyền và lợi ích hợp pháp của " +
        "người khác (Điều 8).",
      'Trước khi chia sẻ một tin "giật gân", hãy kiểm tra nguồn tin từ cơ quan nhà nước hoặc báo chí chính thống. ' +
        "Không cung cấp mã OTP, mật khẩu, ảnh căn cước cho người lạ, kể cả khi họ xưng là công an, ngân hàng hay " +
        "nhân viên nhà mạng.",
      "Nếu bị lừa đảo hoặc bị xúc phạm trên mạng, hãy giữ lại bằng chứng (ảnh chụp màn hình, đường link) và báo ngay " +
        "cho công an xã, phường nơi gần nhất.",
    ].join("\n\n"),
    citations: [{ document: "Luật An ninh mạng", article: "8" }],
  },
  {
    slug: "gia-dinh-noi-khong-voi-ma-tuy",
    topic: "cu-tru-an-ninh-trat-tu",
    title: "Gia đình nói không với ma túy",
    summary: "Trồng cây có chứa chất ma túy, tàng trữ, mua bán, sử dụng trái phép chất ma túy đều bị nghiêm cấm.",
    body: [
      "Luật Phòng, chống ma túy năm 2021 nghiêm cấm nhiều hành vi, trong đó có: trồng cây có chứa chất ma túy; sản " +
        "xuất, tàng trữ, vận chuyển, mua bán trái phép chất ma túy; sử dụng trái phép chất ma túy; lôi kéo, xúi " +
        "giục, cưỡng bức người khác sử dụng trái phép chất ma túy (Điều 5).",
      "Gia đình là nơi đầu tiên giúp con em tránh xa ma túy: trò chuyện với con về tác hại của ma túy, để ý những " +
        "thay đổi bất thường, và không ngại tìm đến cán bộ xã, phường khi cần giúp đỡ.",
      "Người nghiện ma túy được khuyến khích tự nguyện cai nghiện; gia đình có trách nhiệm phối hợp với chính quyền " +
        "địa phương trong việc cai nghiện và quản lý sau cai nghiện.",
    ].join("\n\n"),
    citations: [{ document: "Luật Phòng, chống ma túy", article: "5" }],
  },
];
