/**
 * The crewdesk terminal client: `npm run desk -- <command>`.
 *
 *   ask "my invoice is wrong" [--type billing|technical|escalation|general|complex] [--emergency] [--case ID]
 *   watch CASE_ID [--after SEQ]
 *   cases [--status OPEN,ESCALATED] [--route billing] [--first N] [--after CURSOR]
 *   status
 *   guest
 *
 * Token: --token, else CREWDESK_TOKEN, else a fresh guest session. Server: --url, else
 * CREWDESK_URL, else http://127.0.0.1:4000/graphql. Errors print one line on stderr and exit
 * non-zero (see EXIT in format.ts).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CaseStatus, RequestType, Route } from '../generated/graphql.js';
import {
  type CaseEvent,
  type CaseEventOf,
  createDeskClient,
  DeskClient,
  DeskClientError,
  type DeskStatus,
  type SubmitRequestInput,
} from '../src/desk-client.js';
import {
  clip,
  colourFor,
  describeError,
  duration,
  EXIT,
  exitCodeFor,
  ms,
  type Styles,
  styles,
  table,
  when,
} from './format.js';

const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';

const USAGE = `usage: npm run desk -- <command> [options]

commands:
  ask MESSAGE        submit a request and stream the answer
      --type T         billing, technical, escalation, general, complex (default: auto)
      --emergency      flag the request as an emergency
      --case ID        a follow-up on an existing case
      --timeout SEC    give up waiting for the answer (default 120)
  watch CASE_ID      stream a case's events until Ctrl-C (--after SEQ: only later ones)
  cases              your cases, newest first (--status S,S --route R --first N --after CURSOR)
  status             the agents and the queue (operator or admin token)
  guest              start a guest session and print its token

options:
  --url URL          server (CREWDESK_URL; default ${DEFAULT_URL})
  --token TOKEN      JWT (CREWDESK_TOKEN; default: a new guest session)
  -h, --help         this help`;

/** A usage mistake: print it with the usage hint, exit 2. */
class UsageError extends Error {}
/** An error with a ready message and exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const REQUEST_TYPES: Record<string, RequestType> = {
  auto: 'AUTO',
  billing: 'BILLING',
  technical: 'TECHNICAL',
  escalation: 'ESCALATION',
  general: 'GENERAL',
  complex: 'COMPLEX',
};
const STATUSES: CaseStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED'];
const ROUTES: Route[] = ['BILLING', 'TECHNICAL', 'ESCALATION', 'GENERAL'];

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  c: Styles;
  ce: Styles;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        type: { type: 'string' },
        emergency: { type: 'boolean' },
        case: { type: 'string' },
        after: { type: 'string' },
        status: { type: 'string' },
        route: { type: 'string' },
        first: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
type Values = ReturnType<typeof parse>['values'];

function positiveInt(v: string | undefined, name: string, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${v}")`);
  return n;
}

function listOf<T extends string>(v: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (!v) return undefined;
  return v.split(',').map((s) => {
    const u = s.trim().toUpperCase().replace(/-/g, '_') as T;
    if (!allowed.includes(u))
      throw new UsageError(`--${name}: "${s}" is not one of ${allowed.map((a) => a.toLowerCase()).join(', ')}`);
    return u;
  });
}

/** Prints case events as a conversation: streamed text, then one line per other event. */
class EventPrinter {
  /** Text written so far per message id. */
  readonly written = new Map<string, string>();
  readonly tools: string[] = [];
  private midLine = false;

  constructor(private readonly io: Io) {}

  private line(s: string): void {
    if (this.midLine) this.io.out.write('\n');
    this.midLine = false;
    this.io.out.write(`${s}\n`);
  }

  private text(messageId: string, s: string): void {
    if (!s) return;
    this.written.set(messageId, (this.written.get(messageId) ?? '') + s);
    this.io.out.write(s);
    this.midLine = !s.endsWith('\n');
  }

  /** Ends a line left open by streamed text. */
  endLine(): void {
    if (this.midLine) this.io.out.write('\n');
    this.midLine = false;
  }

  print(ev: CaseEvent, verbose: boolean): void {
    const { c } = this.io;
    const tag = verbose ? c.dim(`#${ev.seq} `) : '';
    switch (ev.__typename) {
      case 'TokenDelta':
        this.text(ev.messageId, ev.text);
        return;
      case 'CaseRouted': {
        const crew =
          ev.parts.length > 1
            ? ` · crew ${ev.parts.map((p) => `${p.route.toLowerCase()} (${p.confidence.toFixed(2)})`).join(' + ')}`
            : '';
        this.line(
          `${tag}${c.cyan(`route: ${ev.route.toLowerCase()}`)} · intent ${ev.intent} · confidence ${ev.confidence.toFixed(2)} · ${ev.method.toLowerCase().replace(/_/g, ' ')}${crew}`,
        );
        if (verbose) this.line(c.dim(`  ${ev.reason}`));
        return;
      }
      case 'AgentStarted':
        this.line(`${tag}${c.cyan(`agent: ${ev.agent}`)}`);
        return;
      case 'ToolCalled':
        this.tools.push(`${ev.tool} ${ev.ok ? '✓' : '✗'}`);
        this.line(
          `${tag}${c.dim(`tool: ${ev.tool} ${ev.ok ? c.green('✓') : c.red('✗')} (${ms(ev.durationMs)})${verbose ? ` ${clip(ev.input, 60)} → ${clip(ev.output, 80)}` : ''}`)}`,
        );
        return;
      case 'AgentHandoff':
        this.line(`${tag}${c.magenta(`handoff: ${ev.fromAgent} → ${ev.toAgent}`)} ${c.dim(ev.reason)}`);
        return;
      case 'MessageCompleted': {
        const m = ev.message;
        const shown = this.written.get(m.id) ?? '';
        // Deltas of a completed message are not replayed after a reconnect: finish from the stored text.
        if (m.content.startsWith(shown)) this.text(m.id, m.content.slice(shown.length));
        else if (!shown) this.text(m.id, m.content);
        this.endLine();
        if (m.status === 'INCOMPLETE') this.line(c.yellow('(the answer was cut short)'));
        if (m.citations.length) this.line(c.dim(`sources: ${m.citations.map((x) => x.title).join('; ')}`));
        if (verbose)
          this.line(
            `${tag}${c.dim(`message completed (${m.status.toLowerCase()}${m.model ? `, ${m.model}` : ''}${m.latencyMs !== null ? `, ${ms(m.latencyMs)}` : ''})`)}`,
          );
        return;
      }
      case 'MessageAdded': {
        const m = ev.message;
        if (m.authorKind === 'CUSTOMER' && !verbose) return;
        this.line(`${tag}${c.bold(`${m.authorName ?? m.authorKind.toLowerCase()}:`)} ${m.content}`);
        return;
      }
      case 'CaseOpened':
        if (verbose)
          this.line(
            `${tag}opened: ${ev.subject} ${c.dim(`(${ev.priority.toLowerCase()}${ev.emergency ? ', emergency' : ''})`)}`,
          );
        return;
      case 'StatusChanged':
        if (verbose) this.line(`${tag}${c.dim(`status: ${ev.fromStatus} → ${ev.toStatus} (by ${ev.by})`)}`);
        return;
      case 'PriorityChanged':
        this.line(`${tag}${c.yellow(`priority: ${ev.fromPriority} → ${ev.toPriority}`)} ${c.dim(`(by ${ev.by})`)}`);
        return;
      case 'AssigneeChanged':
        this.line(`${tag}${c.dim(`assignee: ${ev.fromAssignee ?? '-'} → ${ev.toAssignee ?? '-'} (by ${ev.by})`)}`);
        return;
      case 'CaseEscalated':
        this.line(`${tag}${c.yellow(`escalated to a human (${ev.priority}): ${ev.reason}`)}`);
        return;
      case 'CaseError':
        this.line(
          `${tag}${c.red(`error ${ev.code}: ${ev.detail}`)}${ev.recoverable ? '' : c.red(' (not recoverable)')}`,
        );
        return;
      case 'GuardrailTripped':
        this.line(`${tag}${c.yellow(`guardrail ${ev.guardrail}: ${ev.reason}`)}`);
        return;
      case 'ActionUpdated':
        this.line(`${tag}${c.yellow(`action ${ev.status.toLowerCase().replace('_', ' ')}: ${ev.summary}`)}`);
        return;
      case 'CaseSlaWarning':
        this.line(`${tag}${c.yellow(`SLA warning: ${ev.target.toLowerCase().replace('_', ' ')} due ${ev.dueAt}`)}`);
        return;
      case 'CaseSlaBreached':
        this.line(`${tag}${c.red(`SLA missed: ${ev.target.toLowerCase().replace('_', ' ')} was due ${ev.dueAt}`)}`);
        return;
    }
  }
}

/** Ctrl-C (and an optional timeout) abort the controller. */
function stopOn(signalNames: NodeJS.Signals[], timeoutMs?: number) {
  const ac = new AbortController();
  let timedOut = false;
  const onSignal = () => ac.abort();
  for (const s of signalNames) process.once(s, onSignal);
  const timer = timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        ac.abort();
      }, timeoutMs)
    : undefined;
  return {
    signal: ac.signal,
    get timedOut() {
      return timedOut;
    },
    done() {
      clearTimeout(timer);
      for (const s of signalNames) process.off(s, onSignal);
    },
  };
}

async function ask(desk: DeskClient, io: Io, message: string, values: Values): Promise<number> {
  if (!message) throw new UsageError('ask needs a message: npm run desk -- ask "my invoice is wrong"');
  let requestType: RequestType | undefined;
  if (values.type !== undefined) {
    requestType = REQUEST_TYPES[values.type.toLowerCase()];
    if (!requestType)
      throw new UsageError(`--type must be one of ${Object.keys(REQUEST_TYPES).join(', ')} (got "${values.type}")`);
  }
  const timeoutSec = positiveInt(values.timeout, 'timeout') ?? 120;
  const input: SubmitRequestInput = {
    message,
    ...(requestType ? { requestType } : {}),
    ...(values.emergency ? { emergency: true } : {}),
    ...(values.case ? { caseId: values.case } : {}),
  };
  const submitted = await desk.submitRequest(input);
  const caseId = submitted.case.id;
  const { c } = io;
  io.out.write(
    c.dim(`case ${caseId}${values.case ? ' (follow-up)' : ''}${submitted.duplicate ? ' (duplicate submit)' : ''}\n`),
  );
  if (submitted.case.assignee) {
    io.out.write(
      `The case is assigned to ${submitted.case.assignee}; an operator will answer (npm run desk -- watch ${caseId}).\n`,
    );
    io.out.write(`case ${caseId} · status ${submitted.case.status}\n`);
    return EXIT.ok;
  }

  const printer = new EventPrinter(io);
  const stop = stopOn(['SIGINT', 'SIGTERM'], timeoutSec * 1000);
  // Replay from the start and show what follows our own message: exact, whatever the worker did
  // before the subscription began.
  let ours = false;
  let answered: CaseEventOf<'MessageCompleted'> | null = null;
  let fatal: CaseEventOf<'CaseError'> | null = null;
  try {
    for await (const ev of desk.watchCase(caseId, {
      after: 0,
      signal: stop.signal,
      onReconnect: ({ attempt, delayMs, error }) =>
        io.err.write(
          io.ce.dim(`(connection lost: ${error.message}; reconnecting in ${delayMs} ms, attempt ${attempt})\n`),
        ),
    })) {
      if (!ours) {
        ours = ev.__typename === 'MessageAdded' && ev.message.id === submitted.message.id;
        continue;
      }
      printer.print(ev, false);
      if (
        ev.__typename === 'MessageCompleted' &&
        (ev.message.authorKind === 'AGENT' || ev.message.authorKind === 'SYSTEM')
      ) {
        answered = ev;
        break;
      }
      if (ev.__typename === 'MessageAdded' && ev.message.authorKind === 'OPERATOR') break;
      if (ev.__typename === 'CaseError' && !ev.recoverable) {
        fatal = ev;
        break;
      }
    }
  } finally {
    stop.done();
    printer.endLine();
  }
  if (!answered && !fatal) {
    if (stop.timedOut)
      throw new CliError(
        `no answer within ${timeoutSec} s; follow the case with: npm run desk -- watch ${caseId}`,
        EXIT.timeout,
      );
    if (stop.signal.aborted) {
      io.out.write(`case ${caseId} (stopped watching)\n`);
      return 130;
    }
  }
  const final = await desk.getCase(caseId);
  if (printer.tools.length) io.out.write(`tools: ${printer.tools.join(', ')}\n`);
  const agent = answered?.message.agentName ?? final.agentName;
  io.out.write(
    `${c.bold(`case ${final.id}`)} · status ${final.status} · priority ${final.priority}${final.route ? ` · route ${final.route.toLowerCase()}` : ''}${agent ? ` · agent ${agent}` : ''}\n`,
  );
  return fatal ? EXIT.error : EXIT.ok;
}

async function watch(desk: DeskClient, io: Io, caseId: string | undefined, values: Values): Promise<number> {
  if (!caseId) throw new UsageError('watch needs a case id: npm run desk -- watch CASE_ID');
  const after = positiveInt(values.after, 'after', 0) ?? 0;
  // Over HTTP first: a wrong id or an unreachable server fails at once instead of after retries.
  const found = await desk.getCase(caseId);
  const printer = new EventPrinter(io);
  const stop = stopOn(['SIGINT', 'SIGTERM']);
  io.out.write(
    `${io.c.bold(`case ${found.id}`)} · ${clip(found.subject, 60)} · status ${found.status} · priority ${found.priority}\n`,
  );
  io.err.write(io.ce.dim(`watching (Ctrl-C to stop)\n`));
  try {
    for await (const ev of desk.watchCase(caseId, {
      after,
      signal: stop.signal,
      onReconnect: ({ attempt, delayMs, error }) =>
        io.err.write(
          io.ce.dim(`(connection lost: ${error.message}; reconnecting in ${delayMs} ms, attempt ${attempt})\n`),
        ),
    })) {
      printer.print(ev, true);
    }
  } finally {
    stop.done();
    printer.endLine();
  }
  return EXIT.ok;
}

async function cases(desk: DeskClient, io: Io, values: Values): Promise<number> {
  const status = listOf(values.status, STATUSES, 'status');
  const route = listOf(values.route, ROUTES, 'route');
  const first = positiveInt(values.first, 'first') ?? 20;
  const page = await desk.listCases(
    { ...(status ? { status } : {}), ...(route ? { route } : {}) },
    first,
    values.after ?? null,
  );
  const { c } = io;
  if (!page.edges.length) {
    io.out.write('no cases\n');
    return EXIT.ok;
  }
  const rows = page.edges.map(({ node: n }) => [
    n.id,
    n.status,
    n.priority + (n.emergency ? '!' : ''),
    n.route?.toLowerCase(),
    n.agentName,
    n.assignee,
    when(n.updatedAt),
    clip(n.subject, 48),
  ]);
  io.out.write(
    `${table(['ID', 'STATUS', 'PRIORITY', 'ROUTE', 'AGENT', 'ASSIGNEE', 'UPDATED', 'SUBJECT'], rows, { style: c })}\n`,
  );
  io.out.write(
    c.dim(
      `${page.edges.length} of ${page.totalCount} case${page.totalCount === 1 ? '' : 's'}${page.pageInfo.hasNextPage && page.pageInfo.endCursor ? ` · next page: --after ${page.pageInfo.endCursor}` : ''}\n`,
    ),
  );
  return EXIT.ok;
}

function statusReport(s: DeskStatus, c: Styles): string {
  const models = new Map(s.models.map((m) => [m.agent, m.model]));
  const agents = table(
    ['AGENT', 'MODEL', 'ACTIVE', 'HANDLED', 'ERRORS', 'FIRST TOKEN', 'ANSWER'],
    s.agents.map((a) => [
      a.agent,
      models.get(a.agent) ?? s.model,
      a.active,
      a.handled,
      a.errors,
      ms(a.avgTimeToFirstTokenMs),
      ms(a.avgTimeToAnswerMs),
    ]),
    { align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'], style: c },
  );
  const byStatus = s.casesByStatus.filter((x) => x.count > 0).map((x) => `${x.status.toLowerCase()} ${x.count}`);
  return [
    `${c.bold('crewdesk')} · provider ${s.provider} · model ${s.model}${s.routerModel ? ` · router ${s.routerModel}` : ''} · up ${duration(s.uptimeSeconds)}`,
    `queue ${s.queueDepth} · answering ${s.activeRuns} · tokens ${s.totalTokens} · cost $${s.totalCostUsd.toFixed(4)}`,
    `cases: ${byStatus.length ? byStatus.join(', ') : 'none'}`,
    '',
    agents,
  ].join('\n');
}

async function run(argv: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.out.write(`${USAGE}\n`);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }
  if (!['ask', 'watch', 'cases', 'status', 'guest'].includes(command))
    throw new UsageError(`unknown command "${command}"`);
  const url = values.url || env.CREWDESK_URL || DEFAULT_URL;
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--url is not a URL: "${url}"`);
  }
  if (command === 'guest') {
    const s = await DeskClient.startGuestSession(url);
    io.err.write(io.ce.dim(`guest ${s.customerId}, expires ${s.expiresAt}\n`));
    io.out.write(`${s.token}\n`);
    return EXIT.ok;
  }
  let token = values.token || env.CREWDESK_TOKEN || null;
  if (!token) {
    const s = await DeskClient.startGuestSession(url);
    token = s.token;
    io.err.write(io.ce.dim(`(no token: using guest session ${s.customerId}; pass --token or set CREWDESK_TOKEN)\n`));
  }
  const desk = createDeskClient({ url, token });
  try {
    switch (command) {
      case 'ask':
        return await ask(desk, io, rest.join(' ').trim(), values);
      case 'watch':
        return await watch(desk, io, rest[0], values);
      case 'cases':
        return await cases(desk, io, values);
      default:
        io.out.write(`${statusReport(await desk.deskStatus(), io.c)}\n`);
        return EXIT.ok;
    }
  } finally {
    await desk.dispose();
  }
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io: Io = {
    out: process.stdout,
    err: process.stderr,
    c: styles(colourFor(process.stdout, env)),
    ce: styles(colourFor(process.stderr, env)),
  };
  const command = argv.find((a) => !a.startsWith('-'));
  try {
    return await run(argv, io, env);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err.write(`desk: ${err.message}\n(npm run desk -- --help for usage)\n`);
      return EXIT.usage;
    }
    if (err instanceof CliError) {
      io.err.write(`desk: ${err.message}\n`);
      return err.exitCode;
    }
    const url = (() => {
      const i = argv.indexOf('--url');
      return (
        (i >= 0 ? argv[i + 1] : undefined) ||
        argv.find((a) => a.startsWith('--url='))?.slice(6) ||
        env.CREWDESK_URL ||
        DEFAULT_URL
      );
    })();
    io.err.write(`${io.ce.red('desk:')} ${describeError(err, { url, command })}\n`);
    if (!(err instanceof DeskClientError) && env.DEBUG) io.err.write(`${(err as Error).stack}\n`);
    return exitCodeFor(err);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
