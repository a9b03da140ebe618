// The "Peta (PNG)" export: copies the MapLibre canvas and the deck.gl canvas (both kept with preserveDrawingBuffer)
// onto a 2D canvas after a fresh frame, and draws the title, the legend, the data notice and the date around them.
import { mapHandle } from './map-handle';
import type { MapPngContent, PngLegendBlock } from './export-legend';
import { cssColor } from './palette';

const HEADER = 64;
const FOOTER_LINE = 17;
const PAD = 16;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Waits for the map to draw a frame (or 1.5 s, when the tab is hidden and frames do not come). */
function freshFrame(map: NonNullable<ReturnType<typeof mapHandle>>['map']): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, 1500);
    map.once('render', () => {
      window.clearTimeout(timer);
      // One more animation frame, so the overlay (which follows the map's render event) has drawn too.
      requestAnimationFrame(() => resolve());
    });
    map.triggerRepaint();
  });
}

/** Splits text into lines no wider than `width` at the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function legendSize(ctx: CanvasRenderingContext2D, blocks: readonly PngLegendBlock[]): { w: number; h: number } {
  let w = 0;
  let h = 8;
  for (const b of blocks) {
    ctx.font = `600 12px ${FONT}`;
    w = Math.max(w, ctx.measureText(b.title).width);
    h += 18;
    ctx.font = `12px ${FONT}`;
    for (const e of b.entries) w = Math.max(w, 22 + ctx.measureText(e.label).width);
    h += b.entries.length * 18;
    if (b.note) {
      ctx.font = `italic 11px ${FONT}`;
      w = Math.max(w, ctx.measureText(b.note).width);
      h += 15;
    }
    h += 6;
  }
  return { w: Math.ceil(w) + 20, h: h + 2 };
}

function drawLegend(ctx: CanvasRenderingContext2D, blocks: readonly PngLegendBlock[], x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.strokeStyle = '#b0bec5';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 6);
  ctx.fill();
  ctx.stroke();
  let cy = y + 8;
  ctx.textBaseline = 'middle';
  for (const b of blocks) {
    ctx.fillStyle = '#14213d';
    ctx.font = `600 12px ${FONT}`;
    ctx.fillText(b.title, x + 10, cy + 9);
    cy += 18;
    ctx.font = `12px ${FONT}`;
    for (const e of b.entries) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x + 10, cy + 3, 14, 12);
      ctx.fillStyle = cssColor(e.color);
      ctx.fillRect(x + 10, cy + 3, 14, 12);
      ctx.strokeStyle = e.outline ? cssColor(e.outline) : 'rgba(0, 0, 0, 0.25)';
      ctx.lineWidth = e.outline ? 2 : 1;
      ctx.strokeRect(x + 10.5, cy + 3.5, 13, 11);
      ctx.fillStyle = '#263238';
      ctx.fillText(e.label, x + 32, cy + 9);
      cy += 18;
    }
    if (b.note) {
      ctx.fillStyle = '#546e7a';
      ctx.font = `italic 11px ${FONT}`;
      ctx.fillText(b.note, x + 10, cy + 7);
      cy += 15;
    }
    cy += 6;
  }
}

/** Draws the current map with its title, legend, notice and date; rejects when there is no map to draw. */
export async function renderMapPng(content: MapPngContent): Promise<Blob> {
  const handle = mapHandle();
  if (!handle) throw new Error('The map is not ready yet.');
  const { map, overlay } = handle;
  await freshFrame(map);
  const base = map.getCanvas();
  const deck = overlay.getCanvas();
  const cssW = base.clientWidth || base.width;
  const cssH = base.clientHeight || base.height;
  const scale = base.width / cssW || 1;

  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
  // The footer's height depends on how the notice wraps, so measure first.
  ctx.font = `600 12px ${FONT}`;
  const noticeLines = content.notice ? wrap(ctx, content.notice, cssW - 2 * PAD) : [];
  const footerH = PAD + (noticeLines.length + 1) * FOOTER_LINE;
  out.width = Math.round(cssW * scale);
  out.height = Math.round((HEADER + cssH + footerH) * scale);
  ctx.scale(scale, scale);

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cssW, HEADER + cssH + footerH);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#14213d';
  ctx.font = `700 20px ${FONT}`;
  ctx.fillText(content.title, PAD, 28, cssW - 2 * PAD);
  ctx.fillStyle = '#37474f';
  ctx.font = `13px ${FONT}`;
  ctx.fillText(content.subtitle, PAD, 50, cssW - 2 * PAD);

  ctx.drawImage(base, 0, HEADER, cssW, cssH);
  if (deck) ctx.drawImage(deck, 0, HEADER, cssW, cssH);
  ctx.strokeStyle = '#cfd8dc';
  ctx.strokeRect(0.5, HEADER + 0.5, cssW - 1, cssH - 1);

  if (content.legend.length > 0) {
    const size = legendSize(ctx, content.legend);
    drawLegend(ctx, content.legend, PAD, HEADER + cssH - size.h - PAD - 20, size.w, size.h);
  }

  ctx.textBaseline = 'alphabetic';
  let y = HEADER + cssH + PAD + 4;
  ctx.font = `600 12px ${FONT}`;
  ctx.fillStyle = '#8a4b00';
  for (const line of noticeLines) {
    ctx.fillText(line, PAD, y);
    y += FOOTER_LINE;
  }
  ctx.font = `12px ${FONT}`;
  ctx.fillStyle = '#546e7a';
  ctx.fillText(content.footer, PAD, y);

  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))), 'image/png'));
}

/** Saves a blob under a file name through a temporary <a download>. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
