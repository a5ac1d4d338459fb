/**
 * AGENTS_FILE: the desk's agents defined in a YAML or JSON file, validated with zod. The file
 * changes any of the four agents (billing, technical, escalation, general): each field it gives
 * replaces the built-in one, the rest stays; the router's four routes stay the same.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { TOOLS } from '../tools/index.js';
import type { AgentDefinition } from './agent.js';

type AgentName = AgentDefinition['name'];
const NAMES = ['billing', 'technical', 'escalation', 'general'] as const satisfies readonly AgentName[];

/** A bad agents file: the message names the file and each problem by its path. */
export class AgentsFileError extends Error {
  override readonly name = 'AgentsFileError';
}

const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
const list = (max: number, each: number) => z.array(text(each)).max(max);

function agentSchema(name: AgentName) {
  const tools = Object.keys(TOOLS);
  return z
    .object({
      title: text(80),
      role: text(600),
      goal: text(600),
      backstory: text(1200),
      capabilities: list(40, 200),
      policies: list(40, 1200),
      tools: z
        .array(z.string().refine((t) => tools.includes(t), { message: `must be one of ${tools.join(', ')}` }))
        .max(tools.length),
      handoffs: z
        .array(
          z
            .enum(NAMES, { message: `must be one of ${NAMES.join(', ')}` })
            .refine((h) => h !== name, { message: 'an agent cannot hand off to itself' }),
        )
        .max(NAMES.length - 1),
    })
    .partial()
    .strict();
}

const fileSchema = z
  .object({
    agents: z
      .object(
        Object.fromEntries(NAMES.map((n) => [n, agentSchema(n).optional()])) as {
          [K in AgentName]: z.ZodOptional<ReturnType<typeof agentSchema>>;
        },
      )
      .strict(),
  })
  .strict();

/** Parses the file's text by its extension (.yaml, .yml or .json). */
function parseText(path: string, raw: string): unknown {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.json') return JSON.parse(raw);
    if (ext === '.yaml' || ext === '.yml') return parseYaml(raw);
  } catch (err) {
    throw new AgentsFileError(
      `AGENTS_FILE ${path}: not valid ${ext.slice(1).toUpperCase()}: ${(err as Error).message}`,
    );
  }
  throw new AgentsFileError(`AGENTS_FILE ${path}: must end in .yaml, .yml or .json`);
}

/** The agents `data` defines over `base` (the built-in four); throws AgentsFileError with every problem listed. */
function agentsFrom(
  data: unknown,
  base: Record<AgentName, AgentDefinition>,
  source = 'AGENTS_FILE',
): Record<AgentName, AgentDefinition> {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new AgentsFileError(`${source}: invalid agents file:\n${lines.join('\n')}`);
  }
  const out = { ...base };
  for (const name of NAMES) {
    const given = parsed.data.agents[name];
    if (given) out[name] = { ...base[name], ...given, name };
  }
  return out;
}

/** Reads and validates an agents file (YAML or JSON). */
export function loadAgentsFile(
  path: string,
  base: Record<AgentName, AgentDefinition>,
): Record<AgentName, AgentDefinition> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AgentsFileError(`AGENTS_FILE ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  return agentsFrom(parseText(path, raw), base, `AGENTS_FILE ${path}`);
}
