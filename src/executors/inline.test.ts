import { executorContract } from './contract.ts';
import { InlineExecutor } from './inline.ts';

executorContract('inline', () => new InlineExecutor());
