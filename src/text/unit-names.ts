// How people write place names: with or without the unit type ("xã Yên Định", "Yên Định"), with or without
// diacritics, sometimes with the old district ("xã Yên Định, huyện Sơn Động"). Compared folded, type removed.
import { foldText, normalizeText } from "./vietnamese";

const UNIT_TYPES = [
  "thanh pho truc thuoc trung uong",
  "thanh pho",
  "thi tran",
  "thi xa",
  "dac khu",
  "phuong",
  "tinh",
  "huyen",
  "quan",
  "xa",
  "tp",
];
const TYPE_PREFIX = new RegExp(`^(?:${UNIT_TYPES.join("|")})\\.?\\s+`);

/** "Xã Yên Định" → "yen dinh"; "TP. Hồ Chí Minh" → "ho chi minh". */
export function foldUnitName(name: string): string {
  const folded = foldText(normalizeText(name))
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return folded.replace(TYPE_PREFIX, "").replace(/\./g, "").trim();
}

/** A place as typed, split into its parts from the smallest: "xã A, huyện B, tỉnh C" → ["a", "b", "c"]. */
export function placeParts(text: string): string[] {
  return normalizeText(text)
    .split(/[,;\n]+/)
    .map(foldUnitName)
    .filter((part) => part.length > 0);
}

/** The unit type a written name starts with, folded ("phường Ba Đình" → "phuong"), or null. */
export function unitTypeOf(name: string): string | null {
  const folded = foldText(normalizeText(name))
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    .trim();
  return (
    TYPE_PREFIX.exec(folded)?.[0]
      .replace(/[.\s]+$/g, "")
      .trim() ?? null
  );
}
