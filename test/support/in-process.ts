/** The CLI's `main` run in this process (see cli.ts, `entente`). */
export { entente as inProcess } from './cli.ts';
