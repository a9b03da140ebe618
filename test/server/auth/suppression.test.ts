// Small-cell suppression: hand-worked tables, and a property: no withheld cell is the single unknown of any additive line.
import { describe, expect, it } from 'vitest';
import { suppressCells, tableLines } from '../../../server/auth/suppression.js';
import { createRng } from '../../../data/prng.js';

function table(cells: number[][]) {
  const rows = cells.length;
  const cols = cells[0].length;
  const values = cells.flat();
  for (const r of cells) values.push(r.reduce((a, b) => a + b, 0));
  for (let c = 0; c < cols; c++) values.push(cells.reduce((s, r) => s + r[c], 0));
  values.push(cells.flat().reduce((a, b) => a + b, 0));
  return { values, ...tableLines(rows, cols) };
}

describe('suppressCells', () => {
  it('withholds 1..k−1 and nothing else when every line already has two unknowns', () => {
    // Rows (a, b), columns (x, y):  a: 3 2 | 5   b: 10 20 | 30   totals: 13 22 | 35.
    // Primary: a.x=3, a.y=2 (both < 5), and row total a = 5 is not < 5. Row a has two unknowns: fine.
    // Column x: 3 hidden, 10 shown, total 13 shown → 3 recoverable → hide 10 (smallest shown non-zero). Same for y: hide 20.
    const t = table([[3, 2], [10, 20]]);
    const hidden = suppressCells(t.values, t.lines, 5);
    expect(hidden.slice(0, 4)).toEqual([true, true, true, true]);
    expect(hidden[t.rowTotal(0)]).toBe(false);
    expect(hidden[t.rowTotal(1)]).toBe(false);
    expect(hidden[t.grand]).toBe(false);
  });

  it('leaves zeros and large counts alone when nothing is small', () => {
    const t = table([[0, 7], [12, 9]]);
    expect(suppressCells(t.values, t.lines, 5).every((h) => !h)).toBe(true);
  });

  it('hides the row total when the only other cells are zeros', () => {
    // One row: [4, 0] with total 4: 4 is primary; the row total 4 < 5 is also primary. Column totals are 4 and 0.
    const t = table([[4, 0]]);
    const hidden = suppressCells(t.values, t.lines, 5);
    expect(hidden[0]).toBe(true);
    expect(hidden[t.rowTotal(0)]).toBe(true);
    // column x (4) would otherwise give it away: its total is hidden too, and so is the grand total.
    expect(hidden[t.colTotal(0)]).toBe(true);
  });

  it('property: on random tables no line has exactly one withheld cell, and every 1..k−1 is withheld', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + rng.int(8);
      const cols = 1 + rng.int(5);
      const cells = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rng.next() < 0.3 ? 0 : rng.int(rng.next() < 0.5 ? 6 : 40))));
      const t = table(cells);
      const k = 2 + rng.int(6);
      const hidden = suppressCells(t.values, t.lines, k);
      t.values.forEach((v, i) => {
        if (v > 0 && v < k) expect(hidden[i]).toBe(true);
      });
      for (const line of t.lines) {
        const n = [...line.members, line.total].filter((i) => hidden[i]).length;
        expect(n).not.toBe(1);
      }
    }
  });
});
