// The statute file format (the one of ../shared/data/legal/law.json): [{ id: "<law name>", articles: [{ id, text }] }],
// optionally with each statute's legal identity and life (number, type, issuer, year, effective date, end date and
// what replaced it, amendments with their articles, what it replaces, confidence, sources): old files import as
// before. Validated record by record so an operator is told exactly which record and field is wrong.
import { z } from "zod";
import { documentEndReasons, factConfidences } from "../../db/schema/content";
import { normalizeText } from "../text/vietnamese";
import { articleNumberOf, isIsoDate } from "./law-status";

const isoDate = z.string().trim().refine(isIsoDate, "ngày phải có dạng YYYY-MM-DD và là ngày có thật");
const shortText = (max: number) => z.string().trim().min(1, "không được để trống").max(max, "quá dài");

const amendmentSchema = z
  .object({
    /** The amending document's number ("118/2025/QH15"). */
    number: shortText(60),
    name: shortText(500),
    effectiveFrom: isoDate.optional(),
    /** Articles of this statute it changed: "9", "Điều 84 (khoản 1)". */
    articles: z
      .array(shortText(100).refine((a) => articleNumberOf(a) !== null, "mỗi mục phải bắt đầu bằng số điều, ví dụ 84"))
      .max(2000)
      .optional(),
    /** True when `articles` lists every article it changed. */
    articlesComplete: z.boolean().optional(),
    note: shortText(1000).optional(),
  })
  .strict();

/** The optional legal facts of a statute record. */
const factsShape = {
  number: shortText(60).optional(),
  type: shortText(60).optional(),
  issuingBody: shortText(200).optional(),
  year: z.number().int().min(1945, "năm không hợp lệ").max(2100, "năm không hợp lệ").optional(),
  effectiveFrom: isoDate.optional(),
  endsOn: isoDate.optional(),
  endReason: z.enum(documentEndReasons).optional(),
  replacedBy: z
    .object({ number: shortText(60).optional(), name: shortText(500).optional() })
    .strict()
    .refine((r) => r.number || r.name, "cần số hiệu hoặc tên văn bản thay thế")
    .optional(),
  /** Numbers or titles of loaded documents this one replaces: they end on this one's effective date. */
  replaces: z.array(shortText(300)).max(50).optional(),
  amendments: z.array(amendmentSchema).max(200).optional(),
  confidence: z.enum(factConfidences).optional(),
  note: shortText(4000).optional(),
  sources: z.array(z.string().trim().url("nguồn phải là một địa chỉ web")).max(50).optional(),
};

const articleSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1, "số điều không được để trống")
    .max(20, "số điều quá dài")
    .regex(/^[0-9]+[a-zđ]?$/i, "số điều phải là số, có thể kèm một chữ cái (ví dụ 12a)"),
  text: z.string().trim().min(1, "nội dung điều không được để trống").max(200_000, "nội dung điều quá dài"),
});

export const lawFileSchema = z
  .array(
    z
      .object({
        id: z.string().trim().min(1, "tên văn bản không được để trống").max(300, "tên văn bản quá dài"),
        articles: z.array(articleSchema).min(1, "văn bản phải có ít nhất một điều"),
        ...factsShape,
      })
      .superRefine((law, ctx) => {
        if (law.effectiveFrom && law.endsOn && law.endsOn < law.effectiveFrom) {
          ctx.addIssue({ code: "custom", path: ["endsOn"], message: "ngày hết hiệu lực trước ngày có hiệu lực" });
        }
        if ((law.endReason || law.replacedBy) && !law.endsOn) {
          ctx.addIssue({ code: "custom", path: ["endsOn"], message: "cần ngày hết hiệu lực (endsOn)" });
        }
        if (law.replaces && !law.effectiveFrom) {
          ctx.addIssue({
            code: "custom",
            path: ["effectiveFrom"],
            message: "văn bản thay thế văn bản khác cần ngày có hiệu lực (effectiveFrom)",
          });
        }
      }),
  )
  .min(1, "tệp không có văn bản nào")
  .superRefine((laws, ctx) => {
    laws.forEach((law, lawIndex) => {
      const seen = new Set<string>();
      law.articles.forEach((article, articleIndex) => {
        const key = article.id.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: "custom",
            path: [lawIndex, "articles", articleIndex, "id"],
            message: `Điều ${article.id} bị trùng trong văn bản "${law.id}"`,
          });
        }
        seen.add(key);
      });
    });
  });

export type LawFile = z.infer<typeof lawFileSchema>;
export type LawRecord = LawFile[number];

export interface ParsedArticle {
  number: string;
  title: string | null;
  body: string;
}

/**
 * An article's text starts with its title line ("Điều kiện kết hôn") unless the statute has untitled articles
 * (the Constitution): a short first line that does not end like a sentence is a title.
 */
export function parseArticleText(number: string, rawText: string): ParsedArticle {
  const text = normalizeText(rawText).trim();
  const newline = text.indexOf("\n");
  if (newline > 0) {
    const firstLine = text.slice(0, newline).trim();
    const rest = text.slice(newline + 1).trim();
    if (rest.length > 0 && firstLine.length <= 300 && !/[.:;,]$/.test(firstLine)) {
      return { number, title: firstLine, body: rest };
    }
  }
  return { number, title: null, body: text };
}

/** "Hiến pháp", "Bộ luật", "Luật", "Nghị định", … from how the title starts. */
export function documentTypeOf(title: string): string {
  const known = ["Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư"];
  const normalized = normalizeText(title).trim().toLocaleLowerCase("vi");
  return known.find((type) => normalized.startsWith(type.toLocaleLowerCase("vi"))) ?? "Văn bản";
}

/** Human-readable zod issues: "bản ghi 3 ("Luật X"), articles[5].text: nội dung điều không được để trống". */
export function describeLawFileIssues(input: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [recordIndex, ...rest] = issue.path;
    if (typeof recordIndex !== "number") return `tệp: ${issue.message}`;
    const record = Array.isArray(input) ? (input[recordIndex] as { id?: unknown } | undefined) : undefined;
    const name = typeof record?.id === "string" ? ` ("${record.id}")` : "";
    const field = rest
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    return `bản ghi ${recordIndex}${name}${field ? `, trường ${field}` : ""}: ${issue.message}`;
  });
}
