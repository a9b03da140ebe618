// The city picture's table: each kota (and Kepulauan Seribu) with its events, change, rate per 10,000 and rank.
import type { BriefingResponse } from './briefing-api';
import type { BriefingI18n } from './briefing-strings';
import { Change, Count } from './FiguresBlock';

const shortName = (name: string) => name.replace(/^(Kota|Kabupaten) Administrasi /, '');

export function KotaTable({ rows, i18n }: { rows: readonly BriefingResponse[]; i18n: BriefingI18n }) {
  const { t } = i18n;
  const sorted = [...rows].sort((a, b) => (a.figures.rank?.rank ?? 99) - (b.figures.rank?.rank ?? 99) || a.area.name.localeCompare(b.area.name));
  return (
    <section className="kota-section">
      <h2>{t('section.kota')}</h2>
      <table className="approach-table kota-table" data-testid="kota-table">
        <thead>
          <tr>
            <th scope="col">{t('col.kota')}</th>
            <th scope="col" className="num">
              {t('col.current')}
            </th>
            <th scope="col" className="num">
              {t('col.previous')}
            </th>
            <th scope="col" className="num">
              {t('col.change')}
            </th>
            <th scope="col" className="num">
              {t('col.rate')}
            </th>
            <th scope="col" className="num">
              {t('col.rank')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const k = r.suppression?.k ?? 0;
            return (
              <tr key={r.area.id} data-kota={r.area.id}>
                <th scope="row">{shortName(r.area.name)}</th>
                <td className="num strong">
                  <Count n={r.figures.total} k={k} i18n={i18n} />
                </td>
                <td className="num">
                  <Count n={r.figures.previousTotal} k={k} i18n={i18n} />
                </td>
                <td className="num">
                  <Change pct={r.figures.changePct} i18n={i18n} />
                </td>
                <td className="num">{r.figures.ratePer10k === null ? '—' : i18n.num(r.figures.ratePer10k, 1)}</td>
                <td className="num">{r.figures.rank === null ? '—' : t('fig.rankValue', { rank: r.figures.rank.rank, of: r.figures.rank.of })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
