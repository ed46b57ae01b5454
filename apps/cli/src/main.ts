import { Command } from 'commander';
import { NatsServerMissingError } from '@meshwork/bus';
import { ConfigError, describeConfig, loadConfig, upConfigSchema, upOptionGroups } from '@meshwork/config';
import { registerClientCommands } from './client-commands.ts';
import { LaunchError } from './errors.ts';
import { runNode } from './launcher.ts';

const UP_HELP = `Usage: mesh up [options]

Starts a meshwork node: its own nats-server and the transport, router, filesvc and
gateway services; restarts any that dies; Ctrl-C stops them all. Every value is checked
before anything starts. When the node is ready, it prints on stderr the address to open
in a browser, which carries the node's client secret.

Options (each also from the environment variable named, or a JSON file given with --config):
${upOptionGroups()
  .filter((group) => group.keys.length > 0)
  .map((group) => `\n${group.title}:\n${describeConfig(upConfigSchema, group.keys)}`)
  .join('\n')}

  --config <file>                 JSON file with any of the above (camelCase keys) (MESH_CONFIG)
`;

async function up(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(UP_HELP);
    return;
  }
  await runNode(loadConfig(upConfigSchema, { argv }));
}

const program = new Command('mesh')
  .description('meshwork: a serverless mesh messenger for local networks')
  .showHelpAfterError();
program
  .command('up')
  .description('start a node (mesh up --help for its options)')
  .helpOption(false)
  .allowUnknownOption()
  .allowExcessArguments()
  .action(() => up(process.argv.slice(process.argv.indexOf('up') + 1)));
registerClientCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof NatsServerMissingError || err instanceof LaunchError) {
    process.stderr.write(`mesh: ${(err as Error).message}\n`);
    process.exit(2);
  }
  throw err;
}
