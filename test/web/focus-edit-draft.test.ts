// The focus-area editor's draft: rings from stored outlines, vertex edits, midpoints, and the bodies sent to the server.
import { describe, expect, it } from 'vitest';
import {
  createBody,
  draftOf,
  draftProblems,
  emptyDraft,
  midpointsOf,
  ringOf,
  updateBody,
  withVertexAdded,
  withVertexInserted,
  withVertexMoved,
  withVertexRemoved,
} from '../../web/focus-edit/draft';
import type { FocusAreaRecord } from '../../web/api';

const square = { type: 'Polygon' as const, coordinates: [[[106.8, -6.2], [106.81, -6.2], [106.81, -6.19], [106.8, -6.19], [106.8, -6.2]]] };
const record: FocusAreaRecord = {
  id: 'fa', name: 'Kampung', aliases: ['A', 'B'], notes: 'n', kelurahanCode: '31.71.01.1001', geometry: square, source: 's', approximate: true,
  version: 3, updatedAt: '2026-03-01T00:00:00.000Z', updatedBy: 'ana',
};

describe('focus-area draft', () => {
  it('opens a stored outline as an open ring and sends only what changed', () => {
    const d = draftOf(record);
    expect(d.ring).toEqual([[106.8, -6.2], [106.81, -6.2], [106.81, -6.19], [106.8, -6.19]]);
    expect(d.aliases).toBe('A\nB');
    expect(updateBody({ ...d, name: 'Baru', aliases: ' A \n\nC ' }, 3)).toEqual({ version: 3, name: 'Baru', aliases: ['A', 'C'], notes: 'n' });
    const moved = withVertexMoved(d, 2, [106.812345678, -6.18]);
    expect(updateBody(moved, 3).geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[106.8, -6.2], [106.81, -6.2], [106.8123457, -6.18], [106.8, -6.19], [106.8, -6.2]]],
    });
  });

  it('inserts at an edge midpoint, removes down to three vertices and no further', () => {
    const d = draftOf(record);
    expect(midpointsOf(d.ring).map((m) => [m.after, m.position])).toEqual([
      [0, [106.805, -6.2]],
      [1, [106.81, -6.195]],
      [2, [106.805, -6.19]],
      [3, [106.8, -6.195]],
    ]);
    const five = withVertexInserted(d, 3, [106.8, -6.195]);
    expect(five.ring[4]).toEqual([106.8, -6.195]);
    const three = withVertexRemoved(withVertexRemoved(five, 0), 0);
    expect(three.ring).toHaveLength(3);
    expect(withVertexRemoved(three, 0)).toBe(three);
  });

  it('a new draft needs a name and three vertices; its body is a closed polygon', () => {
    let d = emptyDraft();
    expect(draftProblems(d)).toEqual(['focusEdit.needName', 'focusEdit.needOutline']);
    for (const p of [[106.8, -6.2], [106.81, -6.2], [106.81, -6.19]] as Array<[number, number]>) d = withVertexAdded(d, p);
    d = { ...d, name: 'Gang 5' };
    expect(draftProblems(d)).toEqual([]);
    expect(midpointsOf(d.ring)).toHaveLength(3);
    expect(createBody(d)).toEqual({ name: 'Gang 5', aliases: [], notes: '', geometry: { type: 'Polygon', coordinates: [[[106.8, -6.2], [106.81, -6.2], [106.81, -6.19], [106.8, -6.2]]] } });
    expect(ringOf({ type: 'MultiPolygon', coordinates: [square.coordinates] })).toHaveLength(4);
  });
});
