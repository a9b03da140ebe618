// Reads a zipped ESRI Shapefile (.shp + .dbf, with .prj honoured and .cpg for the attribute encoding) into GeoJSON
// features in WGS84, using the `shapefile` and `fflate` packages.
import { unzipSync } from 'fflate';
import type { Feature } from 'geojson';
import { read } from 'shapefile';
import { toWgs84, transformGeometry } from './reproject.js';
import { msg, MsgError, type Msg } from './messages.js';

export class ShapefileError extends MsgError {}

export interface ShapefileContent {
  features: Feature[];
  notes: Msg[];
}

export async function readShapefileZip(bytes: Uint8Array): Promise<ShapefileContent> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ShapefileError(
      msg(
        'The file is not a readable ZIP archive. Zip the .shp, .shx, .dbf and .prj files together and upload the .zip.',
        'Berkas ini bukan arsip ZIP yang dapat dibaca. Satukan berkas .shp, .shx, .dbf dan .prj dalam satu ZIP lalu unggah berkas .zip itu.',
      ),
    );
  }
  const names = Object.keys(files).filter((n) => !n.startsWith('__MACOSX/'));
  const shp = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  if (shp.length === 0)
    throw new ShapefileError(
      msg(`The ZIP holds no .shp file (it has ${names.slice(0, 6).join(', ') || 'nothing'}).`, `ZIP ini tidak berisi berkas .shp (isinya ${names.slice(0, 6).join(', ') || 'kosong'}).`),
    );
  if (shp.length > 1)
    throw new ShapefileError(
      msg(`The ZIP holds ${shp.length} shapefiles (${shp.join(', ')}); upload one layer per ZIP.`, `ZIP ini berisi ${shp.length} shapefile (${shp.join(', ')}); unggah satu lapisan per ZIP.`),
    );
  const stem = shp[0].slice(0, -4);
  const sibling = (ext: string) => names.find((n) => n.toLowerCase() === `${stem.toLowerCase()}${ext}`);
  const dbfName = sibling('.dbf');
  if (!dbfName)
    throw new ShapefileError(
      msg(
        `${shp[0]} has no .dbf file beside it, so its attributes (names, codes) are missing.`,
        `${shp[0]} tidak disertai berkas .dbf, jadi atributnya (nama, kode) tidak ada.`,
      ),
    );
  const cpgName = sibling('.cpg');
  const encoding = cpgName ? new TextDecoder().decode(files[cpgName]).trim().toLowerCase() || 'utf-8' : 'utf-8';
  const toBuffer = (u: Uint8Array): ArrayBuffer => new Uint8Array(u).buffer;
  let collection;
  try {
    collection = await read(toBuffer(files[shp[0]]), toBuffer(files[dbfName]), { encoding });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ShapefileError(msg(`The shapefile could not be read (${why}).`, `Shapefile tidak dapat dibaca (${why}).`));
  }
  const notes: Msg[] = [];
  const prjName = sibling('.prj');
  let features: Feature[] = collection.features;
  if (prjName) {
    const wkt = new TextDecoder().decode(files[prjName]).trim();
    let transform;
    try {
      transform = toWgs84(wkt);
    } catch {
      throw new ShapefileError(
        msg(
          `The .prj file names a coordinate system proj4 cannot read: ${wkt.slice(0, 120)}…`,
          `Berkas .prj menyebut sistem koordinat yang tidak dapat dibaca proj4: ${wkt.slice(0, 120)}…`,
        ),
      );
    }
    const geographic = /^GEOGCS\[/i.test(wkt) && /WGS.?84|WGS_1984/i.test(wkt);
    if (!geographic) {
      features = features.map((f) => ({ ...f, geometry: f.geometry ? transformGeometry(f.geometry, transform) : f.geometry }));
      const from = /^(?:PROJCS|GEOGCS)\["([^"]+)"/i.exec(wkt)?.[1];
      notes.push(
        msg(
          `Reprojected from ${from ?? 'the .prj coordinate system'} to WGS84.`,
          `Diproyeksikan ulang dari ${from ?? 'sistem koordinat .prj'} ke WGS84.`,
        ),
      );
    }
  } else {
    notes.push(msg('No .prj file: coordinates were taken as WGS84 longitude/latitude.', 'Tidak ada berkas .prj: koordinat dibaca sebagai bujur/lintang WGS84.'));
  }
  return { features, notes };
}
