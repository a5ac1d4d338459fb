/** Prints a token for development: `npm run token -- --sub ID --role customer|operator|admin [--ttl 1h] [--name NAME]`. */
import { parseArgs } from 'node:util';
import { resolveTokenOptions } from '../server/auth/keys.js';
import { createTokenService, ROLES, type Role } from '../server/auth/tokens.js';
import { ConfigError, loadConfig } from '../server/config.js';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    role: { type: 'string', default: 'customer' },
    ttl: { type: 'string', default: '1h' },
    name: { type: 'string' },
  },
});
const ttl = /^(\d+)([smhd])$/.exec(values.ttl);
if (!values.sub || !ROLES.includes(values.role as Role) || !ttl) {
  console.error('usage: npm run token -- --sub ID --role customer|operator|admin [--ttl 30m|1h|7d] [--name NAME]');
  process.exit(1);
}
try {
  const config = loadConfig();
  const { options, notice } = resolveTokenOptions(config);
  if (notice) console.error(notice);
  const seconds = Number(ttl[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[ttl[2] as 's' | 'm' | 'h' | 'd'];
  const { token, expiresAt } = createTokenService(options).sign(
    { sub: values.sub, role: values.role as Role, ...(values.name ? { name: values.name } : {}) },
    seconds,
  );
  console.error(`token for ${values.sub} (${values.role}), expires ${expiresAt.toISOString()}`);
  console.log(token);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `could not sign a token: ${(err as Error).message}`);
  process.exit(1);
}
