// Small-cell suppression for viewers: counts in 1..k−1 are withheld (primary), and further cells are withheld
// (complementary) until no additive line — a set of cells and the total they sum to — has exactly one withheld
// member, so no withheld value can be recovered by subtracting shown values from a shown total.
// The singleton-free rule is the basic cell-suppression heuristic of statistical disclosure control
// (Hundepool et al., "Statistical Disclosure Control", Wiley 2012, §4.4); it does not solve the optimal problem.

export interface AdditiveLine {
  /** Indices of the cells that add up to `total`. */
  members: readonly number[];
  total: number;
}

export function suppressCells(values: readonly number[], lines: readonly AdditiveLine[], k: number): boolean[] {
  const hidden = values.map((v) => v > 0 && v < k);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const all = [...line.members, line.total];
      const hiddenCount = all.filter((i) => hidden[i]).length;
      if (hiddenCount !== 1) continue;
      // Hide the smallest shown non-zero member (least information lost); if every shown member is 0, hide the total.
      const candidates = line.members.filter((i) => !hidden[i] && values[i] > 0).sort((a, b) => values[a] - values[b] || a - b);
      const pick = candidates[0] ?? (hidden[line.total] ? line.members.find((i) => !hidden[i]) : line.total);
      if (pick === undefined) continue;
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * Builds the cells and lines of a table: rows × columns with row totals, column totals and a grand total.
 * Cell index layout: row r, column c → r * cols + c; row totals follow, then column totals, then the grand total.
 */
export function tableLines(
  rows: number,
  cols: number,
): { lines: AdditiveLine[]; rowTotal: (r: number) => number; colTotal: (c: number) => number; grand: number } {
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  const lines: AdditiveLine[] = [];
  for (let r = 0; r < rows; r++) lines.push({ members: Array.from({ length: cols }, (_, c) => r * cols + c), total: rowTotal(r) });
  for (let c = 0; c < cols; c++) lines.push({ members: Array.from({ length: rows }, (_, r) => r * cols + c), total: colTotal(c) });
  lines.push({ members: Array.from({ length: rows }, (_, r) => rowTotal(r)), total: grand });
  lines.push({ members: Array.from({ length: cols }, (_, c) => colTotal(c)), total: grand });
  return { lines, rowTotal, colTotal, grand };
}
