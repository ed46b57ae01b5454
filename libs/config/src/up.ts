// `mesh up`: the services' own schemas composed, so the launcher declares no option twice
// and checks every value exactly as the service that reads it will, before starting anything.
import { z } from 'zod';
import { baseConfigSchema, launcherSupplied } from './base.ts';
import { filesvcConfigSchema } from './filesvc.ts';
import { gatewayConfigSchema } from './gateway.ts';
import { envName } from './load.ts';
import { routerConfigSchema } from './router.ts';
import { transportConfigSchema } from './transport.ts';

export const serviceConfigSchemas = {
  transport: transportConfigSchema,
  router: routerConfigSchema,
  filesvc: filesvcConfigSchema,
  gateway: gatewayConfigSchema,
} as const;

export type ServiceName = keyof typeof serviceConfigSchemas;
export const SERVICES = Object.keys(serviceConfigSchemas) as ServiceName[];

const supplied = new Set<string>(launcherSupplied);
const ownKeys = (schema: z.ZodObject) => Object.keys(schema.shape).filter((k) => !supplied.has(k));

type Shape<S> = S extends z.ZodObject<infer T> ? T : never;
type Supplied = (typeof launcherSupplied)[number];
/** Every service's fields but what the launcher supplies: the type of the composed shape. */
type UpShape = Omit<
  Shape<typeof transportConfigSchema> & Shape<typeof routerConfigSchema> & Shape<typeof filesvcConfigSchema> & Shape<typeof gatewayConfigSchema>,
  Supplied
>;

function composeShape(): UpShape {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const schema of [baseConfigSchema, ...Object.values(serviceConfigSchemas)]) {
    for (const key of ownKeys(schema)) {
      const type = (schema.shape as Record<string, z.core.$ZodType>)[key]!;
      if (shape[key] && shape[key] !== type) throw new Error(`two services declare the option ${key} differently`);
      shape[key] = type;
    }
  }
  return shape as unknown as UpShape;
}

/** Placeholders for what the launcher supplies, so a service schema can check the rest. */
const suppliedPlaceholders = { nodeId: 'launcher', natsUrl: 'nats://127.0.0.1:4222' };

export const upConfigSchema = z.object(composeShape()).superRefine((values, ctx) => {
  const reported = new Set<string>();
  for (const schema of Object.values(serviceConfigSchemas)) {
    const result = schema.safeParse({ ...values, ...suppliedPlaceholders });
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const key = `${issue.path.join('.')}: ${issue.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  }
});

export type UpConfig = z.infer<typeof upConfigSchema>;

/** The options of `mesh up`, grouped under the service that reads them, for --help. */
export function upOptionGroups(): Array<{ title: string; keys: string[] }> {
  const shown = new Set<string>();
  const take = (keys: string[]) => keys.filter((k) => !shown.has(k) && shown.add(k));
  return [
    { title: 'node', keys: take(ownKeys(baseConfigSchema)) },
    ...Object.entries(serviceConfigSchemas).map(([name, schema]) => ({ title: name, keys: take(ownKeys(schema)) })),
  ];
}

/**
 * The MESH_* variables that give one service its configuration: only the fields its own
 * schema declares (a secret one service needs never reaches the others).
 */
export function serviceEnv(service: ServiceName, values: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of Object.keys(serviceConfigSchemas[service].shape)) {
    const value = values[key];
    if (value === undefined) continue;
    env[envName(key)] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return env;
}
