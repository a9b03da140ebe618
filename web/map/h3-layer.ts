// A separate chunk holding deck.gl's H3HexagonLayer (and h3-js), fetched when the hotspot layer is first shown.
export { H3HexagonLayer } from '@deck.gl/geo-layers';
