// What the import says about a file or row, in the two languages of the dashboard: English (the API's `message`, the
// CLI) and Indonesian (shown to data stewards reading the dashboard in Bahasa Indonesia). Each message is written in
// both where it is made, so the values in it (rows, codes, numbers) read the same in either.

export interface Msg {
  en: string;
  id: string;
}

export const msg = (en: string, id: string): Msg => ({ en, id });

/** An error whose reason is said in both languages: `message` is the English one, `msg` both. */
export class MsgError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

/** Two parts of a message joined in both languages: "what is wrong; what to do". */
export const joined = (a: Msg, b: Msg): Msg => msg(`${a.en}; ${b.en}`, `${a.id}; ${b.id}`);

/** A field's name before what is wrong with its value: "latitude is empty" / "lintang kosong". */
export const about = (field: Msg, m: Msg): Msg => msg(`${field.en} ${m.en}`, `${field.id} ${m.id}`);

/** Names of the fields the import reports on. */
export const FIELD = {
  id: msg('id', 'id'),
  code: msg('code', 'kode'),
  name: msg('name', 'nama'),
  date: msg('date', 'tanggal'),
  count: msg('count', 'jumlah'),
  capacity: msg('capacity', 'kapasitas'),
  builtYear: msg('built year', 'tahun dibangun'),
  population: msg('population', 'jumlah penduduk'),
  year: msg('year', 'tahun'),
  rehab: msg('rehab', 'rehab'),
} as const;

/** A required column no header matched; `mapHint` adds how to name one on the command line. */
export function missingColumn(field: string, names: readonly string[], mapHint = false): Msg {
  const like = names.join(', ');
  return mapHint
    ? msg(
        `No column for "${field}"; expected one named like ${like} (or map one with ${field}=<column>)`,
        `Tidak ada kolom untuk "${field}"; seharusnya ada kolom bernama seperti ${like} (atau petakan satu kolom dengan ${field}=<kolom>)`,
      )
    : msg(`No column for "${field}"; expected one named like ${like}`, `Tidak ada kolom untuk "${field}"; seharusnya ada kolom bernama seperti ${like}`);
}

/** A value that must be unique within the file, seen again. */
export const repeated = (what: Msg, value: string, firstRow: number | undefined): Msg =>
  msg(`${what.en} ${value} appears again (first at row ${firstRow})`, `${what.id} ${value} muncul lagi (pertama di baris ${firstRow})`);

export const EMPTY_NAME = msg('name is empty', 'nama kosong');
