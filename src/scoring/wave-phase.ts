// Whether a quiz wave is the "before" or the "after" measurement of a dissemination activity. Marked by the wave's
// name, as officers already name them ("Trước Ngày Pháp luật 2026", "Sau Ngày Pháp luật 2026"): the first word,
// read with or without diacritics or brackets, is "Trước" (before) or "Sau" (after). Any other wave is neither and
// is not paired. A name needs no migration and no new API field, and the officer sees the mark where they named it.
import { foldText } from "../text/vietnamese";

export type WavePhase = "before" | "after";

export function wavePhase(name: string): WavePhase | null {
  const first = foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .find((word) => word.length > 0);
  if (first === "truoc") return "before";
  if (first === "sau") return "after";
  return null;
}
