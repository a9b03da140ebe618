// Reads KML (Google Earth, many government portals) into GeoJSON features with @tmcw/togeojson on an @xmldom DOM.
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { msg, MsgError } from './messages.js';

export class KmlError extends MsgError {}

export function readKml(text: string): Feature<Geometry | null>[] {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new KmlError(msg(`The KML is not well-formed XML (${why}).`, `Berkas KML bukan XML yang benar (${why}).`));
  }
  if (doc.getElementsByTagName('kml').length === 0 && doc.getElementsByTagName('Placemark').length === 0) {
    throw new KmlError(msg('The XML file is not KML (no <kml> or <Placemark> element).', 'Berkas XML ini bukan KML (tidak ada elemen <kml> atau <Placemark>).'));
  }
  return kml(doc).features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry }));
}
