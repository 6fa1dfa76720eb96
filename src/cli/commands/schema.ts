/** `entente schema`: the JSON Schema of the scenario format (options: program/schema.ts). */
import { scenarioJsonSchema } from '../../core/scenario.ts';
import { io } from '../io.ts';

export function schemaCommand(flags: { out?: string }): void {
  io.write(flags.out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
