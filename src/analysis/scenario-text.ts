/**
 * A scenario sent to a worker thread as its text rather than as the parsed object: a string is
 * copied to a thread in microseconds, the parsed object (the built-in: ~130 KB of JSON) cost the
 * server's event loop a structured clone per forecast. The thread parses the text once and keeps
 * the parse under its content hash (the last {@link KEEP}), so the built-in and a client's saved
 * versions — parsed on the same thread when they were saved (`parse-task.ts`) — are parsed once.
 */
import type { Scenario } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';

export interface ScenarioText {
  /** YAML or JSON text that validates (the sender parsed it already). */
  readonly text: string;
  /** `contentHash` of its scenario: the key the thread keeps the parse under. */
  readonly hash: string;
}

/** How many parses a thread keeps. */
const KEEP = 32;
const parsed = new Map<string, Scenario>();

/** Keeps `scenario` as the parse of the text with `hash` on this thread. */
export function keepParse(hash: string, scenario: Scenario): void {
  parsed.delete(hash);
  parsed.set(hash, scenario);
  if (parsed.size > KEEP) parsed.delete(parsed.keys().next().value!);
}

/** The scenario itself, or the parse of its text (kept per hash). */
export function scenarioOf(s: Scenario | ScenarioText): Scenario {
  if (!isScenarioText(s)) return s;
  const hit = parsed.get(s.hash);
  if (hit) {
    keepParse(s.hash, hit);
    return hit;
  }
  const scenario = parseScenarioText(s.text);
  keepParse(s.hash, scenario);
  return scenario;
}

function isScenarioText(s: Scenario | ScenarioText): s is ScenarioText {
  return (
    typeof (s as ScenarioText).text === 'string' && typeof (s as ScenarioText).hash === 'string'
  );
}
