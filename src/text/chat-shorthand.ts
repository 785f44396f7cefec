// The shorthand Vietnamese people type in chat (Zalo, Messenger, SMS): "vk ck ly hôn dc ko", "cty nợ lương",
// "ra ubnd xã". A question is read with each such word spelled out, so "vk" finds what "vợ" finds and "ko" is
// dropped as the question word it is. Only shorthand that means one thing in a question is listed: "bn" (bao nhiêu
// or bạn), "đk" (đăng ký or điều kiện), "hd" (hợp đồng or hướng dẫn) and single letters other than "k" and "j" are
// left as typed. A key matches a word typed exactly so, lower case: none is a Vietnamese syllable, so "hồng" in "sổ
// hồng" or "hỏng" never reads as shorthand. Statutes are indexed as written: "điểm k" there is a point of a clause.
export const CHAT_SHORTHAND: Readonly<Record<string, string>> = {
  // Question grammar: spelled out so it is dropped like the full words.
  k: "không",
  ko: "không",
  kh: "không",
  khg: "không",
  hok: "không",
  dc: "được",
  đc: "được",
  j: "gì",
  ntn: "như thế nào",
  vs: "với",
  mk: "mình",
  mik: "mình",
  trc: "trước",
  ak: "ạ",
  // People and family.
  vk: "vợ",
  ck: "chồng",
  ng: "người",
  ny: "người yêu",
  // Bodies, papers and places, as people abbreviate them in writing too.
  cty: "công ty",
  ubnd: "ủy ban nhân dân",
  hdnd: "hội đồng nhân dân",
  hđnd: "hội đồng nhân dân",
  tand: "tòa án nhân dân",
  vksnd: "viện kiểm sát nhân dân",
  csgt: "cảnh sát giao thông",
  gcn: "giấy chứng nhận",
  qsdd: "quyền sử dụng đất",
  qsdđ: "quyền sử dụng đất",
  hdld: "hợp đồng lao động",
  hđlđ: "hợp đồng lao động",
  bhxh: "bảo hiểm xã hội",
  bhyt: "bảo hiểm y tế",
  gplx: "giấy phép lái xe",
  gks: "giấy khai sinh",
  dkkh: "đăng ký kết hôn",
  đkkh: "đăng ký kết hôn",
  sdt: "số điện thoại",
  sđt: "số điện thoại",
  tp: "thành phố",
  thpt: "trung học phổ thông",
  thcs: "trung học cơ sở",
  mxh: "mạng xã hội",
  fb: "facebook",
};
