// Sixty citizen questions written on 2026-11-23 by a helper who saw only the statutes (law.json): no code, ranking,
// synonym list or other question set. Asked to write as people type on Zalo: everyday words, chatty openings,
// several-part questions, chat shorthand and misspellings, fifteen typed without any diacritics; over all 17
// statutes, each labelled from the statutes' text with the articles a lawyer would cite first. Measured as a whole
// only, before the second synonym batch (hit@1 0.33, hit@5 0.63) and after it (0.45, 0.70): no question's rank has
// been looked at. Looking at their misses to change the method ends that: say so beside any later figure.
import { ask } from "./qa-blind-questions";
import type { BenchQuestion } from "./qa-own-questions";

export const secondBlindCitizenQuestions: BenchQuestion[] = [
  ask(
    "Chị ơi em cọc 50 triệu mua miếng đất, giờ bên bán đổi ý ko bán nữa vì có người trả " +
      "giá cao hơn. Em đòi lại được bao nhiêu, có được gấp đôi tiền cọc không ạ?",
    ["Bộ luật dân sự", "328"],
  ),
  ask(
    "cho em hoi em choi hui 2 trieu/thang, gio chu hui om tien bo tron roi, choi hui vay " +
      "co duoc phap luat cong nhan khong, em kien doi lai duoc ko",
    ["Bộ luật dân sự", "471"],
    ["Bộ luật dân sự", "468"],
  ),
  ask(
    "Cho vay tiền lấy lãi 5 nghìn/1 triệu/ngày thì có bị coi là quá mức không ạ? Luật cho " +
      "lấy lãi tối đa bao nhiêu một năm?",
    ["Bộ luật dân sự", "468"],
  ),
  ask(
    "Em cho bạn mượn 30 triệu, hẹn 6 tháng trả, k tính lãi gì hết. Giờ quá hạn gần 1 năm " +
      "rồi nó cứ khất hoài. Em có đòi thêm tiền lãi vì trả trễ được k ạ?",
    ["Bộ luật dân sự", "466"],
    ["Bộ luật dân sự", "357"],
  ),
  ask(
    "Nhà bên cạnh xây tường lấn qua đất nhà em khoảng 20 phân, còn cây xoài của họ thì " +
      "cành chĩa hết qua mái nhà em, lá rụng đầy máng xối. Em phải làm sao ạ?",
    ["Bộ luật dân sự", "175"],
  ),
  ask(
    "Nhà hàng xóm mới xây lại, mở cửa sổ ngay sát vách nhìn thẳng vô phòng ngủ nhà tôi. " +
      "Vậy họ làm vậy có đúng luật không?",
    ["Bộ luật dân sự", "178"],
  ),
  ask(
    "Đất nhà tôi nằm phía trong, bị mấy nhà xung quanh bao hết, không có đường ra lộ. Tôi " +
      "có quyền bắt họ chừa cho một lối đi không, có phải trả tiền cho họ không?",
    ["Bộ luật dân sự", "254"],
  ),
  ask(
    "Ba em mất không để lại giấy tờ dặn dò gì hết, có căn nhà với miếng đất. Mẹ em, 3 anh " +
      "em với bà nội còn sống thì chia thế nào ạ, bà nội có được phần không?",
    ["Bộ luật dân sự", "651"],
    ["Bộ luật dân sự", "650"],
  ),
  ask(
    "Ông ngoại em trước khi mất ở bệnh viện có dặn lại cho cậu út miếng vườn, chỉ nói " +
      "miệng trước mặt mấy người thôi chứ không viết giấy. Vậy lời dặn đó có giá trị không?",
    ["Bộ luật dân sự", "629"],
  ),
  ask(
    "me em lam giay de lai het tai san cho anh hai, em 15 tuoi voi ba em khong duoc gi " +
      "het. vay em voi ba co duoc chia phan nao ko",
    ["Bộ luật dân sự", "644"],
  ),
  ask(
    "Con chó nhà hàng xóm xổng ra cắn con tôi, phải đi chích ngừa dại mất mấy triệu. Họ " + "có phải đền tiền không?",
    ["Bộ luật dân sự", "603"],
  ),
  ask(
    "Em lượm được cái bóp có 15 triệu với giấy tờ ngoài đường. Giờ em phải làm gì, nếu " +
      "không ai tới nhận thì em có được giữ luôn không?",
    ["Bộ luật dân sự", "230"],
  ),
  ask(
    "Thằng con tôi 13 tuổi đánh nhau với bạn trong giờ ra chơi ở trường, làm bạn gãy tay. " +
      "Nhà bên kia đòi bồi thường 20 triệu, vậy tôi phải trả hay nhà trường phải trả?",
    ["Bộ luật dân sự", "599"],
    ["Bộ luật dân sự", "586"],
  ),
  ask(
    "Bà nội mất năm 1990 để lại miếng đất, tới giờ mấy cô chú mới đòi chia. Vậy để lâu " +
      "quá có còn đòi chia được không ạ?",
    ["Bộ luật dân sự", "623"],
  ),
  ask(
    "ad oi nguoi ta chup hinh em roi dang len facebook de ban hang ma khong he hoi y kien " +
      "em, vay co vi pham gi khong, em doi go dc ko",
    ["Bộ luật dân sự", "32"],
  ),
  ask(
    "Cho ông anh mượn xe máy đi mấy bữa, ổng đem cho người khác mượn lại rồi bị tông bể " +
      "hết đầu xe. Giờ ai phải sửa xe cho tôi?",
    ["Bộ luật dân sự", "496"],
  ),
  ask("Bạn gái em 17 tuổi rưỡi, em 19. Tụi em muốn làm giấy kết hôn thì được chưa ạ?", [
    "Luật Hôn nhân và gia đình",
    "8",
  ]),
  ask(
    "cho em hoi ly hon don phuong ma chong khong chiu ky don thi toa co xu cho ly hon " +
      "khong, chong em hay nhau say roi danh em",
    ["Luật Hôn nhân và gia đình", "56"],
    ["Luật Hôn nhân và gia đình", "51"],
  ),
  ask("Vợ tôi đang có bầu 5 tháng, giờ tôi muốn bỏ vợ thì có nộp đơn ra tòa được không?", [
    "Luật Hôn nhân và gia đình",
    "51",
  ]),
  ask(
    "Chị ơi em với chồng sắp ra tòa, bé nhà em mới 2 tuổi mà chồng em đòi giành nuôi. Vậy " +
      "tòa sẽ giao con cho ai ạ?",
    ["Luật Hôn nhân và gia đình", "81"],
  ),
  ask(
    "Ly dị rồi mà chồng cũ không chịu gửi tiền nuôi con hàng tháng, còn nói ai nuôi thì " +
      "tự lo. Anh ta có bắt buộc phải đưa tiền không, mức bao nhiêu là do ai quyết?",
    ["Luật Hôn nhân và gia đình", "82"],
    ["Luật Hôn nhân và gia đình", "110"],
    ["Luật Hôn nhân và gia đình", "116"],
  ),
  ask(
    "Trước khi cưới ba mẹ cho em miếng đất, sổ đỏ đứng tên em. Giờ ly hôn chồng đòi chia " +
      "đôi miếng đất đó, vậy có đúng không ạ?",
    ["Luật Hôn nhân và gia đình", "43"],
    ["Luật Hôn nhân và gia đình", "33"],
  ),
  ask(
    "toi voi anh ay song chung 5 nam khong dang ky ket hon, co chung 1 chiec xe voi so " +
      "tiet kiem, gio chia tay thi tai san chia ra sao",
    ["Luật Hôn nhân và gia đình", "14"],
    ["Luật Hôn nhân và gia đình", "16"],
  ),
  ask(
    "Chồng em tự ý đem sổ đỏ đi bán miếng đất hai vợ chồng mua sau khi cưới mà không hỏi " +
      "em một tiếng. Như vậy có được không?",
    ["Luật Hôn nhân và gia đình", "35"],
  ),
  ask(
    "Sau ly hôn con ở với ba nó, mà ba nó nhậu suốt ngày, bỏ bê đứa nhỏ. Tôi muốn giành " +
      "lại quyền nuôi con thì có được không?",
    ["Luật Hôn nhân và gia đình", "84"],
  ),
  ask(
    "Em ở quê lên thành phố thuê nhà trọ đi làm, có bắt buộc phải làm giấy tạm trú không, " +
      "cần mang theo giấy tờ gì ạ?",
    ["Luật Cư trú", "27"],
    ["Luật Cư trú", "28"],
  ),
  ask(
    "Cưới xong muốn chuyển hộ khẩu về nhà chồng thì cần những gì, có cần ba chồng là chủ " + "hộ đồng ý không?",
    ["Luật Cư trú", "20"],
    ["Luật Cư trú", "21"],
  ),
  ask("ban em o que len choi ngu lai nha em 2 dem thi co phai bao voi cong an phuong khong", ["Luật Cư trú", "30"]),
  ask("Vợ chồng tôi muốn ra riêng một hộ khẩu mà vẫn ở chung căn nhà của ba mẹ thì được " + "không ạ?", [
    "Luật Cư trú",
    "25",
  ]),
  ask(
    "Em đi làm ở Bình Dương hơn 1 năm rồi, không đăng kí gì ở trên này hết. Nghe nói bị " +
      "cắt hộ khẩu ở quê, có đúng vậy không?",
    ["Luật Cư trú", "24"],
    ["Luật Cư trú", "31"],
  ),
  ask(
    "Con trai tôi dính ma túy, gia đình muốn cho nó cai ở nhà chứ không muốn đưa vô trại " +
      "thì có được không, cai bao lâu?",
    ["Luật Phòng, chống ma túy", "30"],
    ["Luật Phòng, chống ma túy", "28"],
  ),
  ask("em trai em 16 tuoi bi phat hien nghien ma tuy, vay co bi dua vao trai cai bat buoc " + "khong, ai quyet dinh", [
    "Luật Phòng, chống ma túy",
    "33",
  ]),
  ask("Trồng vài cây cần sa sau nhà có bị cấm không?", ["Luật Phòng, chống ma túy", "5"]),
  ask("Phường bắt phân loại rác trước khi đổ. Vậy phải chia rác ra làm mấy loại ạ?", ["Luật Bảo vệ môi trường", "75"]),
  ask(
    "tien rac nha em tinh theo gi vay, minh phan loai rac roi thi co phai dong it hon k",
    ["Luật Bảo vệ môi trường", "79"],
    ["Luật Bảo vệ môi trường", "75"],
  ),
  ask(
    "Nhà kế bên mở karaoke hát tới 12h đêm, ồn quá không ngủ được. Luật có bắt họ phải " + "giảm tiếng ồn không?",
    ["Luật Bảo vệ môi trường", "89"],
    ["Luật Bảo vệ môi trường", "60"],
  ),
  ask(
    "Em là giáo viên trường công. Ngoài giờ dạy em có được đi dạy cho trung tâm và hùn " +
      "vốn vô công ty của bạn không ạ?",
    ["Luật Viên chức", "14"],
  ),
  ask(
    "minh la vien chuc benh vien, hop dong khong thoi han, gio muon nghi viec thi phai " +
      "bao truoc bao nhieu ngay, nghi vay co duoc tro cap thoi viec khong",
    ["Luật Viên chức", "29"],
    ["Luật Viên chức", "45"],
  ),
  ask("moi dau vien chuc co phai thu viec ko, bao lau", ["Luật Viên chức", "27"]),
  ask(
    "Tôi muốn xin UBND huyện bản sao quyết định bồi thường đất của nhà tôi thì phải làm " +
      "giấy tờ gì, có phải nói lý do không, gửi qua bưu điện được không?",
    ["Luật Tiếp cận thông tin", "24"],
  ),
  ask(
    "xin thong tin o co quan nha nuoc co mat tien khong, ma ho tu choi khong noi ly do " + "thi sao",
    ["Luật Tiếp cận thông tin", "12"],
    ["Luật Tiếp cận thông tin", "28"],
  ),
  ask("Chủ nhà trọ tự mở cửa vô phòng em lúc em đi làm, không hỏi em gì hết. Như vậy có " + "đúng không?", [
    "Hiến pháp",
    "22",
  ]),
  ask("Mấy tuổi thì được đi bầu cử, còn muốn ra ứng cử đại biểu hội đồng nhân dân thì phải " + "đủ bao nhiêu tuổi?", [
    "Hiến pháp",
    "27",
  ]),
  ask(
    "Con em học lớp 2 trường công mà sao vẫn thu học phí, tiểu học không phải đóng học " + "phí đúng không ạ?",
    ["Luật Giáo dục", "99"],
    ["Luật Giáo dục", "14"],
  ),
  ask("con em sinh thang 12 nam 2019 thi nam nao duoc vao lop 1 vay ad", ["Luật Giáo dục", "28"]),
  ask("Cô chủ nhiệm bắt tụi nhỏ phải đi học thêm ở nhà cô, không đi là bị làm khó. Vậy có " + "đúng không?", [
    "Luật Giáo dục",
    "22",
  ]),
  ask("Mấy tuổi thì tính là thanh niên?", ["Luật Thanh niên", "1"]),
  ask(
    "em 24 tuoi muon khoi nghiep mo tiem cafe thi nha nuoc co ho tro vay von hay gi cho " + "thanh nien khong",
    ["Luật Thanh niên", "18"],
    ["Luật Thanh niên", "17"],
  ),
  ask(
    "Đi tour Đà Lạt mà công ty đổi khách sạn dở hơn hợp đồng, bỏ bớt mấy điểm tham quan. " +
      "Mình có quyền khiếu nại, đòi bồi thường không?",
    ["Luật Du lịch", "11"],
  ),
  ask("Muốn đi dẫn tour cho khách trong nước thì cần bằng cấp gì, có phải thi lấy thẻ " + "không?", [
    "Luật Du lịch",
    "59",
  ]),
  ask(
    "Có đứa lập nick ảo lên Facebook bịa chuyện nói em quỵt tiền, giật chồng người ta. " +
      "Vậy nó có vi phạm luật không, em báo ai để gỡ bài?",
    ["Luật An ninh mạng", "16"],
    ["Luật An ninh mạng", "8"],
  ),
  ask(
    "Con em 10 tuổi hay coi youtube, tiktok mà toàn clip bạo lực nhảm nhí. Mấy bên cung " +
      "cấp mạng có trách nhiệm chặn mấy nội dung đó cho trẻ em không?",
    ["Luật An ninh mạng", "29"],
  ),
  ask(
    "Dẫn đứa nhỏ 10 tuổi đi coi phim gắn nhãn K với T13 được không, rạp có cho vô không?",
    ["Luật Điện ảnh", "32"],
    ["Luật Điện ảnh", "19"],
  ),
  ask("nuoi cho trong nha thi co bat buoc tiem phong dai khong, cho nha ben canh tha rong " + "suot ngay", [
    "Luật Chăn nuôi",
    "66",
  ]),
  ask(
    "Hàng xóm nuôi chục con heo sát vách nhà tôi, chuồng dính liền nhà ở, phân với nước " +
      "thải chảy ra mương hôi lắm. Luật có quy định gì không?",
    ["Luật Chăn nuôi", "56"],
    ["Luật Chăn nuôi", "60"],
  ),
  ask(
    "Ruộng lúa nhà em năng suất thấp, em muốn chuyển qua trồng bắp với dưa hấu thì có " +
      "được không, cần điều kiện gì?",
    ["Luật Trồng trọt", "56"],
  ),
  ask(
    "Công ty em ký hợp đồng mua hàng có ghi tranh chấp thì đưa ra trọng tài. Giờ bên kia " +
      "giao hàng lỗi, em nộp đơn lên tòa án được k? Trọng tài xử rồi có kháng cáo được " +
      "không?",
    ["Luật Trọng tài thương mại", "6"],
    ["Luật Trọng tài thương mại", "61"],
  ),
  ask("bi ubnd xa ra quyet dinh cuong che thao do nha, toi muon kien ra toa thi trong bao " + "lau", [
    "Luật Tố tụng hành chính",
    "116",
  ]),
  ask(
    "Tôi muốn kiện quyết định thu hồi đất của UBND huyện thì nộp đơn ở tòa huyện hay tòa " + "tỉnh?",
    ["Luật Tố tụng hành chính", "32"],
    ["Luật Tố tụng hành chính", "31"],
  ),
  ask("Kháng cáo án hành chính mấy ngày?", ["Luật Tố tụng hành chính", "206"]),
];
