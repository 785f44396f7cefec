// Forty citizen questions written on 2026-11-23 by a helper who never saw Loa's code, a ranking or the other question
// sets: everyday words and chatty, several-part questions as people type on Zalo, over 15 statutes, each labelled
// from the statutes' text (law.json) with the article a lawyer would cite first. They were written after the last
// change to the ranking (connector pairs), so at that commit they were blind. Their misses were looked at later that
// day (chat shorthand, the second synonym batch, whose brief borrowed four of their phrases): a dev set since; the
// sixty of qa-blind-questions-2.ts are the blind look now.
import type { BenchQuestion } from "./qa-own-questions";

const CIVIL = "Bộ luật dân sự";
const FAMILY = "Luật Hôn nhân và gia đình";
const RESIDENCE = "Luật Cư trú";

/** A question and the articles (statute title, number) that answer it, the main one first. */
export const ask = (text: string, ...articles: Array<[law: string, article: string]>): BenchQuestion => ({
  text,
  relevant_articles: articles.map(([law_id, article_id]) => ({ law_id, article_id })),
});

export const blindCitizenQuestions: BenchQuestion[] = [
  ask(
    "Cho em hỏi em nhặt được cái ví có tiền với giấy tờ ngoài chợ mà không biết của ai, giờ em " +
      "phải làm sao ạ, giữ luôn có được không?",
    [CIVIL, "230"],
  ),
  ask(
    "Nhà hàng xóm trồng cây xoài sát ranh, cành với rễ lấn sang đất nhà em làm nứt cả tường " +
      "rào, em có quyền bắt họ cắt và đền tiền sửa tường không ạ?",
    [CIVIL, "175"],
    [CIVIL, "604"],
  ),
  ask(
    "Em đưa cọc 50 triệu để mua miếng đất, giờ bên bán đổi ý không bán nữa thì họ phải trả lại " +
      "em bao nhiêu tiền ạ?",
    [CIVIL, "328"],
  ),
  ask(
    "Em cho người quen mượn tiền, giấy viết tay ghi lãi 5% một tháng, như vậy có đúng luật " +
      "không, lãi tối đa được lấy bao nhiêu ạ?",
    [CIVIL, "468"],
  ),
  ask(
    "Con chó nhà hàng xóm thả rông cắn con em phải đi tiêm ngừa dại, tốn tiền viện phí thì ai " +
      "phải bồi thường cho em?",
    [CIVIL, "603"],
    ["Luật Chăn nuôi", "66"],
  ),
  ask(
    "Bố em mất không để lại di chúc, nhà còn mẹ em, ba anh em và bà nội thì tài sản chia như thế nào ạ?",
    [CIVIL, "651"],
    [CIVIL, "650"],
  ),
  ask("Mẹ em viết di chúc để hết nhà đất cho anh trai, em mới 16 tuổi thì em có được hưởng phần " + "nào không ạ?", [
    CIVIL,
    "644",
  ]),
  ask(
    "Nhà em nằm lọt trong mấy nhà khác, không có đường đi ra ngõ, em có quyền yêu cầu nhà bên " +
      "cạnh chừa cho một lối đi qua đất của họ không?",
    [CIVIL, "254"],
  ),
  ask(
    "Em chơi hụi mà chủ hụi tính lãi cao quá rồi ôm tiền bỏ trốn, vậy chơi hụi có hợp pháp " +
      "không và lãi như thế nào thì bị cấm ạ?",
    [CIVIL, "471"],
    [CIVIL, "468"],
  ),
  ask("Em gái em mới 17 tuổi mà muốn lấy chồng thì ra xã đăng ký kết hôn được chưa ạ?", [FAMILY, "8"], [FAMILY, "5"]),
  ask(
    "Hai đứa em sống chung với nhau 5 năm rồi mà chưa làm giấy kết hôn, giờ muốn chia tay thì " +
      "có phải ra tòa ly hôn không, tài sản chung thì sao ạ?",
    [FAMILY, "14"],
    [FAMILY, "16"],
    [FAMILY, "9"],
  ),
  ask("Vợ chồng em sắp ly hôn, con mới 2 tuổi thì tòa giao con cho ai nuôi ạ?", [FAMILY, "81"]),
  ask(
    "Chồng cũ của em không chịu gửi tiền nuôi con hàng tháng sau khi ly hôn, em phải làm sao và " +
      "mức tiền đó tính thế nào ạ?",
    [FAMILY, "82"],
    [FAMILY, "116"],
    [FAMILY, "110"],
  ),
  ask(
    "Căn nhà ba mẹ cho riêng em từ trước khi cưới thì nếu ly hôn chồng em có được chia một nửa không ạ?",
    [FAMILY, "43"],
    [FAMILY, "59"],
  ),
  ask(
    "Vợ em đòi ly hôn mà em không đồng ý ký đơn thì tòa có xử cho ly hôn được không ạ?",
    [FAMILY, "56"],
    [FAMILY, "51"],
  ),
  ask(
    "Em ở quê lên Bình Dương làm công nhân, thuê phòng trọ thì có bắt buộc phải đăng ký tạm trú " +
      "không và được ở bao lâu ạ?",
    [RESIDENCE, "27"],
    [RESIDENCE, "28"],
  ),
  ask(
    "Em lấy chồng rồi muốn chuyển hộ khẩu về nhà chồng thì cần chuẩn bị những giấy tờ gì ạ?",
    [RESIDENCE, "21"],
    [RESIDENCE, "20"],
  ),
  ask(
    "Em đi làm ăn xa hơn một năm không về nhà, nghe nói sẽ bị xóa thường trú ở quê có đúng không ạ?",
    [RESIDENCE, "24"],
    [RESIDENCE, "31"],
  ),
  ask("Bà con dưới quê lên chơi ngủ lại nhà em vài hôm thì có phải báo công an phường không ạ?", [RESIDENCE, "30"]),
  ask(
    "Vợ chồng em ly hôn rồi nhưng vẫn ở chung một căn nhà, em muốn tách ra đứng tên một hộ " +
      "riêng thì có được không ạ?",
    [RESIDENCE, "25"],
  ),
  ask("Em là giáo viên trường công lập, em có được góp vốn vào công ty của bạn hay làm thêm ngoài " + "giờ không ạ?", [
    "Luật Viên chức",
    "14",
  ]),
  ask("Em mới trúng tuyển viên chức ở bệnh viện huyện thì phải tập sự bao lâu mới được chính thức ạ?", [
    "Luật Viên chức",
    "27",
  ]),
  ask(
    "Anh em làm ở đơn vị sự nghiệp, có sai phạm từ hơn hai năm trước mà giờ mới bị phát hiện " +
      "thì còn bị kỷ luật nữa không ạ?",
    ["Luật Viên chức", "53"],
    ["Luật Viên chức", "52"],
  ),
  ask("Cô chủ nhiệm ép con em phải đi học thêm ở nhà cô thì mới cho điểm cao, như vậy có vi phạm không ạ?", [
    "Luật Giáo dục",
    "22",
  ]),
  ask("Con em học tiểu học ở trường công thì có phải đóng học phí không ạ?", ["Luật Giáo dục", "99"]),
  ask("Con em sinh năm 2019 thì năm nào được vào học lớp một ạ?", ["Luật Giáo dục", "28"]),
  ask(
    "Em trai em bị nghiện ma túy, gia đình muốn cho cai tại nhà có được không và thời gian cai " + "bao lâu ạ?",
    ["Luật Phòng, chống ma túy", "30"],
    ["Luật Phòng, chống ma túy", "28"],
  ),
  ask(
    "Con em 16 tuổi nghiện ma túy mà không chịu đi cai tự nguyện thì có bị đưa vào trại cai " +
      "nghiện bắt buộc không ạ?",
    ["Luật Phòng, chống ma túy", "33"],
    ["Luật Phòng, chống ma túy", "28"],
  ),
  ask("Tết này hàng xóm đốt pháo nổ đùng đùng thì có vi phạm không, còn bắn pháo hoa thì sao ạ?", [
    "Luật Bảo vệ môi trường",
    "89",
  ]),
  ask(
    "Khu phố em bắt phân loại rác ra mấy loại, nếu nhà em không phân loại thì có phải trả tiền " +
      "rác nhiều hơn không ạ?",
    ["Luật Bảo vệ môi trường", "79"],
    ["Luật Bảo vệ môi trường", "75"],
  ),
  ask(
    "Nhà em ở trong khu dân cư thị trấn, hàng xóm nuôi cả chục con heo bốc mùi hôi thối, như " +
      "vậy có được phép không ạ?",
    ["Luật Chăn nuôi", "12"],
    ["Luật Chăn nuôi", "60"],
    ["Luật Chăn nuôi", "56"],
  ),
  ask("Nhà em nuôi chó với mèo trong hẻm thì có bắt buộc phải chích ngừa dại cho tụi nó không ạ?", [
    "Luật Chăn nuôi",
    "66",
  ]),
  ask(
    "Em mua phân bón ở đại lý về bón lúa, làm đúng hướng dẫn mà lúa bị cháy hết, em có được đòi " +
      "bồi thường không ạ?",
    ["Luật Trồng trọt", "54"],
    ["Luật Trồng trọt", "9"],
  ),
  ask(
    "Có người lập facebook giả rồi đăng thông tin bịa đặt bôi nhọ em trên mạng thì họ có vi " +
      "phạm pháp luật không ạ?",
    ["Luật An ninh mạng", "16"],
    ["Luật An ninh mạng", "8"],
    [CIVIL, "34"],
  ),
  ask("Em muốn xin bản sao bản đồ quy hoạch ở ủy ban xã thì có phải mất tiền không ạ?", [
    "Luật Tiếp cận thông tin",
    "12",
  ]),
  ask(
    "Em lên xã xin thông tin mà cán bộ nói không cung cấp, cũng không nói lý do, vậy họ có được " +
      "từ chối như vậy không ạ?",
    ["Luật Tiếp cận thông tin", "28"],
    ["Luật Tiếp cận thông tin", "14"],
  ),
  ask(
    "Em đặt tour của công ty du lịch mà đến nơi khách sạn với dịch vụ không giống như trong hợp " +
      "đồng, em có quyền khiếu nại và đòi bồi thường không ạ?",
    ["Luật Du lịch", "11"],
    ["Luật Du lịch", "39"],
    ["Luật Du lịch", "37"],
  ),
  ask(
    "Ủy ban huyện ra quyết định thu hồi đất nhà em mà em không đồng ý, em có kiện ra tòa được " +
      "không và phải kiện trong thời gian bao lâu ạ?",
    ["Luật Tố tụng hành chính", "115"],
    ["Luật Tố tụng hành chính", "116"],
  ),
  ask(
    "Công ty em ký hợp đồng có ghi tranh chấp thì đưa ra trọng tài, giờ bên kia vi phạm thì em " +
      "nộp đơn kiện ra tòa án được không ạ?",
    ["Luật Trọng tài thương mại", "6"],
    ["Luật Trọng tài thương mại", "5"],
  ),
  ask(
    "Con em 14 tuổi muốn đi xem phim ngoài rạp gắn nhãn T16 thì có được vào xem không ạ?",
    ["Luật Điện ảnh", "32"],
    ["Luật Điện ảnh", "19"],
  ),
];
