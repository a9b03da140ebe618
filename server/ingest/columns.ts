// Finds which column holds each field: an explicit mapping first, then known names (case-insensitive), then headers containing them.

export interface FieldSpec {
  field: string;
  names: readonly string[];
  required: boolean;
  /** Only whole-header matches: for short generic names that occur inside unrelated headers ("tahun" in "balita_(0-5_tahun)"). */
  exactOnly?: boolean;
}

export interface ColumnMatch {
  used: Record<string, string>;
  ignored: string[];
  missing: FieldSpec[];
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s_\-./]+/g, '');

/** Whole-word containment on normalised tokens, so "Nama Puskesmas" matches "nama" but "jumlah_kk" does not match "jumlah penduduk". */
function containsName(header: string, name: string): boolean {
  const tokens = header
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const want = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (want.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

export function matchColumns(columns: readonly string[], specs: readonly FieldSpec[], explicit: Readonly<Record<string, string>> = {}): ColumnMatch {
  const used: Record<string, string> = {};
  const taken = new Set<string>();
  for (const spec of specs) {
    const mapped = explicit[spec.field];
    if (mapped !== undefined) {
      const hit = columns.find((c) => c === mapped) ?? columns.find((c) => norm(c) === norm(mapped));
      if (hit) {
        used[spec.field] = hit;
        taken.add(hit);
      }
    }
  }
  for (const spec of specs) {
    if (used[spec.field] !== undefined || explicit[spec.field] !== undefined) continue;
    const free = columns.filter((c) => !taken.has(c));
    const exact = spec.names.map((n) => free.find((c) => norm(c) === norm(n))).find((c) => c !== undefined);
    const contained = spec.exactOnly === true ? undefined : spec.names.map((n) => free.find((c) => containsName(c, n))).find((c) => c !== undefined);
    const partial = exact ?? contained;
    if (partial !== undefined) {
      used[spec.field] = partial;
      taken.add(partial);
    }
  }
  return {
    used,
    ignored: columns.filter((c) => !taken.has(c) && c !== '__featureId'),
    missing: specs.filter((s) => s.required && used[s.field] === undefined),
  };
}

/** Parses `field=Column Name` pairs given on the command line or in an upload form. */
export function parseMapping(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new Error(`Column mapping "${p}" must look like field=Column Name`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}
