// The H3 parent of a cell by rewriting its hexadecimal index, as h3-js `cellToParent` does in C, without a call into
// h3-js. Index layout: H3 index spec, "H3Index Representation" (h3geo.org/docs/library/index/cell): mode in bits 59–62,
// resolution in bits 52–55, base cell in bits 45–51, then 15 digits of 3 bits each, unused digits 7.
import { cellToParent } from 'h3-js';

const HEX = '0123456789abcdef';

/** Per parent resolution: digits res+1..15 become 7 (binary 111), i.e. the lowest 3 × (15 − res) bits are all set. */
const LAYOUT = Array.from({ length: 16 }, (_, res) => {
  const bits = 3 * (15 - res);
  const full = bits >> 2;
  const rest = bits & 3;
  return { head: `8${HEX[res]}`, keep: 15 - full - (rest > 0 ? 1 : 0), mask: (1 << rest) - 1, tail: 'f'.repeat(full) };
});

/** The cell at `res` containing `cell` (a cell index string of a finer resolution, as h3-js writes it). */
export function cellParent(cell: string, res: number): string {
  // Cell-mode indexes are 15 hex digits: '8', the resolution digit, then 13 digits of base cell and resolution digits.
  const own = cell.length === 15 && cell.charCodeAt(0) === 0x38 ? HEX.indexOf(cell[1]) : -1;
  if (own < 1 || !Number.isInteger(res) || res < 0 || res > own) return cellToParent(cell, res);
  if (res === own) return cell;
  const { head, keep, mask, tail } = LAYOUT[res];
  if (mask === 0) return head + cell.slice(2, keep) + tail;
  const digit = HEX.indexOf(cell[keep]);
  if (digit < 0) return cellToParent(cell, res);
  return head + cell.slice(2, keep) + HEX[digit | mask] + tail;
}
