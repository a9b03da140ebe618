// Reads KML (Google Earth, many government portals) into GeoJSON features with @tmcw/togeojson on an @xmldom DOM.
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';

export class KmlError extends Error {}

export function readKml(text: string): Feature<Geometry | null>[] {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level === 'fatalError') throw new KmlError(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw new KmlError(`The KML is not well-formed XML (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
  }
  if (doc.getElementsByTagName('kml').length === 0 && doc.getElementsByTagName('Placemark').length === 0) {
    throw new KmlError('The XML file is not KML (no <kml> or <Placemark> element).');
  }
  return kml(doc).features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry }));
}
