/**
 * The actors as a row of buttons in their chart colours: the charts' legend and the keyboard
 * way to highlight an actor across every chart of the view (Tab to a name, Enter or Space pins
 * it, again or Escape unpins). Hovering or focusing a name previews its highlight.
 */
import { type Actor, actorPalette } from '../../../src/charts/palette.ts';
import { useHighlight } from '../highlight.tsx';

export function ActorPicker(props: {
  /** The scenario's actors in its order: the colours follow it, as in the charts. */
  actors: readonly Actor[];
  /** Only these are listed (the actors that have marks in the view's charts). */
  only?: ReadonlySet<string>;
}) {
  const h = useHighlight();
  const palette = actorPalette(props.actors);
  const listed = props.actors.filter((a) => !props.only || props.only.has(a.id));
  if (listed.length === 0) return null;
  return (
    <div
      className="actor-picker"
      role="group"
      aria-label="Highlight an actor in every chart"
      data-testid="actor-picker"
    >
      <span className="small muted">Highlight an actor:</span>
      {listed.map((a) => (
        <button
          type="button"
          key={a.id}
          className={`actor-chip${h.active === a.id ? ' active' : ''}`}
          aria-pressed={h.pinned === a.id}
          data-testid={`pick-${a.id}`}
          onClick={() => h.toggle(a.id)}
          onMouseEnter={() => h.hover(a.id)}
          onMouseLeave={() => h.hover(null)}
          onFocus={() => h.hover(a.id)}
          onBlur={() => h.hover(null)}
        >
          <span className="swatch" style={{ background: palette.color(a.id) }} aria-hidden="true" />
          {palette.label(a.id)}
        </button>
      ))}
      {h.pinned !== null && (
        <button type="button" className="small" onClick={() => h.clear()} data-testid="pick-clear">
          Clear
        </button>
      )}
    </div>
  );
}

/** Props a table row needs to take part in the highlight (hover previews, click pins). */
export function useActorRow(): (id: string) => {
  className: string | undefined;
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onClick: () => void;
} {
  const h = useHighlight();
  return (id) => ({
    className: h.active === id ? 'hl-row' : undefined,
    onMouseEnter: () => h.hover(id),
    onMouseLeave: () => h.hover(null),
    onClick: () => h.toggle(id),
  });
}
