/**
 * One actor highlighted across every chart of a view. Hovering an actor (a line, a dot, a
 * label, a table row, a picker button) highlights it for as long as the pointer stays; a click
 * pins it (a second click, the Clear button or Escape unpins). The charts mark their elements
 * with the actors they belong to (`data-actors`, src/charts/spec.ts `actorTags`), so a change of
 * highlight only toggles classes: nothing is redrawn.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ACTOR_ATTR } from '../../src/charts/spec.ts';

export interface Highlight {
  /** The actor shown highlighted: the hovered one, else the pinned one, else none. */
  readonly active: string | null;
  readonly pinned: string | null;
  hover(id: string | null): void;
  /** Pins `id`, or unpins it when it is the pinned one. */
  toggle(id: string): void;
  clear(): void;
}

const NONE: Highlight = {
  active: null,
  pinned: null,
  hover: () => {},
  toggle: () => {},
  clear: () => {},
};

const Ctx = createContext<Highlight>(NONE);

export function HighlightProvider(props: { children: ReactNode }) {
  const [hovered, setHovered] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const hover = useCallback((id: string | null) => setHovered(id), []);
  const toggle = useCallback((id: string) => setPinned((p) => (p === id ? null : id)), []);
  const clear = useCallback(() => {
    setPinned(null);
    setHovered(null);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') clear();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [clear]);
  const value = useMemo<Highlight>(
    () => ({ active: hovered ?? pinned, pinned, hover, toggle, clear }),
    [hovered, pinned, hover, toggle, clear],
  );
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}

export function useHighlight(): Highlight {
  return useContext(Ctx);
}

/** The actor ids an element is tagged with. */
function actorsOf(el: Element): string[] {
  return (el.getAttribute(ACTOR_ATTR) ?? '').split(' ').filter(Boolean);
}

/**
 * Marks the tagged elements under `root`: `hl-on` for the active actor's, `hl-dim` for the
 * others' (none when no actor is active).
 */
export function applyHighlight(root: Element, active: string | null): void {
  for (const el of root.querySelectorAll(`[${ACTOR_ATTR}]`)) {
    const on = active !== null && actorsOf(el).includes(active);
    el.classList.toggle('hl-on', on);
    el.classList.toggle('hl-dim', active !== null && !on);
  }
}

/** The single actor an event's target belongs to (a dot, a label), or null. */
export function actorAt(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest(`[${ACTOR_ATTR}]`) : null;
  const ids = el ? actorsOf(el) : [];
  return ids.length === 1 ? ids[0]! : null;
}
