/**
 * The schema of scenario **variants** (docs/scenario-format.md, "Variants"): named overlays of a
 * scenario — set, scale, add or remove — applied by `src/formats/variants.ts`. Kept apart from
 * `scenario.ts` (which adds the `variants` field from here) so that it depends on nothing: values
 * are checked when the changed scenario is validated again, with the same rules as a file.
 */
import { z } from 'zod';

const VariantId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    'an id: letters, digits, "_", "-" or "." (e.g. "south-korea")',
  );

/** A dot path into the scenario; list elements are addressed by id (or index), `*` for every one. */
export const ChangePath = z
  .string()
  .min(1, 'a path such as coalition.commitment.credibility')
  .describe(
    'A dot path into the scenario, list elements by id: e.g. `coalition.commitment.credibility`, `actors.china.stances.coalition.salience`, `coalition.commitment.candidates.*.coercion`.',
  );

export const CHANGE_KINDS = ['set', 'scale', 'add', 'remove'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change: exactly one of `set`, `scale`, `add`, `remove`, with `value` or `by`. */
export const VariantChange = z
  .object({
    set: ChangePath.optional().describe(
      'Set the field at this path to `value` (a number on a measure sets its value and keeps its range and evidence).',
    ),
    scale: ChangePath.optional().describe(
      'Multiply the measure (value, low and high) at this path, or every measure directly under it, by `by`.',
    ),
    add: ChangePath.optional().describe(
      'Append `value` to the list at this path, e.g. `actors`, `evidence`, `sources`.',
    ),
    remove: ChangePath.optional().describe(
      'Remove the list element or field at this path (an actor by id also leaves the coalition block).',
    ),
    value: z.unknown().optional().describe('The new value (`set`) or the element to add (`add`).'),
    by: z.number().optional().describe('The factor of a `scale` change.'),
    note: z
      .string()
      .optional()
      .describe('How the change follows from the evidence: the derivation of the new number.'),
    evidence: z
      .array(VariantId)
      .optional()
      .describe('Ids of `evidence` items behind the change (added to the changed measure).'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const kinds = CHANGE_KINDS.filter((k) => c[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'a change needs one of set, scale, add, remove'
            : `a change has exactly one of set, scale, add, remove (found ${kinds.join(', ')})`,
      });
      return;
    }
    const kind = kinds[0]!;
    if ((kind === 'set' || kind === 'add') && c.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `missing: ${kind} needs a value` });
    if (kind === 'scale' && c.by === undefined)
      ctx.addIssue({ code: 'custom', path: ['by'], message: 'missing: scale needs by: a number' });
    if (kind !== 'scale' && c.by !== undefined)
      ctx.addIssue({ code: 'custom', path: ['by'], message: `by belongs to scale, not ${kind}` });
    if ((kind === 'scale' || kind === 'remove') && c.value !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `value belongs to set and add, not ${kind}`,
      });
  });

export const Variant = z
  .object({
    id: VariantId,
    name: z.string().min(1),
    description: z.string().optional(),
    extends: VariantId.optional().describe(
      'Id of another variant whose changes apply first (chains; a cycle is an error).',
    ),
    changes: z.array(VariantChange).default([]),
  })
  .strict()
  .describe('A named overlay of the scenario: its changes applied to a copy of it.');

export const Variants = z
  .array(Variant)
  .describe('Named what-if overlays of this scenario (`--variant ID`, `entente compare`).');

/** An overlay file (`--overlay FILE`): a list of changes, variants, or both. */
export const OverlayFile = z
  .object({
    changes: z.array(VariantChange).optional(),
    variants: Variants.optional(),
  })
  .strict();

export type VariantChange = z.infer<typeof VariantChange>;
export type Variant = z.infer<typeof Variant>;
