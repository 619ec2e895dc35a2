/** A cell's place in a sheet, both 1-based: A1 is row 1, column 1. */
export interface CellPosition {
  row: number;
  column: number;
}

/** The letters of a 1-based column: 1 → `A`, 27 → `AA`. */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The 1-based index of column letters: `A` → 1, `AA` → 27. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** A cell reference (`B12`, `$B$12`) as a position, or undefined if it is not one. */
export function parseCellReference(reference: string): CellPosition | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference.trim());
  if (!match) return undefined;
  return { row: Number(match[2]), column: columnIndex(match[1] as string) };
}

/** A range (`A1:F1`; a single cell is a range of one) as its top-left and bottom-right cells. */
export function parseRange(reference: string): { from: CellPosition; to: CellPosition } | undefined {
  const [start = '', end = start] = reference.split(':');
  const from = parseCellReference(start);
  const to = parseCellReference(end);
  if (!from || !to) return undefined;
  return {
    from: { row: Math.min(from.row, to.row), column: Math.min(from.column, to.column) },
    to: { row: Math.max(from.row, to.row), column: Math.max(from.column, to.column) },
  };
}
