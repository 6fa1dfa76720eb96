import pkg from '../package.json' with { type: 'json' };

/** Entente's version, carried in every result. */
export const VERSION: string = pkg.version;
