/**
 * `--variant NAME`, `--set PATH=VALUE` (repeatable) and `--overlay FILE` on every command that
 * reads a scenario: `main.ts` takes them out of argv before commander runs, and `load.ts` applies
 * them to every scenario it loads (docs/scenario-format.md, "Variants"). One mechanism, so no
 * command declares them.
 */
import { InputError } from '../core/errors.ts';

export interface OverlayArgs {
  readonly variant?: string;
  /** `PATH=VALUE` texts, in order. */
  readonly sets: readonly string[];
  /** Overlay files, in order. */
  readonly files: readonly string[];
}

const FLAGS = ['--variant', '--set', '--overlay'] as const;

/** Takes the overlay flags out of `argv` (process.argv shape); everything after `--` is left alone. */
export function extractOverlayArgs(argv: readonly string[]): {
  argv: string[];
  overlay: OverlayArgs | null;
} {
  const rest: string[] = [];
  let variant: string | undefined;
  const sets: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const flag = FLAGS.find((f) => arg === f || arg.startsWith(`${f}=`));
    if (!flag || i < 2) {
      rest.push(arg);
      continue;
    }
    let value: string | undefined;
    if (arg.length > flag.length) value = arg.slice(flag.length + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') {
      throw new InputError({
        path: flag,
        message: `${flag} needs a value: ${flag === '--set' ? 'PATH=VALUE' : flag === '--variant' ? 'a variant id' : 'a file'}`,
      });
    }
    if (flag === '--variant') {
      if (variant !== undefined && variant !== value)
        throw new InputError({
          path: '--variant',
          message: `one variant at a time (got "${variant}" and "${value}"); chain variants with extends, or use entente compare`,
        });
      variant = value;
    } else if (flag === '--set') sets.push(value);
    else files.push(value);
  }
  const given = variant !== undefined || sets.length > 0 || files.length > 0;
  return {
    argv: rest,
    overlay: given ? { ...(variant !== undefined ? { variant } : {}), sets, files } : null,
  };
}

let current: OverlayArgs | null = null;
let used = false;

/** Sets the overlay every scenario load applies (null: none). */
export function setProcessOverlay(overlay: OverlayArgs | null): void {
  current = overlay;
  used = false;
}

/** The overlay to apply, marking it used. */
export function takeProcessOverlay(): OverlayArgs | null {
  if (current) used = true;
  return current;
}

/** True when an overlay was given but no scenario was loaded to apply it to. */
export function overlayUnused(): boolean {
  return current !== null && !used;
}
