// The built-in default data: complete Jakarta admin hierarchy, focus areas where BNN named them, deterministic synthetic events.
import * as turf from '@turf/turf';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDefaultDataset, type Dataset } from '../../data/default-dataset.js';
import { loadJakartaKelurahan } from '../../data/jakarta-admin.js';
import { EVENT_TYPES } from '../../server/domain/types.js';

const digest = (d: Dataset) => createHash('sha256').update(JSON.stringify(d.events)).update(JSON.stringify(d.facilities)).digest('hex');

describe('built-in default dataset', () => {
  let d: Dataset;
  beforeAll(() => {
    d = buildDefaultDataset();
  });

  it('has every kota, kecamatan and kelurahan of DKI Jakarta with nested Kemendagri codes', () => {
    const by = (level: string) => d.areas.filter((a) => a.level === level);
    expect(by('kelurahan')).toHaveLength(267);
    expect(by('kecamatan')).toHaveLength(44);
    expect(by('kota')).toHaveLength(6);
    for (const k of by('kelurahan')) {
      expect(k.code).toMatch(/^31\.\d{2}\.\d{2}\.\d{4}$/);
      expect(by('kecamatan').some((c) => c.code === k.parentCode)).toBe(true);
    }
    for (const k of by('kecamatan')) expect(by('kota').some((c) => c.code === k.parentCode)).toBe(true);
    expect(d.areas.every((a) => a.approximate && a.source.includes('geografis'))).toBe(true);
  });

  it('gives every kelurahan a valid polygon that contains its own geografis centroid', () => {
    const records = new Map(loadJakartaKelurahan().map((r) => [r.code, r]));
    for (const k of d.areas.filter((a) => a.level === 'kelurahan')) {
      expect(['Polygon', 'MultiPolygon']).toContain(k.geometry.type);
      expect(turf.kinks(turf.feature(k.geometry)).features).toHaveLength(0);
      const c = records.get(k.code)?.centroid;
      expect(c).toBeDefined();
      if (c) expect(turf.booleanPointInPolygon(c, turf.feature(k.geometry)), k.code).toBe(true);
    }
  });

  it('makes kecamatan the union of their kelurahan (areas add up)', () => {
    const area = (g: Dataset['areas'][number]['geometry']) => turf.area(turf.feature(g));
    for (const kec of d.areas.filter((a) => a.level === 'kecamatan')) {
      const parts = d.areas.filter((a) => a.parentCode === kec.code).reduce((s, a) => s + area(a.geometry), 0);
      expect(Math.abs(area(kec.geometry) - parts) / parts).toBeLessThan(1e-3);
    }
  });

  it('places the three focus areas in the kelurahan BNN named', () => {
    const expected: Record<string, string> = { 'kampung-bahari': '31.72.02.1001', 'kampung-boncos': '31.73.07.1006', 'kampung-ambon': '31.73.01.1004' };
    expect(d.focusAreas.map((f) => f.id).sort()).toEqual(Object.keys(expected).sort());
    for (const f of d.focusAreas) {
      expect(f.kelurahanCode).toBe(expected[f.id]);
      const kel = d.areas.find((a) => a.code === f.kelurahanCode);
      if (!kel) throw new Error('missing kelurahan');
      expect(turf.booleanPointInPolygon(turf.centroid(turf.feature(f.geometry)), turf.feature(kel.geometry))).toBe(true);
      expect(f.approximate).toBe(true);
    }
    expect(d.focusAreas.find((f) => f.id === 'kampung-boncos')?.aliases).toContain('Kampung Kiapang');
  });

  it('generates synthetic events of all five types over at least two and a half years, none in the future', () => {
    expect(new Set(d.events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    const dates = d.events.map((e) => e.date).sort();
    const spanDays = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 86_400_000;
    expect(spanDays).toBeGreaterThan(2.5 * 365);
    expect(dates[dates.length - 1] <= new Date().toISOString().slice(0, 10)).toBe(true);
    expect(d.events.every((e) => e.synthetic && e.source.toLowerCase().includes('synthetic'))).toBe(true);
    expect(new Set(d.events.map((e) => e.id)).size).toBe(d.events.length);
    expect(d.events.every((e) => e.areaCode !== null && e.h3 !== null)).toBe(true);
  });

  it('concentrates events in the focus areas: density there is far above the city background', () => {
    const km2 = (g: Dataset['areas'][number]['geometry']) => turf.area(turf.feature(g)) / 1e6;
    const focusKm2 = d.focusAreas.reduce((s, f) => s + km2(f.geometry), 0);
    const cityKm2 = d.areas.filter((a) => a.level === 'kota').reduce((s, a) => s + km2(a.geometry), 0);
    const inFocus = d.events.filter((e) => e.focusAreaId !== null).length;
    const focusDensity = inFocus / focusKm2;
    const backgroundDensity = (d.events.length - inFocus) / (cityKm2 - focusKm2);
    expect(focusDensity / backgroundDensity).toBeGreaterThan(20);
    for (const f of d.focusAreas) expect(d.events.filter((e) => e.focusAreaId === f.id).length).toBeGreaterThan(200);
  });

  it('has a realistic background: most kelurahan have some events', () => {
    const withEvents = new Set(d.events.map((e) => e.areaCode));
    expect(withEvents.size).toBeGreaterThan(240);
  });

  it('marks the demo puskesmas registry synthetic, with both levels and some rehab designations', () => {
    expect(d.facilities.filter((f) => f.level === 'kecamatan')).toHaveLength(44);
    expect(d.facilities.filter((f) => f.level === 'kelurahan').length).toBeGreaterThan(150);
    expect(d.facilities.every((f) => f.synthetic && f.approximate)).toBe(true);
    expect(d.facilities.some((f) => f.rehab)).toBe(true);
    expect(d.population.every((p) => p.approximate && p.population > 0)).toBe(true);
  });

  it('is deterministic: the same seed gives the same data, another seed different data', () => {
    expect(digest(buildDefaultDataset())).toBe(digest(d));
    expect(digest(buildDefaultDataset(7))).not.toBe(digest(d));
  });
});
