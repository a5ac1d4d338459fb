/**
 * The seed's REST API on top of the GraphQL schema: `POST /support/{request,billing,technical,
 * escalation,complex}` and `GET /support/status`. Each route runs GraphQL operations through Yoga
 * (see graphql-runner.ts), so auth, rate limits and coded errors are the GraphQL API's; it then
 * waits for the agents' answer on the case's event stream, or streams those events as SSE.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { GraphqlRunner, OperationResult, RestCaller } from './graphql-runner.js';
import { type RestError, restErrorOf, sendError, sendJson } from './rest-errors.js';
import { CASE_EVENTS, CASE_STATUS, DESK_STATUS, SUBMIT, VIEWER } from './support-operations.js';

/** The request type each POST route submits with. */
export const SUPPORT_ROUTES = {
  request: 'AUTO',
  billing: 'BILLING',
  technical: 'TECHNICAL',
  escalation: 'ESCALATION',
  complex: 'COMPLEX',
} as const;

// The seed's body (snake_case), with a follow-up's case id and an idempotency key as extras.
const supportBodySchema = z.object({
  message: z.string(),
  customer_id: z.string().nullish(),
  context: z.record(z.string(), z.unknown()).nullish(),
  emergency: z.boolean().nullish(),
  case_id: z.string().nullish(),
  idempotency_key: z.string().nullish(),
});

/** What a POST answers once the agents did (the seed's four keys, then crewdesk's). */
export interface SupportAnswer {
  response: string | null;
  agent_type: string | null;
  timestamp: string;
  case_id: string;
  status: string;
  message_id: string | null;
  citations?: string[];
}

interface CaseEvent {
  __typename: string;
  seq: number;
  at: string;
  message?: {
    id: string;
    authorKind: string;
    agentName: string | null;
    content: string;
    createdAt: string;
    citations?: { title: string }[];
  };
  code?: string;
  detail?: string;
  recoverable?: boolean;
  toStatus?: string;
}

interface SubmitData {
  submitRequest: {
    duplicate: boolean;
    case: { id: string; status: string; lastEventSeq: number; customer: { id: string } };
    message: { id: string; createdAt: string };
  };
}

interface RouteOptions {
  runner: GraphqlRunner;
  logger: Logger;
  maxBodyBytes: number;
  /** Longest wait for an answer, in ms (also the default wait). */
  waitTimeoutMs: number;
}

class RestFailure extends Error {
  constructor(readonly error: RestError) {
    super(error.message);
  }
}

const fail = (message: string, code: string, extensions?: Record<string, unknown>) =>
  new RestFailure({ message, code, extensions });

/** Reads a JSON body up to `max` bytes. */
async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  if (!/^application\/(.+\+)?json\b/i.test(req.headers['content-type'] ?? ''))
    throw fail('Send the body as application/json', 'UNSUPPORTED_MEDIA_TYPE');
  if (Number(req.headers['content-length'] ?? 0) > max)
    throw fail(`Request body over ${max} bytes`, 'PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw fail(`Request body over ${max} bytes`, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw fail('The body is not valid JSON', 'BAD_REQUEST');
  }
}

/** The data of a result, or a RestFailure with its first error. */
function dataOf<T>(result: OperationResult<T>): T {
  if (result.errors?.length || !result.data) throw new RestFailure(restErrorOf(result.errors ?? []));
  return result.data;
}

/** The wait a caller asked for (`?wait=` seconds, capped), in ms. */
function waitOf(url: URL, maxMs: number): number {
  const raw = url.searchParams.get('wait');
  if (raw === null || raw === '') return maxMs;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw fail('wait must be a number of seconds, 0 or more', 'BAD_USER_INPUT', { field: 'wait' });
  return Math.min(seconds * 1000, maxMs);
}

/** An agent's (or the desk's) finished message: the answer a REST caller waits for. */
function isAnswer(ev: CaseEvent): boolean {
  return (
    ev.__typename === 'MessageCompleted' && (ev.message?.authorKind === 'AGENT' || ev.message?.authorKind === 'SYSTEM')
  );
}

function answerOf(caseId: string, m: NonNullable<CaseEvent['message']>, status: string): SupportAnswer {
  return {
    response: m.content,
    agent_type: m.agentName ?? (m.authorKind === 'SYSTEM' ? 'system' : null),
    timestamp: m.createdAt,
    case_id: caseId,
    status,
    message_id: m.id,
    citations: (m.citations ?? []).map((c) => c.title),
  };
}

/** Creates the handler; it answers `/support/...` paths and returns false for any other. */
export function createSupportRoutes(opts: RouteOptions) {
  const { runner } = opts;

  /** Submits the body as a request of `type`; checks a body's customer_id against the token. */
  async function submit(req: IncomingMessage, caller: RestCaller, type: string) {
    const parsed = supportBodySchema.safeParse(await readJson(req, opts.maxBodyBytes));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      throw fail(`${field}: ${issue?.message ?? 'invalid'}`, 'BAD_USER_INPUT', { field });
    }
    const body = parsed.data;
    if (body.customer_id) {
      // The customer comes from the token; a body naming someone else is refused, never obeyed.
      const me = dataOf(
        await runner.run<{ me: { id: string } }>({ query: VIEWER, operationName: 'RestViewer' }, caller),
      );
      if (me.me.id !== body.customer_id)
        throw fail('customer_id is not the customer this token is for', 'FORBIDDEN', { field: 'customer_id' });
    }
    const input = {
      message: body.message,
      requestType: type,
      emergency: body.emergency ?? false,
      ...(body.context ? { context: body.context } : {}),
      ...(body.case_id ? { caseId: body.case_id } : {}),
      ...(body.idempotency_key ? { idempotencyKey: body.idempotency_key } : {}),
    };
    return dataOf(
      await runner.run<SubmitData>({ query: SUBMIT, operationName: 'RestSubmitRequest', variables: { input } }, caller),
    ).submitRequest;
  }

  /** The case's events after `after`, until `signal` aborts; errors in the stream throw. */
  async function* events(caller: RestCaller, caseId: string, after: number, signal: AbortSignal) {
    const stream = runner.subscribe<{ caseEvents: CaseEvent }>(
      { query: CASE_EVENTS, operationName: 'RestCaseEvents', variables: { caseId, after } },
      caller,
      signal,
    );
    for await (const result of stream) yield dataOf(result).caseEvents;
  }

  async function postSupport(req: IncomingMessage, res: ServerResponse, caller: RestCaller, url: URL, type: string) {
    const waitMs = waitOf(url, opts.waitTimeoutMs);
    const sse = /text\/event-stream/.test(req.headers.accept ?? '');
    const submitted = await submit(req, caller, type);
    const caseId = submitted.case.id;
    let status = submitted.case.status;
    const pending: SupportAnswer = {
      response: null,
      agent_type: null,
      timestamp: submitted.message.createdAt,
      case_id: caseId,
      status,
      message_id: null,
    };
    if (waitMs === 0 && !sse) return sendJson(res, 202, pending);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), waitMs);
    res.on('close', () => controller.abort());
    if (sse) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      res.write(`event: submitted\ndata: ${JSON.stringify(pending)}\n\n`);
    }
    try {
      for await (const ev of events(caller, caseId, submitted.case.lastEventSeq, controller.signal)) {
        if (ev.__typename === 'StatusChanged' && ev.toStatus) status = ev.toStatus;
        if (sse) res.write(`event: ${ev.__typename}\nid: ${ev.seq}\ndata: ${JSON.stringify(ev)}\n\n`);
        if (ev.__typename === 'CaseError' && ev.recoverable === false)
          throw fail(ev.detail ?? 'The agents could not answer', ev.code ?? 'INTERNAL_SERVER_ERROR');
        if (isAnswer(ev) && ev.message) {
          const answer = answerOf(caseId, ev.message, status);
          if (sse) {
            res.end(`event: answer\ndata: ${JSON.stringify(answer)}\n\n`);
            return;
          }
          return sendJson(res, 200, answer);
        }
      }
      if (res.destroyed) return;
      // The wait ran out (or the stream ended) before an answer: the case id lets the caller poll.
      if (sse) res.end(`event: timeout\ndata: ${JSON.stringify({ ...pending, status })}\n\n`);
      else sendJson(res, 202, { ...pending, status });
    } catch (err) {
      if (controller.signal.aborted && !res.destroyed && !(err instanceof RestFailure)) {
        if (sse) res.end(`event: timeout\ndata: ${JSON.stringify({ ...pending, status })}\n\n`);
        else sendJson(res, 202, { ...pending, status });
        return;
      }
      if (sse && err instanceof RestFailure) {
        res.end(`event: error\ndata: ${JSON.stringify({ error: err.error.message, code: err.error.code })}\n\n`);
        return;
      }
      throw err;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  async function getStatus(res: ServerResponse, caller: RestCaller, url: URL) {
    const caseId = url.searchParams.get('case_id');
    if (!caseId) {
      const d = dataOf(
        await runner.run<{ health: string; agents: { name: string; title: string }[] }>(
          { query: DESK_STATUS, operationName: 'RestDeskStatus' },
          caller,
        ),
      );
      return sendJson(res, 200, {
        status: d.health,
        agents: d.agents.map((a) => a.name),
        timestamp: new Date().toISOString(),
      });
    }
    type Msg = {
      id: string;
      authorKind: string;
      agentName: string | null;
      content: string;
      status: string;
      createdAt: string;
    };
    const d = dataOf(
      await runner.run<{ case: { id: string; status: string; messages: Msg[] } }>(
        { query: CASE_STATUS, operationName: 'RestCaseStatus', variables: { id: caseId } },
        caller,
      ),
    );
    const last = [...d.case.messages]
      .reverse()
      .find((m) => (m.authorKind === 'AGENT' || m.authorKind === 'SYSTEM') && m.status !== 'STREAMING');
    return sendJson(res, 200, {
      response: last?.content ?? null,
      agent_type: last ? (last.agentName ?? 'system') : null,
      timestamp: last?.createdAt ?? new Date().toISOString(),
      case_id: d.case.id,
      status: d.case.status,
      message_id: last?.id ?? null,
    });
  }

  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/support\/([a-z]+)\/?$/.exec(url.pathname);
    if (!match) return false;
    const name = match[1] as string;
    const caller: RestCaller = { req, requestId };
    const type = SUPPORT_ROUTES[name as keyof typeof SUPPORT_ROUTES];
    const allowed = name === 'status' ? 'GET' : type ? 'POST' : null;
    if (!allowed) return false;
    try {
      if (req.method !== allowed && !(allowed === 'GET' && req.method === 'HEAD')) {
        sendJson(res, 405, { error: `Use ${allowed}`, code: 'METHOD_NOT_ALLOWED' }, { allow: allowed });
      } else if (type) await postSupport(req, res, caller, url, type);
      else await getStatus(res, caller, url);
    } catch (err) {
      if (res.headersSent) res.end();
      else if (err instanceof RestFailure) sendError(res, err.error);
      else {
        opts.logger.error({ err, requestId }, 'REST route failed');
        sendError(res, { message: 'Unexpected error', code: 'INTERNAL_SERVER_ERROR' });
      }
    }
    return true;
  };
}
