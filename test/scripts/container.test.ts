import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR } from '../../server/config.js';

const dockerfile = readFileSync(resolve(ROOT_DIR, 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const final = stages.at(-1) ?? '';

describe('Dockerfile and compose.yaml (Docker cannot run here: what can be read is checked)', () => {
  it('runs the same command as npm start', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT_DIR, 'package.json'), 'utf8')) as { scripts: { start: string } };
    const cmd = /^CMD (\[.*\])$/m.exec(final)?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd ?? '[]')).toEqual(pkg.scripts.start.split(' '));
  });

  it('builds in one stage and installs only production dependencies, as a non-root user, in the last', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/RUN npm ci\b/);
    expect(final).toMatch(/RUN npm ci --omit=dev/);
    expect(final).toMatch(/^USER (?!root\b)\w+/m);
    expect(final).toMatch(/^HEALTHCHECK .*[\s\S]*\/health/m);
    // What the server reads at run time besides dist/: the built web app, the articles, the router model.
    for (const path of ['/app/dist', 'client/web/dist', 'server/knowledge', 'server/agents/router/model.json'])
      expect(final).toContain(path);
  });

  it('starts two desks on PostgreSQL and Redis in compose.yaml', () => {
    const compose = parse(readFileSync(resolve(ROOT_DIR, 'compose.yaml'), 'utf8'), { merge: true }) as {
      services: Record<string, { build?: string; image?: string; environment?: Record<string, string> }>;
    };
    const desks = Object.values(compose.services).filter((s) => s.build === '.');
    expect(desks).toHaveLength(2);
    for (const d of desks) {
      expect(d.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(d.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(d.environment?.NODE_ENV).toBe('production');
    }
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.redis.image).toMatch(/^redis:/);
  });
});
