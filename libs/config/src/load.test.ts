import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { describeConfig, loadConfig } from './load.ts';

const schema = z.object({
  gatewayPort: z.number().int().default(8080).describe('the port'),
  peers: z.array(z.string()).default([]),
  debug: z.boolean().default(false),
  name: z.string().min(1),
});

const file = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'mesh.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('loadConfig', () => {
  it('reads flags, env and a file, flags winning over env over file', () => {
    const config = loadConfig(schema, {
      argv: ['--gateway-port', '9000', '--config', file({ name: 'from-file', gatewayPort: 1, debug: true })],
      env: { MESH_GATEWAY_PORT: '2', MESH_NAME: 'from-env' },
    });
    expect(config).toEqual({ gatewayPort: 9000, peers: [], debug: true, name: 'from-env' });
  });

  it('takes repeated flags or a comma-separated variable for a list, and bare flags for booleans', () => {
    expect(loadConfig(schema, { argv: ['--peers', 'a:1', '--peers', 'b:2', '--debug', '--name', 'n'], env: {} })).toMatchObject({ peers: ['a:1', 'b:2'], debug: true });
    expect(loadConfig(schema, { argv: [], env: { MESH_PEERS: 'a:1, b:2', MESH_DEBUG: 'false', MESH_NAME: 'n' } })).toMatchObject({ peers: ['a:1', 'b:2'], debug: false });
  });

  it('fails naming the flag and the variable of a bad value', () => {
    expect(() => loadConfig(schema, { argv: ['--gateway-port', 'eighty', '--name', 'n'], env: {} })).toThrow(/--gateway-port \(MESH_GATEWAY_PORT\)/);
    expect(() => loadConfig(schema, { argv: [], env: {} })).toThrow(/--name \(MESH_NAME\)/);
  });

  it('refuses an unknown flag and an unreadable file with a clear message', () => {
    expect(() => loadConfig(schema, { argv: ['--nmae', 'x'], env: {} })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { argv: ['--nmae', 'x'], env: {} })).toThrow(/--nmae/);
    expect(() => loadConfig(schema, { argv: [], env: { MESH_CONFIG: '/nonexistent/mesh.json' } })).toThrow(/config file \/nonexistent\/mesh.json/);
  });

  it('describes every flag with its variable and default', () => {
    expect(describeConfig(schema)).toMatch(/--gateway-port <number>\s+the port \(MESH_GATEWAY_PORT, default 8080\)/);
  });
});
