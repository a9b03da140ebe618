// A separate chunk holding deck.gl's HeatmapLayer, fetched when the event-density layer is first shown.
export { HeatmapLayer } from '@deck.gl/aggregation-layers';
