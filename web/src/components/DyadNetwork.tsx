/**
 * Who pressures whom (the EUM's round-1 offers) as a directed network. Loaded lazily: cytoscape
 * is the workbench's largest dependency and only this view needs it.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { Pressure } from '../../../src/report/scenario-report/model-detail.ts';

const COLORS: Record<Pressure['type'], string> = {
  confrontation: '#D55E00',
  compromise: '#0072B2',
  capitulation: '#009E73',
};

export default function DyadNetwork(props: {
  pressures: Pressure[];
  names: Map<string, string>;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const ids = [...new Set(props.pressures.flatMap((p) => [p.from, p.to]))];
    const maxShift = Math.max(...props.pressures.map((p) => p.shift), 1e-9);
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...ids.map((id) => ({ data: { id, label: props.names.get(id) ?? id } })),
        ...props.pressures.map((p, i) => ({
          data: {
            id: `e${i}`,
            source: p.from,
            target: p.to,
            width: 1 + 5 * (p.shift / maxShift),
            color: COLORS[p.type],
            taken: p.taken ? 1 : 0,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 10,
            'background-color': '#666',
            width: 14,
            height: 14,
            'text-valign': 'top',
            'text-margin-y': -4,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': 'data(color)',
            'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            opacity: 0.75,
          },
        },
        { selector: 'edge[taken = 1]', style: { 'line-style': 'solid', opacity: 1 } },
        { selector: 'edge[taken = 0]', style: { 'line-style': 'dashed' } },
      ],
      layout: { name: 'circle', padding: 30 },
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
    return () => cy.destroy();
  }, [props.pressures, props.names]);
  return (
    <figure className="network">
      <div ref={ref} className="cy" role="img" aria-label={props.label} />
      <figcaption className="small">
        Arrows from the actor making an offer to the actor pressed to move; width ∝ the shift asked.{' '}
        <span style={{ color: COLORS.confrontation }}>confrontation</span> ·{' '}
        <span style={{ color: COLORS.compromise }}>compromise</span> ·{' '}
        <span style={{ color: COLORS.capitulation }}>capitulation</span>; solid = taken.
      </figcaption>
      <table className="compact sr-only-print">
        <caption className="sr-only">Strongest pressures</caption>
        <tbody>
          {props.pressures.slice(0, 8).map((p, i) => (
            <tr key={i}>
              <td>{props.names.get(p.from) ?? p.from}</td>
              <td>→ {props.names.get(p.to) ?? p.to}</td>
              <td>{p.type}</td>
              <td className="num">{p.shift.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
