// Zalo's login QR code drawn in the terminal, so `npm run zalo:login` works over SSH without opening the PNG. Zalo
// sends the code only as a PNG image, so the image is read back into modules: the code's edges and the width of
// its top-left finder pattern (7 modules) give the module size, and each module is sampled at its centre. An image
// that does not read as a QR code gives null, and the command points at the saved PNG instead.
import { convertIndexedToRgb, decode } from "fast-png";

/** Dark (true) and light modules of the QR code in a PNG, row by row, or null. */
export function qrModulesFromPng(png: Uint8Array): boolean[][] | null {
  let image: ReturnType<typeof decode>;
  try {
    image = decode(png);
  } catch {
    return null;
  }
  const { width, height } = image;
  const data = image.palette ? convertIndexedToRgb(image) : image.data;
  const channels = image.palette ? (image.transparency ? 4 : 3) : image.channels;
  const max = image.palette ? 255 : 2 ** image.depth - 1;
  const dark = (x: number, y: number): boolean => {
    const at = (y * width + x) * channels;
    const value = (i: number) => (data[at + i] ?? 0) / max;
    const hasAlpha = channels === 2 || channels === 4;
    const alpha = hasAlpha ? value(channels - 1) : 1;
    const luminance = channels >= 3 ? 0.299 * value(0) + 0.587 * value(1) + 0.114 * value(2) : value(0);
    // Transparent pixels count as the white page the code is printed on.
    return luminance * alpha + (1 - alpha) < 0.5;
  };

  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!dark(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return null;
  // The finder pattern's top edge and left edge are 7 modules of unbroken dark.
  let run = 0;
  while (left + run <= right && dark(left + run, top)) run++;
  let columnRun = 0;
  while (top + columnRun <= bottom && dark(left, top + columnRun)) columnRun++;
  const roughModule = (run + columnRun) / 14;
  if (roughModule < 1) return null;
  const size = Math.round((right - left + 1) / roughModule);
  if (size < 21 || size > 177 || (size - 17) % 4 !== 0) return null;
  const moduleWidth = (right - left + 1) / size;
  const moduleHeight = (bottom - top + 1) / size;
  const modules = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) =>
      dark(
        Math.min(width - 1, Math.floor(left + (column + 0.5) * moduleWidth)),
        Math.min(height - 1, Math.floor(top + (row + 0.5) * moduleHeight)),
      ),
    ),
  );
  return hasFinderPatterns(modules) ? modules : null;
}

/** The three 7×7 finder patterns (dark ring, light ring, dark 3×3 centre) where a QR code has them. */
function hasFinderPatterns(modules: boolean[][]): boolean {
  const size = modules.length;
  const finderAt = (top: number, left: number) => {
    for (let y = 0; y < 7; y++) {
      for (let x = 0; x < 7; x++) {
        const ring = Math.max(Math.abs(y - 3), Math.abs(x - 3));
        if (modules[top + y]![left + x] !== (ring !== 2)) return false;
      }
    }
    return true;
  };
  return finderAt(0, 0) && finderAt(0, size - 7) && finderAt(size - 7, 0);
}

/**
 * Two module rows per text line with half blocks, black on white whatever the terminal's colours (a phone reads
 * dark modules on a light ground), inside the quiet zone of 2 modules a scanner needs at the least.
 */
export function drawQr(modules: boolean[][], quiet = 2): string {
  const size = modules.length + quiet * 2;
  const at = (row: number, column: number) => modules[row - quiet]?.[column - quiet] === true;
  const lines: string[] = [];
  for (let row = 0; row < size; row += 2) {
    let line = "";
    for (let column = 0; column < size; column++) {
      const upper = at(row, column);
      const lower = row + 1 < size && at(row + 1, column);
      line += upper && lower ? "█" : upper ? "▀" : lower ? "▄" : " ";
    }
    lines.push(`\u001b[30;47m${line}\u001b[0m`);
  }
  return lines.join("\n");
}
