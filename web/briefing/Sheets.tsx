// The printed sheets: one A4 landscape page for a focus area or a kota; for all Jakarta, the city picture on the first
// page and the three focus areas side by side on the second.
import type { AreaBriefing, BriefingBundle } from './briefing-api';
import type { BriefingI18n } from './briefing-strings';
import { CoverageBlock } from './CoverageBlock';
import { FiguresBlock } from './FiguresBlock';
import { KotaTable } from './KotaTable';
import { areaCode, MapBlock, MapLegend, type MapInputs } from './MapBlock';
import { spotKey, type SpotKey } from './briefing-map-style';
import { KeyPoints, SheetFooter, SheetHeader } from './SheetParts';

interface SheetProps {
  bundle: BriefingBundle;
  i18n: BriefingI18n;
  printedOn: string;
  onMapDrawn: (drawn: boolean) => void;
}

const shortKota = (name: string) => name.replace(/^(Kota|Kabupaten) Administrasi /, '');

/** Where an area lies, from the boundaries: the kelurahan and kota of a focus area, the kind for others. */
export function subtitleOf(b: AreaBriefing, bundle: BriefingBundle, i18n: BriefingI18n, compact = false): string {
  const kind = i18n.t(`kind.${b.area.kind}`);
  if (b.area.kind === 'jakarta') return `${kind} · ${i18n.t('section.city')}`;
  if (b.area.kind !== 'focus') return kind;
  const code = b.area.kelurahanCodes[0] ?? '';
  const kel = bundle.kelurahan.features.find((f) => areaCode(f) === code);
  const kota = bundle.kota.features.find((f) => code.startsWith(`${areaCode(f)}.`));
  const focus = bundle.focus.features.find((f) => String(f.id) === b.area.id);
  const aliases =
    focus && 'aliases' in focus.properties && Array.isArray(focus.properties.aliases)
      ? focus.properties.aliases.filter((a): a is string => typeof a === 'string')
      : [];
  const where = [kel ? `Kel. ${kel.properties.name}` : null, kota ? shortKota(String(kota.properties.name)) : null].filter((s) => s !== null).join(', ');
  return [compact ? null : kind, aliases.length > 0 ? aliases.slice(0, 1).join('') : null, where || null].filter((s) => s !== null).join(' · ');
}

function mapInputs(bundle: BriefingBundle): MapInputs {
  return { kota: bundle.kota, kelurahan: bundle.kelurahan, focus: bundle.focus, facilities: bundle.facilities, cells: bundle.hotspots.cells };
}

function footerOf(bundle: BriefingBundle, i18n: BriefingI18n, printedOn: string, page: number, pages: number) {
  return (
    <SheetFooter
      i18n={i18n}
      health={bundle.health}
      hotspots={bundle.hotspots}
      boundarySource={bundle.kota.features.at(0)?.properties.source ?? null}
      facilitySource={bundle.facilities.features.at(0)?.properties.source ?? null}
      k={bundle.briefing.suppression?.k ?? null}
      page={page}
      pages={pages}
      printedOn={printedOn}
      sourcesInFull={page === 1}
    />
  );
}

/** One area on one page: map on the left, key points, figures and coverage on the right. */
export function AreaSheet({ b, bundle, i18n, printedOn, onMapDrawn, page, pages }: SheetProps & { b: AreaBriefing; page: number; pages: number }) {
  return (
    <article className="sheet sheet-area" data-testid="briefing-sheet" data-area={b.area.id}>
      <SheetHeader title={b.area.name} subtitle={subtitleOf(b, bundle, i18n)} b={b} i18n={i18n} />
      <div className="sheet-body area-body">
        <div className="area-map">
          <MapBlock b={b} inputs={mapInputs(bundle)} i18n={i18n} onDrawn={onMapDrawn} />
        </div>
        <div className="area-text">
          <KeyPoints sentences={b.sentences} i18n={i18n} />
          <FiguresBlock b={b} i18n={i18n} />
          {bundle.kotaBriefings.length > 0 && b.area.kind === 'jakarta' && <KotaTable rows={bundle.kotaBriefings} i18n={i18n} />}
          <CoverageBlock b={b} i18n={i18n} maxRows={4} compact={b.area.kind === 'jakarta'} />
        </div>
      </div>
      {footerOf(bundle, i18n, printedOn, page, pages)}
    </article>
  );
}

/** The second all-Jakarta page: the focus areas in columns, each a small map, figures, coverage and its sentences. */
export function FocusAreasSheet({ bundle, i18n, printedOn, onMapDrawn, areas }: SheetProps & { areas: readonly AreaBriefing[] }) {
  const inputs = mapInputs(bundle);
  const spots = new Set<SpotKey>();
  for (const c of bundle.hotspots.cells) {
    const s = spotKey(c);
    if (s !== null) spots.add(s);
  }
  const served = areas.some((a) => (a.coverage?.facilities.length ?? 0) > 0);
  return (
    <article className="sheet sheet-focus" data-testid="briefing-sheet" data-area="focus-areas">
      <SheetHeader title={i18n.t('section.focusAreas')} subtitle={i18n.t('kind.jakarta')} b={bundle.briefing} i18n={i18n} />
      <div className="sheet-body focus-columns">
        {areas.map((a) => (
          <section key={a.area.id} className="focus-column" data-testid="focus-column" data-area={a.area.id}>
            <h2>{a.area.name}</h2>
            <div className="subtitle">{subtitleOf(a, bundle, i18n, true)}</div>
            <MapBlock b={a} inputs={inputs} i18n={i18n} onDrawn={onMapDrawn} legend={false} />
            <KeyPoints sentences={a.sentences} i18n={i18n} heading={false} />
            <FiguresBlock b={a} i18n={i18n} compact />
            <CoverageBlock b={a} i18n={i18n} maxRows={2} compact />
          </section>
        ))}
      </div>
      <MapLegend i18n={i18n} spots={spots} served={served} onlyRehab={false} />
      {footerOf(bundle, i18n, printedOn, 2, 2)}
    </article>
  );
}

/** How many maps a briefing draws, so the page knows when all of them are done. */
export function mapCount(bundle: BriefingBundle): number {
  return 1 + (bundle.briefing.focusAreas?.length ?? 0);
}
