/** A stored scenario's versions: who saved what when; open one, or compare it with the draft. */
import { useEffect, useState } from 'react';
import { api, type VersionSummary } from '../api.ts';
import { type Draft, type Json, diffNumbers } from '../doc.ts';

export function Versions(props: {
  scenarioId: string;
  draft: Draft;
  refresh: number;
  onOpen: (version: number) => void;
}) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [diff, setDiff] = useState<{
    version: number;
    rows: ReturnType<typeof diffNumbers>;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .versions(props.scenarioId)
      .then(setVersions)
      .catch((e: Error) => setError(e.message));
  }, [props.scenarioId, props.refresh]);
  const compare = async (version: number) => {
    const v = await api.scenario(props.scenarioId, version);
    setDiff({ version, rows: diffNumbers(v.scenario as Json, props.draft) });
  };
  return (
    <div className="versions">
      {error && <p className="error">{error}</p>}
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Author</th>
            <th scope="col">Message</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{new Date(v.createdAt).toLocaleString()}</td>
              <td>{v.author}</td>
              <td>{v.message ?? ''}</td>
              <td>
                <button type="button" className="link" onClick={() => props.onOpen(v.version)}>
                  Open
                </button>{' '}
                <button type="button" className="link" onClick={() => void compare(v.version)}>
                  Compare with draft
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff && (
        <section aria-live="polite">
          <h3>
            v{diff.version} → draft: {diff.rows.length} number{diff.rows.length === 1 ? '' : 's'}{' '}
            changed
          </h3>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">v{diff.version}</th>
                <th scope="col">Draft</th>
              </tr>
            </thead>
            <tbody>
              {diff.rows.map((r) => (
                <tr key={r.path}>
                  <td>
                    <code>{r.path}</code>
                  </td>
                  <td className="num">{r.from ?? '—'}</td>
                  <td className="num">{r.to ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
