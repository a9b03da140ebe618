// The offline basemap style is self-contained (no glyphs, sprites or remote sources) and the online style comes from /api/health.
import { describe, expect, test } from 'vitest';
import type { AreaCollection } from '../../web/api';
import { offlineStyle, onlineStyleUrl } from '../../web/map/basemap';

const kota: AreaCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: '31.71',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.8, -6.2],
            [106.9, -6.2],
            [106.9, -6.1],
            [106.8, -6.2],
          ],
        ],
      },
      properties: {
        code: '31.71',
        name: 'Jakarta Pusat',
        level: 'kota',
        parentCode: '31',
        population: 1,
        populationYear: null,
        populationSource: null,
        populationApproximate: true,
        source: 'test',
        approximate: true,
      },
    },
  ],
};

describe('offlineStyle', () => {
  test('water background, land from kota, outlines; nothing that needs the network', () => {
    const style = offlineStyle(kota, null);
    expect(style.layers.map((l) => l.id)).toEqual(['water', 'land', 'kelurahan-outline', 'kota-outline']);
    expect(style.layers[0].type).toBe('background');
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const src = style.sources.kota;
    expect(src.type === 'geojson' && src.data).toBe(kota);
  });
  test('before boundaries arrive the sources are empty collections', () => {
    const src = offlineStyle(null, null).sources.kelurahan;
    expect(src.type === 'geojson' && typeof src.data === 'object' && 'features' in src.data ? src.data.features : null).toEqual([]);
  });
});

describe('onlineStyleUrl', () => {
  test('the style URL /api/health reports is used when it is http(s); anything else means the offline style', () => {
    expect(onlineStyleUrl('https://tiles.example/style.json')).toBe('https://tiles.example/style.json');
    expect(onlineStyleUrl(' http://tiles.local/style.json ')).toBe('http://tiles.local/style.json');
    expect(onlineStyleUrl('javascript:alert(1)')).toBeNull();
    expect(onlineStyleUrl('')).toBeNull();
    expect(onlineStyleUrl(null)).toBeNull();
  });
});
