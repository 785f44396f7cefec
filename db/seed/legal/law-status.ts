// The legal status of the 17 demo statutes as researched in November 2026 (../shared/data/legal/law-status.json):
// number, year, effective date, replacement and amendments with their sources and confidence, copied as facts.
// What the research marks unverified (a name or date "from recollection", an unknown list of changed articles) is
// said so in `note`, and "low" confidence is shown to citizens; nothing here is guessed. Status on a given day is
// computed from these facts (src/content/law-status.ts). Re-check before relying on a text: laws keep changing.
import type { LawRecord } from "../../../src/content/law-file";

export type SeedLawFacts = Omit<LawRecord, "id" | "articles"> & { title: string };

/** Where these facts come from, for officers (each statute also lists its own sources). */
export const LAW_STATUS_SOURCE = "Nghiên cứu hiệu lực văn bản tháng 11/2026 (shared/data/legal/law-status.json)";

export const seedLawFacts: SeedLawFacts[] = [
  {
    title: "Luật Phòng, chống ma túy",
    number: "73/2021/QH14",
    issuingBody: "Quốc hội",
    year: 2021,
    effectiveFrom: "2022-01-01",
    endsOn: "2026-07-01",
    endReason: "replaced",
    replacedBy: {
      number: "120/2025/QH15",
      name: "Luật Phòng, chống ma túy 2025",
    },
    amendments: [],
    confidence: "high",
    note:
      "Bị thay thế bởi Luật Phòng, chống ma túy 2025 (120/2025/QH15), Quốc hội thông qua ngày 10/12/2025, có hi" +
      "ệu " +
      "lực từ 01/7/2026. Các sửa đổi nhỏ (nếu có) giai đoạn 2022–6/2026 chưa được kiểm tra.",
    sources: [
      "https://luatvietnam.vn/an-ninh-trat-tu/luat-phong-chong-ma-tuy-2025-so-120-2025-qh15-422329-d1.html",
      "https://phongchongmatuy.vn/luat-phong-chong-ma-tuy-sua-doi-2025-nhung-diem-moi-nguoi-dan-can-biet-tin2" + "215",
      "https://amp.vtcnews.vn/sap-dien-ra-toa-dam-nhung-diem-moi-cua-luat-phong-chong-ma-tuy-sua-doi-ar992803" +
        ".html",
      "https://xaydungchinhsach.chinhphu.vn/print/gioi-thieu-cac-noi-dung-co-ban-cua-luat-phong-chong-ma-tuy-" +
        "so-120-2025-qh15-119260128105650412.htm",
      "https://pbgdpl.cantho.gov.vn/trien-khai-thi-hanh-luat-phong-chong-ma-tuy-nam-2025",
      "https://tinhdoanquangninh.vn/infographic-luat-phong-chong-ma-tuy-nam-2021",
    ],
  },
  {
    title: "Luật Bảo vệ môi trường",
    number: "72/2020/QH14",
    issuingBody: "Quốc hội",
    year: 2020,
    effectiveFrom: "2022-01-01",
    amendments: [
      {
        number: "11/2022/QH15",
        name: "Luật Thanh tra 2022",
        effectiveFrom: "2023-07-01",
        articlesComplete: false,
        note: "Tên và ngày hiệu lực chưa được kiểm chứng.",
      },
      {
        number: "16/2023/QH15",
        name: "Luật Giá 2023",
        effectiveFrom: "2024-07-01",
        articlesComplete: false,
        note: "Tên và ngày hiệu lực chưa được kiểm chứng.",
      },
      {
        number: "18/2023/QH15",
        name: "Luật Phòng thủ dân sự 2023",
        effectiveFrom: "2024-07-01",
        articlesComplete: false,
        note: "Tên và ngày hiệu lực chưa được kiểm chứng.",
      },
      {
        number: "47/2024/QH15",
        name: "Luật Quy hoạch đô thị và nông thôn 2024",
        effectiveFrom: "2025-07-01",
        articlesComplete: false,
        note: "Ngày hiệu lực chưa được kiểm chứng.",
      },
      {
        number: "54/2024/QH15",
        name: "Luật Địa chất và khoáng sản 2024",
        effectiveFrom: "2025-07-01",
        articlesComplete: false,
      },
      {
        number: "146/2025/QH15",
        name: "Luật sửa đổi, bổ sung một số điều của 15 luật trong lĩnh vực nông nghiệp và môi trường",
        effectiveFrom: "2026-01-01",
        articlesComplete: false,
      },
    ],
    confidence: "medium",
    note:
      "Được sửa đổi, bổ sung bởi các Luật số 11/2022/QH15, 16/2023/QH15, 18/2023/QH15, 47/2024/QH15, 54/2024/QH" +
      "15 " +
      "và 146/2025/QH15 (theo phần căn cứ của một thông tư năm 2026). Tên và ngày hiệu lực của một số luật sửa " +
      "đổi chưa được kiểm chứng; chưa xác định các điều bị sửa đổi. Dự án luật sửa đổi Luật Bảo vệ môi trường (" +
      "kỳ " +
      "họp 10/2026) chưa rõ kết quả. Cần kiểm tra lại trước khi dựa vào nội dung.",
    sources: [
      "https://vanban.chinhphu.vn/?classid=1&docid=216543&pageid=27160&typegroupid=3",
      "https://www.vietnam.vn/en/quoc-hoi-thong-qua-luat-sua-doi-bo-sung-15-luat-trong-linh-vuc-nong-nghiep-v" +
        "a-moi-truong",
      "https://en.mae.gov.vn/amendments-to-15-laws-in-agriculture-and-environment-9057.htm",
      "https://thoibaotaichinhvietnam.vn/thu-tuong-phan-cong-cac-bo-soan-thao-du-an-luat-nghi-quyet-trong-chu" +
        "ong-trinh-lap-phap-nam-2026-185715.html",
      "https://dla.edu.vn/tin-tuc-su-kien/tin-doan-thanh-nien/2275-luat-bao-ve-moi-truong-ban-co-biet.html",
    ],
  },
  {
    title: "Luật Viên chức",
    number: "58/2010/QH12",
    issuingBody: "Quốc hội",
    year: 2010,
    effectiveFrom: "2012-01-01",
    endsOn: "2026-07-01",
    endReason: "replaced",
    replacedBy: {
      number: "129/2025/QH15",
      name: "Luật Viên chức 2025",
    },
    amendments: [
      {
        number: "52/2019/QH14",
        name: "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
        effectiveFrom: "2020-07-01",
        articlesComplete: false,
        note: "Ngày hiệu lực chưa được kiểm chứng.",
      },
    ],
    confidence: "high",
    note:
      "Bị thay thế bởi Luật Viên chức 2025 (129/2025/QH15), thông qua ngày 10/12/2025, có hiệu lực từ 01/7/2026. " +
      "Luật sửa đổi 52/2019/QH14 cũng hết hiệu lực từ ngày đó; ngày hiệu lực của luật sửa đổi này chưa được kiểm " +
      "chứng.",
    sources: [
      "https://phobienphapluat.ufl.udn.vn/?p=1348",
      "https://www.vietnamplus.vn/thuc-hien-co-cau-lai-nang-chat-luong-doi-ngu-vien-chuc-gan-voi-vi-tri-viec-" +
        "lam-post1082220.vnp",
    ],
  },
  {
    title: "Luật Cư trú",
    number: "68/2020/QH14",
    issuingBody: "Quốc hội",
    year: 2020,
    effectiveFrom: "2021-07-01",
    amendments: [
      {
        number: "118/2025/QH15",
        name: "Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự",
        effectiveFrom: "2026-07-01",
        articlesComplete: false,
      },
    ],
    confidence: "medium",
    note:
      "Được sửa đổi, bổ sung bởi Luật số 118/2025/QH15 (sửa đổi 10 luật liên quan đến an ninh, trật tự, thông q" +
      "ua " +
      "ngày 10/12/2025), có hiệu lực từ 01/7/2026; chưa xác định các điều bị sửa đổi. Các sửa đổi giai đoạn " +
      "2021–2025 chưa được kiểm tra.",
    sources: [
      "https://phaply.net.vn/luat-sua-doi-bo-sung-mot-so-dieu-cua-10-luat-co-lien-quan-den-an-ninh-trat-tu-a2" +
        "61110.html",
      "https://baothanhhoa.vn/quoc-hoi-thong-qua-luat-an-ninh-mang-va-cac-luat-ve-an-ninh-quoc-phong-271344.htm",
      "https://canhsatbien.vn/portal/van-ban/9260",
    ],
  },
  {
    title: "Luật Tiếp cận thông tin",
    number: "104/2016/QH13",
    issuingBody: "Quốc hội",
    year: 2016,
    effectiveFrom: "2018-07-01",
    amendments: [],
    confidence: "low",
    note:
      "Chưa thấy văn bản sửa đổi. Dự án Luật Tiếp cận thông tin (sửa đổi) có trong chương trình lập pháp năm " +
      "2026; việc đã thông qua hay chưa, số hiệu và ngày hiệu lực CHƯA ĐƯỢC KIỂM CHỨNG. Độ tin cậy thấp: cần ki" +
      "ểm " +
      "tra trước khi dựa vào nội dung.",
    sources: [
      "https://phaply.net.vn/uy-ban-thuong-vu-quoc-hoi-cho-y-kien-ve-du-an-luat-tiep-can-thong-tin-sua-doi-a2" +
        "61415.html",
      "https://cafef.vn/phan-bien-du-an-luat-chuyen-gia-neu-vi-du-ve-thong-tin-suc-khoe-cuu-chu-tich-flc-trin" +
        "h-van-quyet-188260131084500837.chn",
      "https://www.vietnam.vn/sv/nghi-quyet-chuong-trinh-lap-phap-nam-2026",
      "https://bktt.vn/index.php?oldid=22360&title=Lu%E1%BA%ADt_ti%E1%BA%BFp_c%E1%BA%ADn_th%C3%B4ng_tin",
    ],
  },
  {
    title: "Luật Trồng trọt",
    number: "31/2018/QH14",
    issuingBody: "Quốc hội",
    year: 2018,
    effectiveFrom: "2020-01-01",
    amendments: [
      {
        number: "146/2025/QH15",
        name: "Luật sửa đổi, bổ sung một số điều của 15 luật trong lĩnh vực nông nghiệp và môi trường",
        effectiveFrom: "2026-01-01",
        articlesComplete: false,
      },
    ],
    confidence: "medium",
    note:
      "Được sửa đổi, bổ sung bởi Luật số 146/2025/QH15 (sửa đổi 15 luật lĩnh vực nông nghiệp và môi trường), có " +
      "hiệu lực từ 01/01/2026; chưa xác định các điều bị sửa đổi. Bản trong Loa có 83 điều, bản chính thức có t" +
      "hể " +
      "có 84–85 điều (bản nạp có thể thiếu).",
    sources: [
      "https://en.mae.gov.vn/amendments-to-15-laws-in-agriculture-and-environment-9057.htm",
      "https://www.vietnam.vn/en/quoc-hoi-thong-qua-luat-sua-doi-bo-sung-15-luat-trong-linh-vuc-nong-nghiep-v" +
        "a-moi-truong",
      "https://clv.vn/quoc-hoi-thong-qua-luat-trong-trot-nam-2018/",
      "https://hocluat.vn/tai-lieu-gioi-thieu-luat-trong-trot/",
    ],
  },
  {
    title: "Luật An ninh mạng",
    number: "24/2018/QH14",
    issuingBody: "Quốc hội",
    year: 2018,
    effectiveFrom: "2019-01-01",
    endsOn: "2026-07-01",
    endReason: "replaced",
    replacedBy: {
      number: "116/2025/QH15",
      name: "Luật An ninh mạng 2025",
    },
    amendments: [],
    confidence: "high",
    note:
      "Bị thay thế bởi Luật An ninh mạng 2025 (116/2025/QH15), thông qua ngày 10/12/2025, có hiệu lực từ " +
      "01/7/2026 (hợp nhất Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015).",
    sources: [
      "https://kienthuc.net.vn/ngan-chan-cac-hanh-vi-xam-pham-du-lieu-tu-luat-an-ninh-mang-2025-post1595551.h" + "tml",
      "https://vtcnews.vn/quoc-hoi-thong-qua-luat-an-ninh-mang-bo-sung-quy-dinh-ve-su-dung-ai-ar992208.html",
      "https://thanhnien.vn/cam-nghe-len-ghi-am-cuoc-dam-thoai-tren-khong-gian-mang-18525121011582924.htm",
      "https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/42F93-hd-luat-an-ninh-mang-2018-co-hieu-luc-thi-ha" +
        "nh-ke-tu-ngay-nao.html",
    ],
  },
  {
    title: "Luật Chăn nuôi",
    number: "32/2018/QH14",
    issuingBody: "Quốc hội",
    year: 2018,
    effectiveFrom: "2020-01-01",
    amendments: [
      {
        number: "146/2025/QH15",
        name: "Luật sửa đổi, bổ sung một số điều của 15 luật trong lĩnh vực nông nghiệp và môi trường",
        effectiveFrom: "2026-01-01",
        articlesComplete: false,
      },
    ],
    confidence: "medium",
    note:
      "Được sửa đổi, bổ sung bởi Luật số 146/2025/QH15, có hiệu lực từ 01/01/2026; chưa xác định các điều bị sửa " +
      "đổi. Các sửa đổi khác chưa được kiểm tra.",
    sources: [
      "https://en.mae.gov.vn/amendments-to-15-laws-in-agriculture-and-environment-9057.htm",
      "https://www.vietnam.vn/en/quoc-hoi-thong-qua-luat-sua-doi-bo-sung-15-luat-trong-linh-vuc-nong-nghiep-v" +
        "a-moi-truong",
      "https://hethongphapluat.vn/luat-chan-nuoi-2018/dieu-2/khoan-18",
    ],
  },
  {
    title: "Hiến pháp",
    issuingBody: "Quốc hội",
    year: 2013,
    effectiveFrom: "2014-01-01",
    amendments: [
      {
        number: "203/2025/QH15",
        name: "Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp",
        effectiveFrom: "2025-06-16",
        articles: ["9", "10", "84", "110", "111"],
        articlesComplete: true,
        note: "Có hiệu lực từ ngày thông qua; cấp huyện kết thúc hoạt động từ 01/7/2025.",
      },
    ],
    confidence: "medium",
    note:
      "Hiến pháp năm 2013 (không có số hiệu), được sửa đổi, bổ sung bởi Nghị quyết 203/2025/QH15, có hiệu lực từ " +
      "ngày thông qua 16/6/2025, sửa đổi Điều 9, 10, 84 (khoản 1), 110 và 111. Bản trong Loa có 118 điều, bản " +
      "chính thức có 120 điều.",
    sources: [
      "https://news.laodong.vn/thoi-su/cong-bo-lenh-cua-chu-tich-nuoc-ve-sua-doi-bo-sung-hien-phap-nam-2013-1" +
        "524950.ldo",
      "https://baonghean.vn/ru/quoc-hoi-chot-ket-thuc-hoat-dong-cua-don-vi-hanh-chinh-cap-huyen-trong-ca-nuoc" +
        "-tu-ngay-1-7-2025-10299728.html",
      "https://vietnamnet.vn/ban-tin-vietnamnet-17-6-quoc-hoi-thong-qua-sua-hien-phap-lich-su-pre2412112.html",
      "https://vneconomy.vn/quoc-hoi-thong-qua-nghi-quyet-sua-doi-hien-phap-ket-thuc-hoat-dong-cap-huyen-tu-n" +
        "gay-1-7-2025.htm",
      "https://kinhtedothi.vn/nghi-quyet-sua-doi-bo-sung-mot-so-dieu-cua-hien-phap-nuoc-cong-hoa-xa-hoi-chu-n" +
        "ghia-viet-nam.736908.html",
      "https://laodongthudo.vn/toan-van-nghi-quyet-sua-doi-bo-sung-mot-so-dieu-cua-hien-phap-nam-2013-192256." + "html",
      "https://www.viup.vn/vn/Tin-VIUP-n2-VIUP-quan-triet-chi-dao-can-bo-vien-chuc-nguoi-lao-dong-VIUP-tham-g" +
        "ia-gop-y-du-thao-Nghi-quyet-sua-doi-bo-sung-mot-so-dieu-cua-Hien-phap-nuoc-Cong-hoa-XHCN-Viet-Nam-nam-" +
        "2013-d27131.html",
      "https://baochinhphu.vn/quoc-hoi-chinh-thuc-thong-qua-nghi-quyet-sua-doi-bo-sung-mot-so-dieu-cua-hien-p" +
        "hap-nam-2013-102250616092411276.htm",
    ],
  },
  {
    title: "Luật Du lịch",
    number: "09/2017/QH14",
    issuingBody: "Quốc hội",
    year: 2017,
    effectiveFrom: "2018-01-01",
    amendments: [],
    confidence: "medium",
    note:
      "Chưa thấy văn bản sửa đổi, thay thế (một sửa đổi năm 2018 liên quan quy hoạch chưa được kiểm chứng). Các " +
      "quy định nhắc đến cấp huyện cần đọc cùng Luật Tổ chức chính quyền địa phương 72/2025/QH15 (chính quyền h" +
      "ai " +
      "cấp từ 01/7/2025).",
    sources: [
      "https://vietjack.me/phap-luat/luat-du-lich-2017-339.html",
      "http://hethongphapluat.com/quyet-dinh-168-2025-qd-ubnd-ve-quy-che-phoi-hop-trong-cong-tac-ho-tro-khach" +
        "-du-lich-tren-dia-ban-tinh-ninh-binh.html",
      "https://thuviennhadat.vn/phap-luat/quy-dinh-chuyen-tiep-cua-luat-to-chuc-chinh-quyen-dia-phuong-so-72-" +
        "2025-qh15-ngay-16-6-2025-685804.html?trang=2",
    ],
  },
  {
    title: "Luật Tố tụng hành chính",
    number: "93/2015/QH13",
    issuingBody: "Quốc hội",
    year: 2015,
    effectiveFrom: "2016-07-01",
    amendments: [
      {
        number: "55/2019/QH14",
        name: "Luật sửa đổi, bổ sung một số điều của Luật Kiểm toán nhà nước (2019)",
        effectiveFrom: "2020-01-01",
        articlesComplete: false,
        note: "Ngày hiệu lực chưa được kiểm chứng.",
      },
      {
        number: "34/2024/QH15",
        name: "Luật Tổ chức Tòa án nhân dân 2024",
        effectiveFrom: "2025-01-01",
        articlesComplete: false,
        note: "Ngày hiệu lực chưa được kiểm chứng.",
      },
      {
        number: "85/2025/QH15",
        name:
          "Luật sửa đổi, bổ sung một số điều của BLTTDS, Luật TTHC, Luật Tư pháp người chưa thành niên, Luật Phá " +
          "sản và Luật Hòa giải, đối thoại tại Tòa án",
        effectiveFrom: "2025-07-01",
        articles: ["24", "30", "31"],
        articlesComplete: false,
        note: "Danh sách điều sửa đổi chưa đầy đủ.",
      },
    ],
    confidence: "high",
    note:
      "Được sửa đổi, bổ sung bởi các Luật 55/2019/QH14, 34/2024/QH15 (ngày hiệu lực chưa kiểm chứng) và " +
      "85/2025/QH15 (từ 01/7/2025; danh sách điều sửa đổi chưa đầy đủ: Điều 24, 30, 31, …).",
    sources: [
      "https://thuviennhadat.vn/vbpl/luat-sua-doi-bo-luat-to-tung-dan-su-luat-to-tung-hanh-chinh-luat-tu-phap" +
        "-nguoi-chua-thanh-nien-2025-651570.html",
      "https://danhmucvanbanphapluatvietnam.blogspot.com/p/ieu-2-sua-oi-bo-sung-mot-so-ieu-cua_79.html",
      "https://phanvinhluatsutayninh.com/luat-sua-doi-bo-sung-mot-so-dieu-cua-bo-luat-to-tung-dan-su-co-hieu-" +
        "luc-tu-0172025",
      "https://dbdc.backan.gov.vn/Pages/tin-tuc-hoat-dong-157/tin-doan-dai-bieu-quoc-hoi-398/quoc-hoi-thao-lu" +
        "an-hoi-truong-v-25deb44bd1c44192.aspx",
      "https://tapchitoaan.vn/index.php/cam-nang-cac-quy-dinh-moi-cua-phap-luat-ve-to-tung-dan-su-kinh-doanh-" +
        "thuong-mai-pha-san-hoa-giai-doi-thoai-tai-toa-an14099.html",
    ],
  },
  {
    title: "Luật Hôn nhân và gia đình",
    number: "52/2014/QH13",
    issuingBody: "Quốc hội",
    year: 2014,
    effectiveFrom: "2015-01-01",
    amendments: [],
    confidence: "medium",
    note:
      "Chưa thấy văn bản sửa đổi, thay thế (đến cuối năm 2025, Bộ Tư pháp mới tổng kết 10 năm thi hành). Sửa đổi " +
      "năm 2026 (nếu có) chưa được kiểm chứng.",
    sources: [
      "https://baothanhhoa.vn/hoi-nghi-tong-ket-toan-quoc-thi-hanh-luat-hon-nhan-va-gia-dinh-nam-2014-272892." + "htm",
      "https://smalldogspress.com/luat-hon-nhan-gia-dinh-moi-nhat",
      "https://thukyluat.vn/3A430/luat-hon-nhan-va-gia-dinh-2014/tag.html",
    ],
  },
  {
    title: "Bộ luật dân sự",
    number: "91/2015/QH13",
    issuingBody: "Quốc hội",
    year: 2015,
    effectiveFrom: "2017-01-01",
    amendments: [],
    confidence: "medium",
    note: "Chưa thấy văn bản sửa đổi, thay thế (tra cứu đến đầu năm 2026); thay đổi sau đó chưa được kiểm chứng.",
    sources: ["http://vksnddienbien.gov.vn/news/Chuyen-de-nghiep-vu/TAI-LIEU-TAP-HUAN-BO-LUAT-DAN-SU-NAM-2015-121/"],
  },
  {
    title: "Luật Điện ảnh",
    number: "05/2022/QH15",
    issuingBody: "Quốc hội",
    year: 2022,
    effectiveFrom: "2023-01-01",
    amendments: [],
    confidence: "medium",
    note:
      "Thay thế Luật Điện ảnh 62/2006/QH11. Chưa thấy văn bản sửa đổi (tra cứu đến đầu năm 2026); thay đổi sau " +
      "đó " +
      "chưa được kiểm chứng.",
    sources: [
      "https://vietnamhoinhap.vn/vi/10-diem-moi-trong-luat-dien-anh-da-co-ban-phu-hop-voi-yeu-cau-cua-thuc-ti" +
        "en-40203.htm",
      "https://luatbacninh.vn/luat-dien-anh-2022/",
      "http://phapdien.moj.gov.vn/qt/tintuc/Pages/nghien-cuu-trao-doi.aspx?ItemID=449",
    ],
  },
  {
    title: "Luật Trọng tài thương mại",
    number: "54/2010/QH12",
    issuingBody: "Quốc hội",
    year: 2010,
    effectiveFrom: "2011-01-01",
    amendments: [],
    confidence: "medium",
    note:
      "Chưa thấy văn bản sửa đổi, thay thế. Ngày hiệu lực 01/01/2011 chưa được kiểm chứng; bản trong Loa có 81 " +
      "điều (bản chính thức có thể có 82 điều). Dự thảo Luật Trọng tài thương mại (sửa đổi) đã được nêu cuối năm " +
      "2025; việc đã thông qua hay chưa CHƯA ĐƯỢC KIỂM CHỨNG.",
    sources: [
      "https://mcac.vn/nhung-diem-doi-moi-noi-bat-cua-du-thao-sua-doi-luat-trong-tai-thuong-mai",
      "https://phaply.net.vn/hoan-thien-phap-luat-ve-thanh-lap-trung-tam-trong-tai-a258643.html",
    ],
  },
  {
    title: "Luật Thanh niên",
    number: "57/2020/QH14",
    issuingBody: "Quốc hội",
    year: 2020,
    effectiveFrom: "2021-01-01",
    amendments: [
      {
        number: "97/2025/QH15",
        name:
          "Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật Thanh niên " +
          "và Luật Thực hiện dân chủ ở cơ sở",
        effectiveFrom: "2025-07-01",
        articlesComplete: false,
      },
    ],
    confidence: "high",
    note:
      "Được sửa đổi, bổ sung bởi Luật số 97/2025/QH15, có hiệu lực từ 01/7/2025; chưa xác định các điều bị sửa " +
      "đổi.",
    sources: [
      "https://thuviennhadat.vn/vbpl/luat-sua-doi-luat-mat-tran-to-quoc-viet-nam-luat-cong-doan-luat-thanh-ni" +
        "en-2025-663709.html",
      "https://mttq.daklak.gov.vn/tin-tuc-su-kien/quoc-hoi-chinh-thuc-thong-qua-luat-sua-doi-ve-mat-tran-cong" +
        "-doan-thanh-nien-va-dan-chu-co-so.html",
      "https://es.laodong.vn/mat-tran/nhung-diem-moi-cua-luat-mat-tran-to-quoc-viet-nam-luat-cong-doan-153450" +
        "1.ldo",
    ],
  },
  {
    title: "Luật Giáo dục",
    number: "43/2019/QH14",
    issuingBody: "Quốc hội",
    year: 2019,
    effectiveFrom: "2020-07-01",
    amendments: [
      {
        number: "123/2025/QH15",
        name: "Luật sửa đổi, bổ sung một số điều của Luật Giáo dục",
        effectiveFrom: "2026-01-01",
        articles: ["6"],
        articlesComplete: false,
        note: "Danh sách điều sửa đổi chưa đầy đủ.",
      },
    ],
    confidence: "high",
    note:
      "Được sửa đổi, bổ sung bởi Luật số 123/2025/QH15, có hiệu lực từ 01/01/2026: 42 trong 115 điều được sửa " +
      "đổi, trong đó có Điều 6; danh sách đầy đủ chưa được trích xuất.",
    sources: [
      "https://pbgdpl.gov.vn/Pages/chi-tiet-tin.aspx?ItemID=5879&l=HoatdongPBGDPLotrun",
      "https://thuviennhadat.vn/vbpl/luat-giao-duc-sua-doi-2025-so-123-2025-qh15-656970.html",
    ],
  },
];
