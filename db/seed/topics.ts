// Demo topics (lĩnh vực) and which seeded statute belongs to which. A statute with no entry goes to "Lĩnh vực khác".
export interface SeedTopic {
  slug: string;
  name: string;
  description: string;
  documents: string[];
}

export const otherTopicSlug = "linh-vuc-khac";

export const seedTopics: SeedTopic[] = [
  {
    slug: "hien-phap-nha-nuoc",
    name: "Hiến pháp và quyền công dân",
    description: "Hiến pháp, quyền và nghĩa vụ cơ bản của công dân, tiếp cận thông tin.",
    documents: ["Hiến pháp", "Luật Tiếp cận thông tin"],
  },
  {
    slug: "dan-su-hon-nhan-gia-dinh",
    name: "Dân sự, hôn nhân và gia đình",
    description: "Quan hệ dân sự, hợp đồng, thừa kế, kết hôn, ly hôn, con cái.",
    documents: ["Bộ luật dân sự", "Luật Hôn nhân và gia đình"],
  },
  {
    slug: "cu-tru-an-ninh-trat-tu",
    name: "Cư trú, an ninh và trật tự",
    description: "Đăng ký cư trú, an ninh mạng, phòng, chống ma túy.",
    documents: ["Luật Cư trú", "Luật An ninh mạng", "Luật Phòng, chống ma túy"],
  },
  {
    slug: "kinh-te-nong-nghiep-moi-truong",
    name: "Nông nghiệp, môi trường và du lịch",
    description: "Trồng trọt, chăn nuôi, bảo vệ môi trường, du lịch.",
    documents: ["Luật Trồng trọt", "Luật Chăn nuôi", "Luật Bảo vệ môi trường", "Luật Du lịch"],
  },
  {
    slug: "giao-duc-van-hoa-thanh-nien",
    name: "Giáo dục, văn hóa và thanh niên",
    description: "Giáo dục, điện ảnh, thanh niên, viên chức.",
    documents: ["Luật Giáo dục", "Luật Điện ảnh", "Luật Thanh niên", "Luật Viên chức"],
  },
  {
    slug: "to-tung-trong-tai",
    name: "Tố tụng và giải quyết tranh chấp",
    description: "Tố tụng hành chính, trọng tài thương mại.",
    documents: ["Luật Tố tụng hành chính", "Luật Trọng tài thương mại"],
  },
  { slug: otherTopicSlug, name: "Lĩnh vực khác", description: "Các văn bản chưa xếp vào lĩnh vực nào.", documents: [] },
];
