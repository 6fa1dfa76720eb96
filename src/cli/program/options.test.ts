import { describe, expect, it } from 'vitest';
import { listModels } from '../../models/registry.ts';
import { MODELS } from './options.ts';

describe('program/options', () => {
  it('lists the registered models in order, with whether each has options', () => {
    // The flags and help are built from this list so that start-up does not load the models;
    // a model added to the registry must be added here too.
    expect(MODELS).toEqual(
      listModels().map((m) => ({ id: m.id, hasOptions: Object.keys(m.options).length > 0 })),
    );
  });
});
