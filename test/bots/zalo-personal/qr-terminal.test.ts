// The login QR code read back from Zalo's PNG into modules and drawn with half blocks.
import { encode } from "fast-png";
import { describe, expect, it } from "vitest";
import { drawQr, qrModulesFromPng } from "../../../bots/zalo-personal/qr-terminal";

/** A QR-shaped matrix: finder patterns in three corners, timing rows, pseudo-random data elsewhere. */
function qrLike(size: number, seed = 7): boolean[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) & 1) === 1;
  const modules = Array.from({ length: size }, () => Array.from({ length: size }, next));
  for (const [top, left] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let y = -1; y <= 7; y++) {
      for (let x = -1; x <= 7; x++) {
        const row = modules[top + y];
        if (!row || left + x < 0 || left + x >= size) continue;
        const ring = Math.max(Math.abs(y - 3), Math.abs(x - 3));
        row[left + x] = ring !== 2 && ring !== 4;
      }
    }
  }
  return modules;
}

function png(modules: boolean[][], scale: number, margin: number, channels: 1 | 3 | 4): Uint8Array {
  const side = (modules.length + margin * 2) * scale;
  const data = new Uint8Array(side * side * channels);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const dark = modules[Math.floor(y / scale) - margin]?.[Math.floor(x / scale) - margin] === true;
      for (let c = 0; c < channels; c++) data[(y * side + x) * channels + c] = c === 3 ? 255 : dark ? 0 : 255;
    }
  }
  return encode({ width: side, height: side, data, channels, depth: 8 });
}

describe("login QR code in the terminal", () => {
  it("reads the modules back from the PNG, grey or colour, at any scale", () => {
    for (const [size, scale, channels] of [
      [25, 6, 4],
      [29, 5, 1],
      [33, 8, 3],
    ] as const) {
      const modules = qrLike(size);
      expect(qrModulesFromPng(png(modules, scale, 4, channels))).toEqual(modules);
    }
  });

  it("gives null for an image that is no QR code, or no PNG at all", () => {
    const blank = Array.from({ length: 25 }, () => Array.from({ length: 25 }, () => false));
    blank[10]![10] = true;
    expect(qrModulesFromPng(png(blank, 4, 2, 1))).toBeNull();
    expect(qrModulesFromPng(new TextEncoder().encode("not a png"))).toBeNull();
  });

  it("draws two module rows per line, black on white, with a quiet zone", () => {
    const modules = qrLike(21);
    const lines = drawQr(modules).split("\n");
    expect(lines).toHaveLength(13);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ANSI colour codes are what is checked
    const text = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ""));
    expect(text.every((l) => l.length === 25)).toBe(true);
    expect(text[0]).toBe(" ".repeat(25));
    // Row 2 of the drawing holds module rows 0 and 1: the finder's top edge over its ring.
    expect(text[1]!.slice(2, 9)).toBe("█▀▀▀▀▀█");
    expect(lines[0]!.startsWith("\u001b[30;47m")).toBe(true);
  });
});
