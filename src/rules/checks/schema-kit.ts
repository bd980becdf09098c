import { z } from 'zod';
import type { Expr } from '../expr.js';
import type { SchemaKit } from './kind.js';
import { PATH_CONTEXTS } from './vocabulary.js';

/** The kit the kinds write their argument schemas with (see `SchemaKit`); importing it loads zod. */
export const schemaKit: SchemaKit = {
  z,
  text: z.string().min(1),
  oneOrMany: (item) => z.union([item, z.array(item).min(1)]),
  // Its JSON Schema is a reference to the pack schema's `expr` (pack-schema.ts): here it only carries the type.
  expression: z.custom<Expr>(() => true),
  pathContexts: z
    .array(z.enum(PATH_CONTEXTS))
    .min(1)
    .meta({ uniqueItems: true, description: `Which paths count: ${PATH_CONTEXTS.join(', ')} (default: project, the project's own code).` }),
};
