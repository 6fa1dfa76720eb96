/**
 * Who pressures whom (the EUM's round-1 offers) as a directed network, drawn by the shared chart
 * specification (src/charts/network.ts), filterable by actor and by the shift asked.
 */
import { useState } from 'react';
import { filterPressures, networkChart } from '../../../src/charts/network.ts';
import type { Actor } from '../../../src/charts/palette.ts';
import type { Pressure } from '../../../src/charts/network.ts';
import { PlotView } from './PlotView.tsx';

export default function DyadNetwork(props: {
  pressures: Pressure[];
  actors: readonly Actor[];
  issueName: string;
  label: string;
}) {
  const [actor, setActor] = useState('');
  const [minShift, setMinShift] = useState(0);
  const maxShift = Math.max(0, ...props.pressures.map((p) => p.shift));
  const step = maxShift > 0 ? Number((maxShift / 50).toPrecision(2)) : 1;
  const involved = props.actors.filter((a) =>
    props.pressures.some((p) => p.from === a.id || p.to === a.id),
  );
  const filter = { actor: actor || null, minShift };
  const shown = filterPressures(props.pressures, filter);
  const name = (id: string) => props.actors.find((a) => a.id === id)?.name ?? id;
  return (
    <figure className="network">
      <div className="row">
        <label>
          Actor{' '}
          <select
            value={actor}
            data-testid="network-actor"
            onChange={(e) => setActor(e.target.value)}
          >
            <option value="">all</option>
            {involved.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Shift at least{' '}
          <input
            type="range"
            min={0}
            max={maxShift}
            step={step}
            value={minShift}
            data-testid="network-min-shift"
            onChange={(e) => setMinShift(Number(e.target.value))}
          />
        </label>
        <label>
          <span className="sr-only">Shift at least (number)</span>
          <input
            type="number"
            className="num-input"
            min={0}
            max={maxShift}
            step={step}
            value={Number(minShift.toFixed(2))}
            data-testid="network-min-shift-number"
            onChange={(e) => {
              const v = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(v)) setMinShift(Math.max(0, v));
            }}
          />
        </label>
        <span className="small muted" data-testid="network-count" aria-live="polite">
          {shown.length} of {props.pressures.length} offers
          {props.pressures.length > 40 && shown.length === 40 ? ' (the 40 strongest)' : ''}
        </span>
      </div>
      <PlotView
        spec={(ctx) => networkChart(props.pressures, props.actors, props.issueName, filter, ctx)}
        deps={[props.pressures, props.actors, actor, minShift]}
        label={props.label}
      />
      <figcaption className="small">
        Arrows from the actor making an offer to the actor pressed to move; width ∝ the shift asked;
        solid = taken, dashed = not taken.
      </figcaption>
      <table className="compact sr-only-print">
        <caption className="sr-only">Strongest pressures</caption>
        <tbody>
          {shown.slice(0, 8).map((p, i) => (
            <tr key={i}>
              <td>{name(p.from)}</td>
              <td>→ {name(p.to)}</td>
              <td>{p.type}</td>
              <td className="num">{p.shift.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
