// Long replies split into messages a platform takes, at the most natural break that fits.

/** Splits at paragraph breaks, then line breaks, then spaces; a single huge word is cut as a last resort. */
export function splitText(text: string, budget: number): string[] {
  if (text.length <= budget) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > budget) {
    const window = rest.slice(0, budget);
    const cut =
      [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > budget / 3) ??
      budget;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
