// Layer classes that are loaded only when their layer is switched on, keeping them out of the first view's JavaScript.
import type { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { H3HexagonLayer } from '@deck.gl/geo-layers';

export interface LazyLayerClasses {
  H3HexagonLayer?: typeof H3HexagonLayer;
  HeatmapLayer?: typeof HeatmapLayer;
}

export async function loadH3HexagonLayer(): Promise<typeof H3HexagonLayer> {
  return (await import('./h3-layer')).H3HexagonLayer;
}

export async function loadHeatmapLayer(): Promise<typeof HeatmapLayer> {
  return (await import('./heatmap-layer')).HeatmapLayer;
}
