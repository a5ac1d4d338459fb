/** Prints a token for development: `npm run token -- --sub ID [--role customer|operator|admin] [--ttl 1h] [--name NAME] [-s]`. */
import { Option } from 'commander';
import { resolveTokenOptions } from '../server/auth/keys.js';
import { createTokenService, ROLES, type Role } from '../server/auth/tokens.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { createCli, usageError } from './lib/cli.js';
import { unknownCustomerWarning } from './lib/customer-check.js';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

const cli = createCli('npm run token --', 'Signs a JWT with the desk’s key, for development and tests.')
  .requiredOption('--sub <id>', 'who the token is for (a customer id such as cust-ava, or a staff id)')
  .addOption(new Option('--role <role>', 'the role it carries').choices(ROLES).default('customer'))
  .option('--ttl <duration>', 'how long it lives: 30m, 1h, 7d…', '1h')
  .option('--name <name>', 'display name shown to operators')
  .option('-s, --silent', 'print only the token (errors and warnings still go to stderr)')
  .addHelpText('after', '\nExample: TOKEN=$(npm run -s token -- -s --sub cust-ava)')
  .parse();
const opts = cli.opts<{ sub: string; role: Role; ttl: string; name?: string; silent?: boolean }>();
const ttl = /^(\d+)([smhd])$/.exec(opts.ttl);
if (!ttl || Number(ttl[1]) === 0)
  usageError(cli, `--ttl must be a number and a unit, like 30m, 1h or 7d (got "${opts.ttl}")`);
if (opts.sub.length > 128) usageError(cli, '--sub must be at most 128 characters');
if (opts.name !== undefined && opts.name.length > 100) usageError(cli, '--name must be at most 100 characters');

try {
  const config = loadConfig();
  const { options, notice } = resolveTokenOptions(config);
  if (notice && !opts.silent) console.error(notice);
  if (opts.role === 'customer') {
    const warning = await unknownCustomerWarning(config, opts.sub);
    if (warning) console.error(warning);
  }
  const seconds = Number(ttl[1]) * UNIT_SECONDS[ttl[2] as keyof typeof UNIT_SECONDS];
  const { token, expiresAt } = createTokenService(options).sign(
    { sub: opts.sub, role: opts.role, ...(opts.name ? { name: opts.name } : {}) },
    seconds,
  );
  if (!opts.silent)
    console.error(
      `token for ${opts.sub} (${opts.role}${opts.name ? `, ${opts.name}` : ''}), expires ${expiresAt.toISOString()}`,
    );
  console.log(token);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `could not sign a token: ${(err as Error).message}`);
  process.exit(1);
}
