// Builds Postgres full-text values from our own Vietnamese tokens. We hand Postgres ready lexemes (cast from text,
// so its parser never splits "ly_hon") instead of relying on a text-search configuration that does not know
// Vietnamese: the same values work on PGlite and on any Postgres, with no extension.
import { tokenizeClauses } from "./vietnamese";

/** Syllables too common to narrow a search; dropped from the "all of these" query when other words remain. */
const STOP_SYLLABLES = new Set([
  "la",
  "cua",
  "va",
  "cac",
  "nhung",
  "cho",
  "duoc",
  "trong",
  "thi",
  "khi",
  "nao",
  "gi",
  "the",
  "nay",
  "do",
  "voi",
  "mot",
  "de",
  "ve",
  "tai",
  "theo",
  "hoac",
  "nhu",
  "bi",
  "co",
  "o",
  "ra",
  "vao",
  "phai",
  "toi",
  "minh",
  "ai",
  "sao",
  "bao",
  "nhieu",
  "hoi",
  "xin",
  "a",
  "nhe",
  "khong",
  "neu",
  "moi",
  "da",
  "se",
  "dang",
  "ma",
]);

// tsvector positions stop at 16383; later words still count as present.
const MAX_POSITION = 16383;

type Weight = "A" | "B" | "C" | "D";

/** A tsvector literal: every syllable and syllable pair with positions; `weight` marks e.g. title words. */
export function searchVectorLiteral(parts: Array<{ text: string; weight: Weight }>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (lexeme: string, pos: number, weight: Weight) => {
    const list = positions.get(lexeme) ?? [];
    if (list.length < 256) list.push(`${Math.min(pos, MAX_POSITION)}${weight}`);
    positions.set(lexeme, list);
  };
  for (const part of parts) {
    for (const clause of tokenizeClauses(part.text)) {
      for (let i = 0; i < clause.length; i++) {
        position++;
        add(clause[i]!, position, part.weight);
        if (i + 1 < clause.length) add(`${clause[i]}_${clause[i + 1]}`, position, part.weight);
      }
      position++; // a gap between clauses
    }
  }
  return [...positions].map(([lexeme, pos]) => `${quoteLexeme(lexeme)}:${pos.join(",")}`).join(" ");
}

export interface SearchQueries {
  /** Every meaningful syllable must appear (pairs rank higher): precise, used first. */
  all: string;
  /** Any syllable or pair: the fallback when nothing contains them all. */
  any: string;
  /** For ranking: syllables and pairs, OR-ed, so adjacent pairs count twice. */
  rank: string;
}

/** tsquery literals for a free-text search, or null when the text has no searchable word. */
export function searchQueries(text: string): SearchQueries | null {
  const clauses = tokenizeClauses(text);
  const words = [...new Set(clauses.flat())];
  if (words.length === 0) return null;
  const pairs = [...new Set(clauses.flatMap((c) => c.slice(1).map((s, i) => `${c[i]}_${s}`)))];
  const meaningful = words.filter((w) => !STOP_SYLLABLES.has(w));
  const required = meaningful.length > 0 ? meaningful : words;
  const any = [...pairs, ...required].map(quoteLexeme);
  return {
    all: required.map(quoteLexeme).join(" & "),
    any: any.join(" | "),
    rank: [...pairs, ...words].map(quoteLexeme).join(" | "),
  };
}

function quoteLexeme(lexeme: string): string {
  // Folded tokens are letters, digits and "_", but quote anyway so no input can change the query's structure.
  return `'${lexeme.replace(/['\\]/g, "")}'`;
}
