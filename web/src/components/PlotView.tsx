import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import type { ChartContext, ChartSpec } from '../../../src/charts/spec.ts';

/**
 * Draws a shared chart specification (src/charts/) with Observable Plot, at the width of its
 * container (up to 960 px: re-laid out on a phone, not shrunk), with hover tips, and redraws it
 * when `deps` or the width change.
 */
export function PlotView(props: {
  spec: (ctx: ChartContext) => ChartSpec | null;
  label: string;
  deps: readonly unknown[];
}) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (width === 0) return;
    const spec = props.spec({ width: Math.min(960, width), interactive: true });
    if (!spec) {
      ref.current?.replaceChildren();
      return;
    }
    const el = Plot.plot(spec.options);
    // Plot labels its mark groups (aria-label on <g>), which ARIA allows only with a role.
    for (const g of el.querySelectorAll('g[aria-label]:not([role])'))
      g.setAttribute('role', 'group');
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [...props.deps, width]);
  return <figure className="plot" role="img" aria-label={props.label} ref={ref} />;
}
