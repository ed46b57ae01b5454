import { Command } from 'commander';
import { ConfigError, describeConfig, loadConfig } from '@meshwork/service';
import { NatsServerMissingError } from '@meshwork/bus';
import { registerClientCommands } from './client-commands.ts';
import { LaunchError } from './errors.ts';
import { runNode } from './launcher.ts';
import { upConfigSchema } from './up-config.ts';

const UP_HELP = `Usage: mesh up [options]

Starts a meshwork node: its own nats-server and the transport, router, filesvc and
gateway services; restarts any that dies; Ctrl-C stops them all.

Options (each also from the environment variable named, or a JSON file given with --config):
${describeConfig(upConfigSchema)}
  --config <file>                 JSON file with any of the above (camelCase keys)
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
