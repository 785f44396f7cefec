// Citizen questions written for Loa (not from ../shared): everyday words, no legal terms where a person would not
// use them, each with the article(s) a lawyer would cite. Written on 2026-11-23 without looking at any ranking, after
// title recall had been chosen on the dev sets: they were the check that it holds on questions nobody tuned for
// (hit@1 0.48 → 0.52, hit@5 0.74 → 0.78). Synonyms added the same day came from their misses, so this set no longer
// measures synonyms blind; bench:qa reports it beside the dev sets for what it is.
export interface BenchQuestion {
  text: string;
  relevant_articles: Array<{ law_id: string; article_id: string }>;
}

const CIVIL = "Bộ luật dân sự";
const FAMILY = "Luật Hôn nhân và gia đình";
const RESIDENCE = "Luật Cư trú";

const ask = (text: string, law: string, ...articles: string[]): BenchQuestion => ({
  text,
  relevant_articles: articles.map((article_id) => ({ law_id: law, article_id })),
});

export const ownCitizenQuestions: BenchQuestion[] = [
  ask("Bao nhiêu tuổi thì được tự lập di chúc?", CIVIL, "625"),
  ask("Ông tôi trước khi mất dặn lại bằng miệng thì có tính là di chúc không?", CIVIL, "629", "627"),
  ask("Con riêng của chồng có được hưởng thừa kế của mẹ kế không?", CIVIL, "654"),
  ask("Đã nhận tiền cọc mua nhà rồi mà không bán nữa thì phải trả bao nhiêu?", CIVIL, "328"),
  ask("Cho vay lấy lãi tối đa bao nhiêu phần trăm một năm?", CIVIL, "468"),
  ask("Người giám hộ có được bán nhà của đứa trẻ mình giám hộ không?", CIVIL, "59"),
  ask("Bố mất đã lâu, bao nhiêu năm thì hết quyền đòi chia thừa kế?", CIVIL, "623"),
  ask("Nhà hàng xóm xây tường lấn sang đất nhà tôi thì xử lý thế nào?", CIVIL, "175"),
  ask("Chó nhà tôi cắn người ta thì tôi có phải đền không?", CIVIL, "603"),
  ask("Người đi biệt tích nhiều năm không về thì gia đình làm sao để tòa tuyên bố đã chết?", CIVIL, "71"),
  ask("Mượn xe máy của bạn rồi làm hỏng thì có phải đền không?", CIVIL, "496"),
  ask("Thuê nhà mà mấy tháng không trả tiền thì sao?", CIVIL, "481"),
  ask("Bị người khác đánh gãy chân thì được đòi bồi thường những khoản gì?", CIVIL, "590"),
  ask("Con trai tôi 14 tuổi đánh bạn ở trường thì ai chịu trách nhiệm bồi thường?", CIVIL, "599", "586"),
  ask("Xe tải đâm vào nhà dân thì chủ xe có phải bồi thường không?", CIVIL, "601"),
  ask("Con trai mất trước bố thì cháu nội có được hưởng phần của bố mình không?", CIVIL, "652"),
  ask("Bố để di chúc cho hết con trai, vợ và con gái chưa thành niên có được hưởng gì không?", CIVIL, "644"),
  ask("Nam nữ bao nhiêu tuổi thì được cưới?", FAMILY, "8"),
  ask("Ly hôn thì nhà đất mua chung chia thế nào?", FAMILY, "59"),
  ask("Sau ly hôn người không nuôi con có phải gửi tiền nuôi con hàng tháng không?", FAMILY, "82"),
  ask("Nhờ chị gái mang thai hộ cần điều kiện gì?", FAMILY, "95"),
  ask("Vợ không đồng ý ly hôn thì chồng có ly hôn được không?", FAMILY, "56", "51"),
  ask("Tiền lương của vợ có phải là tài sản chung không?", FAMILY, "33"),
  ask("Chuyển đến nhà mới thì nhập hộ khẩu cần những giấy tờ gì?", RESIDENCE, "21"),
  ask("Đi làm xa ở trọ có phải khai báo tạm trú không?", RESIDENCE, "27", "28"),
  ask("Đi vắng khỏi địa phương bao lâu thì phải báo tạm vắng?", RESIDENCE, "31"),
  ask("Khách đến nhà ngủ qua đêm có phải báo công an không?", RESIDENCE, "30"),
];
