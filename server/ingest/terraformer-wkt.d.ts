// Type declaration for @terraformer/wkt, which ships none.
declare module '@terraformer/wkt' {
  export function wktToGeoJSON(wkt: string): import('geojson').Geometry;
}
