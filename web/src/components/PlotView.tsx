import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import type { ChartContext, ChartSpec } from '../../../src/charts/spec.ts';
import { actorAt, applyHighlight, useHighlight } from '../highlight.tsx';

/** The actor of the datum Plot's pointer is on (specs name it `actorId`), or null. */
function actorOfValue(value: unknown): string | null {
  const id = (value as { actorId?: unknown } | null | undefined)?.actorId;
  return typeof id === 'string' ? id : null;
}

/**
 * Draws a shared chart specification (src/charts/) with Observable Plot, at the width of its
 * container (up to 960 px: re-laid out on a phone, not shrunk), with hover tips, and redraws it
 * when `deps` or the width change. Actors' marks follow the view's highlight (highlight.tsx):
 * hovering one highlights it in every chart, a click pins it.
 */
export function PlotView(props: {
  spec: (ctx: ChartContext) => ChartSpec | null;
  label: string;
  deps: readonly unknown[];
}) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  const highlight = useHighlight();
  // The listeners below outlive a render: they read the latest highlight through a ref.
  const hl = useRef(highlight);
  hl.current = highlight;
  const [drawn, setDrawn] = useState(0);
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
    // Plot's pointer reports the datum under it (the tip's): its actor is hovered.
    let fromTip: string | null = null;
    const onInput = () => {
      const id = actorOfValue((el as { value?: unknown }).value);
      if (id !== fromTip) {
        fromTip = id;
        hl.current.hover(id);
      }
    };
    const onOver = (e: Event) => {
      const id = actorAt(e.target);
      if (id) hl.current.hover(id);
    };
    const onOut = (e: Event) => {
      if (actorAt(e.target)) hl.current.hover(fromTip);
    };
    const onClick = (e: Event) => {
      const id = actorAt(e.target) ?? fromTip;
      if (id) hl.current.toggle(id);
    };
    el.addEventListener('input', onInput);
    el.addEventListener('pointerover', onOver);
    el.addEventListener('pointerout', onOut);
    el.addEventListener('click', onClick);
    ref.current?.replaceChildren(el);
    setDrawn((n) => n + 1);
    return () => {
      el.removeEventListener('input', onInput);
      el.removeEventListener('pointerover', onOver);
      el.removeEventListener('pointerout', onOut);
      el.removeEventListener('click', onClick);
      if (fromTip !== null) hl.current.hover(null);
      el.remove();
    };
  }, [...props.deps, width]);
  useEffect(() => {
    if (ref.current) applyHighlight(ref.current, highlight.active);
  }, [highlight.active, drawn]);
  return <figure className="plot" role="img" aria-label={props.label} ref={ref} />;
}
