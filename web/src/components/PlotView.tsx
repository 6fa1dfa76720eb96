import { useEffect, useRef } from 'react';

/** Mounts an Observable Plot figure (built by `make`) and replaces it when `deps` change. */
export function PlotView(props: { make: () => Element; label: string; deps: readonly unknown[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = props.make();
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, props.deps);
  return <figure className="plot" role="img" aria-label={props.label} ref={ref} />;
}
