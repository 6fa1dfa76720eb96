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
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">all</option>
            {involved.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Shift at least {minShift.toFixed(1)}{' '}
          <input
            type="range"
            min={0}
            max={maxShift}
            step={maxShift / 50 || 1}
            value={minShift}
            onChange={(e) => setMinShift(Number(e.target.value))}
          />
        </label>
        <span className="small muted">
          {shown.length} of {props.pressures.length} offers
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
