// Writes the briefing's three to five sentences from the numbers, by templates in Bahasa Indonesia and English;
// nothing here names a specific area: every word about a place comes from the data.
import type { Approach } from '../domain/types.js';

export type Lang = 'id' | 'en';

/** A count as shown to the reader: null when withheld by the small-cell rule. */
export type Shown = number | null;

export interface BriefingFigures {
  name: string;
  from: string;
  to: string;
  total: { current: Shown; previous: Shown };
  byApproach: Record<Approach, { current: Shown; previous: Shown }>;
  rank: { rank: number; of: number; among: 'focus' | 'kelurahan' | 'kota' } | null;
  coverage: { plan: string; version: number; served: number; unmet: number; facilities: number; proposed: number } | null;
  spare: Array<{ name: string; km: number; spare: number }>;
  spareRadiusKm: number;
  minCell: number;
}

const APPROACH_NAMES: Record<Lang, Record<Approach, string>> = {
  id: {
    preventive: 'kegiatan pencegahan',
    early_detection: 'laporan deteksi dini',
    curative: 'kasus kuratif (pengguna dan rehabilitasi)',
    enforcement: 'penangkapan pengedar',
  },
  en: {
    preventive: 'prevention activities',
    early_detection: 'early-detection reports',
    curative: 'curative cases (users and rehab intakes)',
    enforcement: 'dealer arrests',
  },
};
const AMONG: Record<Lang, Record<'focus' | 'kelurahan' | 'kota', string>> = {
  id: { focus: 'area fokus', kelurahan: 'kelurahan', kota: 'kota' },
  en: { focus: 'focus areas', kelurahan: 'kelurahan', kota: 'cities' },
};

function fmt(lang: Lang) {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    n: (v: number) => num.format(v),
    d: (iso: string) => date.format(new Date(`${iso}T00:00:00Z`)),
    shown: (v: Shown, k: number) => (v === null ? (lang === 'id' ? `kurang dari ${k}` : `fewer than ${k}`) : num.format(v)),
  };
}

function pct(cur: number, prev: number): number {
  return Math.round(((cur - prev) / prev) * 100);
}

export function briefingSentences(f: BriefingFigures, lang: Lang): string[] {
  const { n, d, shown } = fmt(lang);
  const out: string[] = [];
  const { current, previous } = f.total;
  const span = lang === 'id' ? `${d(f.from)} – ${d(f.to)}` : `${d(f.from)} to ${d(f.to)}`;
  if (current !== null && previous !== null && previous > 0) {
    const p = pct(current, previous);
    const dir =
      p === 0
        ? lang === 'id'
          ? 'sama dengan'
          : 'the same as'
        : lang === 'id'
          ? `${p > 0 ? 'naik' : 'turun'} ${Math.abs(p)}% dibanding`
          : `${p > 0 ? 'up' : 'down'} ${Math.abs(p)}% on`;
    out.push(
      lang === 'id'
        ? `Selama ${span} tercatat ${n(current)} kejadian di ${f.name}, ${dir} periode sebelumnya yang sama panjangnya.`
        : `From ${span}, ${n(current)} events were recorded in ${f.name}, ${dir} the previous period of the same length.`,
    );
  } else {
    out.push(
      lang === 'id'
        ? `Selama ${span} tercatat ${shown(current, f.minCell)} kejadian di ${f.name}.`
        : `From ${span}, ${shown(current, f.minCell)} events were recorded in ${f.name}.`,
    );
  }

  // The approach that moved most (both periods shown and at least k, so the change means something).
  const moves = (Object.keys(f.byApproach) as Approach[])
    .map((a) => ({ a, ...f.byApproach[a] }))
    .filter(
      (m): m is { a: Approach; current: number; previous: number } =>
        m.current !== null && m.previous !== null && m.previous >= f.minCell && m.current >= f.minCell,
    )
    .map((m) => ({ ...m, p: pct(m.current, m.previous) }))
    .filter((m) => Math.abs(m.p) >= 10)
    .sort((x, y) => Math.abs(y.p) - Math.abs(x.p));
  if (moves.length > 0) {
    const m = moves[0];
    const what = APPROACH_NAMES[lang][m.a];
    out.push(
      lang === 'id'
        ? `${what[0].toUpperCase()}${what.slice(1)} ${m.p > 0 ? 'naik' : 'turun'} ${Math.abs(m.p)}% (dari ${n(m.previous)} menjadi ${n(m.current)}).`
        : `${what[0].toUpperCase()}${what.slice(1)} ${m.p > 0 ? 'rose' : 'fell'} ${Math.abs(m.p)}% (from ${n(m.previous)} to ${n(m.current)}).`,
    );
  }

  if (f.rank !== null && f.rank.of > 1) {
    out.push(
      lang === 'id'
        ? `Menurut jumlah kejadian, ${f.name} berada di peringkat ${f.rank.rank} dari ${f.rank.of} ${AMONG.id[f.rank.among]}.`
        : `By number of events, ${f.name} ranks ${f.rank.rank} of ${f.rank.of} ${AMONG.en[f.rank.among]}.`,
    );
  }

  if (f.coverage !== null) {
    const c = f.coverage;
    const unmet =
      c.unmet > 0.05
        ? lang === 'id'
          ? `; ${n(c.unmet)} klien per bulan belum terlayani`
          : `; ${n(c.unmet)} clients a month remain unserved`
        : lang === 'id'
          ? '; seluruh kebutuhan terlayani'
          : '; all demand is served';
    const proposed =
      c.proposed > 0
        ? lang === 'id'
          ? ` Rencana mengusulkan ${n(c.proposed)} puskesmas baru untuk ditetapkan sebagai layanan rehabilitasi.`
          : ` The plan proposes designating ${n(c.proposed)} more puskesmas for rehab.`
        : '';
    out.push(
      lang === 'id'
        ? `Menurut rencana cakupan "${c.plan}" (versi ${c.version}), ${n(c.facilities)} puskesmas melayani ${n(c.served)} klien per bulan dari area ini${unmet}.${proposed}`
        : `Under coverage plan "${c.plan}" (version ${c.version}), ${n(c.facilities)} puskesmas ${c.facilities === 1 ? 'serves' : 'serve'} ${n(c.served)} clients a month from this area${unmet}.${proposed}`,
    );
  } else {
    out.push(
      lang === 'id' ? 'Belum ada rencana cakupan puskesmas yang disimpan untuk area ini.' : 'No puskesmas coverage plan has been saved for this area yet.',
    );
  }

  if (f.spare.length > 0) {
    const names = f.spare
      .slice(0, 3)
      .map((s) => s.name)
      .join(', ');
    out.push(
      lang === 'id'
        ? `${n(f.spare.length)} puskesmas dalam radius ${n(f.spareRadiusKm)} km masih memiliki kapasitas rawat jalan tersisa (${names}).`
        : `${n(f.spare.length)} puskesmas within ${n(f.spareRadiusKm)} km still have spare outpatient capacity (${names}).`,
    );
  }
  return out.slice(0, 5);
}
