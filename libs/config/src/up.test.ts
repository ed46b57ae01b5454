import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.ts';
import { gatewayConfigSchema } from './gateway.ts';
import { loadConfig } from './load.ts';
import { serviceConfigSchemas, serviceEnv, upConfigSchema, upOptionGroups } from './up.ts';

const up = (argv: string[]) => loadConfig(upConfigSchema, { argv, env: {} });

describe('mesh up configuration', () => {
  it('is the services\' own options, each once, without what the launcher supplies', () => {
    const keys = Object.keys(upConfigSchema.shape);
    expect(keys).toEqual(expect.arrayContaining(['name', 'dataDir', 'host', 'port', 'peers', 'password', 'maxIncoming', 'gateway', 'gatewayPublic']));
    expect(keys).not.toContain('nodeId');
    expect(keys).not.toContain('natsToken');
    const grouped = upOptionGroups().flatMap((g) => g.keys);
    expect(grouped.sort()).toEqual([...keys].sort());
  });

  it('refuses what a service would refuse, naming the option', () => {
    expect(() => up(['--host', 'localhost'])).toThrow(ConfigError);
    expect(() => up(['--host', 'localhost'])).toThrow(/--host \(MESH_HOST\): "localhost" is not an IPv4 address/);
    expect(() => up(['--gateway', 'h:70000'])).toThrow(/--gateway \(MESH_GATEWAY\): "h:70000": port 70000 is out of range/);
    expect(() => up(['--peers', '127.0.0.2:65535'])).toThrow(/--peers \(MESH_PEERS\)\[0\]/);
  });

  it('refuses a gateway off loopback unless --gateway-public says so', () => {
    expect(() => up(['--gateway', '0.0.0.0:8080'])).toThrow(/--gateway \(MESH_GATEWAY\): 0\.0\.0\.0 is not a loopback address: the API would be reachable from the network; add --gateway-public/);
    expect(up(['--gateway', '0.0.0.0:8080', '--gateway-public']).gateway).toBe('0.0.0.0:8080');
    expect(up(['--gateway', 'http://localhost:8081/']).gateway).toBe('localhost:8081');
    const service = gatewayConfigSchema.safeParse({ nodeId: 'n', gateway: '10.1.2.3:80' });
    expect(service.success).toBe(false);
  });

  it('gives each service only its own options, in the form its loader reads', () => {
    const values = { ...up(['--peers', '127.0.0.2:1', '--peers', '127.0.0.3:2', '--password', 'hunter2']), nodeId: 'abcd', natsUrl: 'nats://x:1', natsToken: 't' };
    const transport = serviceEnv('transport', values);
    expect(transport.MESH_PEERS).toBe('127.0.0.2:1,127.0.0.3:2');
    expect(transport.MESH_NODE_ID).toBe('abcd');
    // the password keys v2 links (transport) and v1 chat (router); no other service gets it
    expect(transport.MESH_PASSWORD).toBe('hunter2');
    expect(serviceEnv('router', values).MESH_PASSWORD).toBe('hunter2');
    expect(serviceEnv('gateway', values).MESH_PASSWORD).toBeUndefined();
    expect(serviceEnv('filesvc', values).MESH_PASSWORD).toBeUndefined();
    for (const name of Object.keys(serviceConfigSchemas) as Array<keyof typeof serviceConfigSchemas>) {
      const env = serviceEnv(name, values);
      expect(() => loadConfig(serviceConfigSchemas[name], { argv: [], env })).not.toThrow();
    }
  });
});
