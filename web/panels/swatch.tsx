// A small colour square for legends, optionally outlined in a second colour.
import { cssColor } from '../map/palette';

export function Swatch({ color, outline }: { color: readonly number[]; outline?: readonly number[] }) {
  return <span className="swatch" aria-hidden="true" style={{ background: cssColor(color), borderColor: outline ? cssColor(outline) : undefined }} />;
}
