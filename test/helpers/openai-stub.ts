/**
 * A scripted, OpenAI-compatible HTTP server: the only stand-in for a model in our tests.
 *
 * The real `openai` SDK talks to it over HTTP, so everything here follows the wire format that
 * SDK parses: `POST /v1/chat/completions` answered as SSE (`data: <chunk>\n\n` ... `data: [DONE]\n\n`)
 * when the request has `stream: true`, else as one `chat.completion` JSON object; errors as
 * `{ error: { message, type, param, code } }` with the status and, when scripted, `retry-after`.
 *
 * Each chat request takes the next queued turn (`enqueue`), else asks the `onRequest` fallback;
 * with neither, it gets a 500 "script is empty" (sent with `x-should-retry: false`, so the SDK
 * fails at once instead of retrying with backoff). Nothing is ever logged.
 */

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface TurnUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type ScriptedTurn =
  | {
      kind: 'text';
      text: string;
      /** Characters (code points) per content delta; default 4. */
      chunkSize?: number;
      /** Pause between chunks; default 0. */
      delayMs?: number;
      /** Default: estimated (characters / 4). */
      usage?: TurnUsage;
      finishReason?: 'stop' | 'length';
    }
  | {
      kind: 'tool_calls';
      calls: { name: string /** raw JSON text, may be invalid on purpose */; arguments: string; id?: string }[];
      /** Optional text streamed before the calls. */
      text?: string;
      /** Characters of each call's arguments per delta; default 7. */
      argChunkSize?: number;
      /** Extra: characters per text delta (default 4). */
      chunkSize?: number;
      /** Extra: pause between chunks; default 0. */
      delayMs?: number;
      usage?: TurnUsage;
    }
  | {
      /** Answers with the JSON text of `content`: streamed as text for stream:true, else a chat.completion. */
      kind: 'json';
      content: unknown;
      /** Extra: characters per delta when streamed (default 4). */
      chunkSize?: number;
      usage?: TurnUsage;
    }
  | {
      kind: 'status';
      status: number;
      /** Sent as the `retry-after` header (seconds; 0 makes the SDK retry at once). */
      retryAfterSeconds?: number;
      message?: string;
      /** Extra: sent as `retry-after-ms` (the SDK prefers it over `retry-after`). */
      retryAfterMs?: number;
      /** Extra: sent as `x-should-retry`, which the SDK obeys over its status rules. */
      shouldRetry?: boolean;
      /** Extra: overrides the error `type` / `code` in the body. */
      type?: string;
      code?: string | null;
    }
  | {
      /**
       * Sends the headers (SSE for stream:true, JSON for non-stream requests) and, for a stream,
       * the first `afterChars` of `text`; then never sends more until the client aborts or the
       * stub closes. Note the SDK's `timeout` does not cover a stream's body once headers are in.
       */
      kind: 'stall';
      afterChars?: number;
      text?: string;
      /** Extra: stall before sending any header at all (the SDK's `timeout` then applies). */
      beforeHeaders?: boolean;
    }
  | {
      /** Streams the first `afterChars` of `text`, then destroys the socket mid-stream. */
      kind: 'cut';
      text: string;
      afterChars: number;
      /** Extra: characters per delta (default 4). */
      chunkSize?: number;
    };

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received (e.g. `/v1/chat/completions`). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: any;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface OpenAiStub {
  /** Base URL to give the SDK, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  /** Every request received, in order (also the ones answered with errors). */
  requests: RecordedRequest[];
  /** Chat-completions requests only. */
  readonly chatRequests: RecordedRequest[];
  /** Queue turns; each POST /v1/chat/completions takes the next one. */
  enqueue(...turns: ScriptedTurn[]): void;
  /** Fallback when the queue is empty: decide from the request (e.g. by body.model, tools, response_format, last message). */
  onRequest(fn: (req: RecordedRequest) => ScriptedTurn | undefined): void;
  /** Turns still queued. */
  readonly pending: number;
  /** Clears queue, requests and the fallback. */
  reset(): void;
  /** Ends every open response (stalled ones too) by destroying the sockets, then stops listening. */
  close(): Promise<void>;
}

export interface OpenAiStubOptions {
  host?: string;
  /** Extra: ids listed by GET /v1/models. */
  models?: string[];
}

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];
/** Pause before a `cut` destroys the socket, so the client reads the partial text before the error. */
const CUT_SETTLE_MS = 25;

const randomId = (prefix: string, bytes = 12) => `${prefix}${randomBytes(bytes).toString('hex')}`;
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

function promptTokens(body: any): number {
  let size = 0;
  try {
    size = JSON.stringify(body?.messages ?? '').length + (body?.tools ? JSON.stringify(body.tools).length : 0);
  } catch {
    size = 0;
  }
  return Math.max(1, Math.ceil(size / 4));
}

/** Splits by code points so a surrogate pair is never cut in half. */
function split(text: string, size: number): string[] {
  const chars = Array.from(text);
  const n = Math.max(1, Math.floor(size) || 1);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

const firstChars = (text: string, n: number) => Array.from(text).slice(0, Math.max(0, n)).join('');

function errorType(status: number): { type: string; code: string | null } {
  if (status === 400) return { type: 'invalid_request_error', code: null };
  if (status === 401) return { type: 'invalid_request_error', code: 'invalid_api_key' };
  if (status === 403) return { type: 'invalid_request_error', code: 'unsupported_country_region_territory' };
  if (status === 404) return { type: 'invalid_request_error', code: 'model_not_found' };
  if (status === 429) return { type: 'requests', code: 'rate_limit_exceeded' };
  if (status >= 500) return { type: 'server_error', code: null };
  return { type: 'invalid_request_error', code: null };
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Rate limit reached for requests. Please try again later.';
  if (status === 401) return 'Incorrect API key provided.';
  if (status >= 500) return 'The server had an error while processing your request. Sorry about that!';
  return `Request failed with status ${status}.`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    const done = () => resolve(Buffer.concat(parts).toString('utf8'));
    req.on('end', done);
    req.on('close', done); // a client that hangs up mid-body still gets recorded
    req.on('error', reject);
  });
}

function isChatPath(path: string): boolean {
  const p = path.split('?')[0].replace(/\/+$/, '');
  return p === '/v1/chat/completions' || p === '/chat/completions';
}

function isModelsPath(path: string): boolean {
  const p = path.split('?')[0].replace(/\/+$/, '');
  return p === '/v1/models' || p === '/models';
}

/** Per-response state: `gone` aborts when the connection closes (client abort, cut, stub close). */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  gone: AbortSignal;
  requestId: string;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Writes and resolves once the data is handed to the socket (or the connection is gone). */
function write(ex: Exchange, data: string): Promise<void> {
  if (ex.gone.aborted || ex.res.destroyed || ex.res.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      ex.res.write(data, () => resolve());
    } catch {
      resolve();
    }
  });
}

function sendJson(ex: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (ex.res.destroyed || ex.res.headersSent) return;
  const text = JSON.stringify(body);
  ex.res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': ex.requestId,
    ...headers,
  });
  ex.res.end(text);
}

function sendError(
  ex: Exchange,
  status: number,
  message: string,
  extra: { type?: string; code?: string | null; headers?: Record<string, string> } = {},
): void {
  const d = errorType(status);
  sendJson(
    ex,
    status,
    {
      error: { message, type: extra.type ?? d.type, param: null, code: extra.code !== undefined ? extra.code : d.code },
    },
    extra.headers,
  );
}

function assistantText(turn: ScriptedTurn): string {
  if (turn.kind === 'text') return turn.text;
  if (turn.kind === 'json') return JSON.stringify(turn.content) ?? 'null';
  if (turn.kind === 'tool_calls') return turn.text ?? '';
  return '';
}

/** Streams chat.completion.chunk events for a request with stream:true. */
class ChunkWriter {
  readonly id = randomId('chatcmpl-');
  readonly created = Math.floor(Date.now() / 1000);
  readonly includeUsage: boolean;
  readonly model: string;
  constructor(
    private readonly ex: Exchange,
    body: any,
  ) {
    this.model = typeof body?.model === 'string' ? body.model : 'gpt-4o-mini';
    this.includeUsage = body?.stream_options?.include_usage === true;
  }

  start(): void {
    if (this.ex.res.destroyed || this.ex.res.headersSent) return;
    this.ex.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-request-id': this.ex.requestId,
    });
    this.ex.res.flushHeaders();
  }

  private base() {
    return { id: this.id, object: 'chat.completion.chunk' as const, created: this.created, model: this.model };
  }

  /** One SSE event carrying a single choice delta. */
  event(delta: Record<string, unknown>, finishReason: string | null = null): string {
    const chunk: Record<string, unknown> = {
      ...this.base(),
      choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    };
    if (this.includeUsage) chunk.usage = null;
    return `data: ${JSON.stringify(chunk)}\n\n`;
  }

  choice(delta: Record<string, unknown>, finishReason: string | null = null): Promise<void> {
    return write(this.ex, this.event(delta, finishReason));
  }

  async finish(finishReason: string, usage: TurnUsage): Promise<void> {
    await this.choice({}, finishReason);
    if (this.includeUsage) {
      const chunk = {
        ...this.base(),
        choices: [],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      };
      await write(this.ex, `data: ${JSON.stringify(chunk)}\n\n`);
    }
    await write(this.ex, 'data: [DONE]\n\n');
    if (!this.ex.res.destroyed && !this.ex.res.writableEnded) this.ex.res.end();
  }

  /** Content deltas, with `delayMs` between chunks (the first one included when `pauseFirst`). */
  async text(text: string, chunkSize: number, delayMs: number, pauseFirst: boolean): Promise<void> {
    let first = true;
    for (const piece of split(text, chunkSize)) {
      if (this.ex.gone.aborted) return;
      if (!first || pauseFirst) await sleep(delayMs, this.ex.gone);
      first = false;
      await this.choice({ content: piece });
    }
  }
}

async function streamTurn(ex: Exchange, body: any, turn: ScriptedTurn): Promise<void> {
  const w = new ChunkWriter(ex, body);
  const prompt = promptTokens(body);
  w.start();
  switch (turn.kind) {
    case 'text':
    case 'json': {
      const text = assistantText(turn);
      await w.choice({ role: 'assistant', content: '', refusal: null });
      const delay = turn.kind === 'text' ? (turn.delayMs ?? 0) : 0;
      await w.text(text, turn.chunkSize ?? 4, delay, true);
      if (ex.gone.aborted) return;
      await sleep(delay, ex.gone);
      await w.finish(
        turn.kind === 'text' ? (turn.finishReason ?? 'stop') : 'stop',
        turn.usage ?? { prompt_tokens: prompt, completion_tokens: estimateTokens(text) },
      );
      return;
    }
    case 'tool_calls': {
      const delay = turn.delayMs ?? 0;
      const text = turn.text ?? '';
      await w.choice({ role: 'assistant', content: text ? '' : null, refusal: null });
      if (text) await w.text(text, turn.chunkSize ?? 4, delay, true);
      let outChars = text.length;
      for (const [index, call] of turn.calls.entries()) {
        if (ex.gone.aborted) return;
        await sleep(delay, ex.gone);
        await w.choice({
          tool_calls: [
            { index, id: call.id ?? randomId('call_'), type: 'function', function: { name: call.name, arguments: '' } },
          ],
        });
        for (const fragment of split(call.arguments, turn.argChunkSize ?? 7)) {
          if (ex.gone.aborted) return;
          await sleep(delay, ex.gone);
          await w.choice({ tool_calls: [{ index, function: { arguments: fragment } }] });
        }
        outChars += call.name.length + call.arguments.length;
      }
      if (ex.gone.aborted) return;
      await sleep(delay, ex.gone);
      await w.finish('tool_calls', turn.usage ?? { prompt_tokens: prompt, completion_tokens: Math.ceil(outChars / 4) });
      return;
    }
    case 'stall': {
      if (turn.text !== undefined && (turn.afterChars ?? 0) > 0) {
        await w.choice({ role: 'assistant', content: '', refusal: null });
        await w.text(firstChars(turn.text, turn.afterChars ?? 0), 4, 0, false);
      }
      return; // never ends: the client's abort or close() destroys the socket
    }
    case 'cut': {
      // One write for all the partial events (still one delta per chunk), so the client's fetch
      // reads them in one go before the socket error, which discards anything still queued.
      let events = w.event({ role: 'assistant', content: '', refusal: null });
      for (const piece of split(firstChars(turn.text, turn.afterChars), turn.chunkSize ?? 4))
        events += w.event({ content: piece });
      await write(ex, events);
      await sleep(CUT_SETTLE_MS, ex.gone);
      ex.res.socket?.destroy();
      return;
    }
    default:
      return;
  }
}

function completionTurn(ex: Exchange, body: any, turn: ScriptedTurn): void {
  const model = typeof body?.model === 'string' ? body.model : 'gpt-4o-mini';
  const prompt = promptTokens(body);
  const make = (message: Record<string, unknown>, finishReason: string, usage: TurnUsage) => ({
    id: randomId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });
  switch (turn.kind) {
    case 'text':
    case 'json': {
      const text = assistantText(turn);
      const finish = turn.kind === 'text' ? (turn.finishReason ?? 'stop') : 'stop';
      sendJson(
        ex,
        200,
        make(
          { role: 'assistant', content: text, refusal: null },
          finish,
          turn.usage ?? { prompt_tokens: prompt, completion_tokens: estimateTokens(text) },
        ),
      );
      return;
    }
    case 'tool_calls': {
      const text = turn.text ?? '';
      const outChars = text.length + turn.calls.reduce((n, c) => n + c.name.length + c.arguments.length, 0);
      sendJson(
        ex,
        200,
        make(
          {
            role: 'assistant',
            content: text || null,
            refusal: null,
            tool_calls: turn.calls.map((c) => ({
              id: c.id ?? randomId('call_'),
              type: 'function',
              function: { name: c.name, arguments: c.arguments },
            })),
          },
          'tool_calls',
          turn.usage ?? { prompt_tokens: prompt, completion_tokens: Math.ceil(outChars / 4) },
        ),
      );
      return;
    }
    case 'stall': {
      // JSON headers, then no body: the SDK's timeout covers reading a non-stream body.
      if (ex.res.destroyed || ex.res.headersSent) return;
      ex.res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': ex.requestId });
      ex.res.flushHeaders();
      return;
    }
    case 'cut': {
      // Half a JSON body, then the socket goes.
      if (ex.res.destroyed || ex.res.headersSent) return;
      ex.res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': ex.requestId });
      ex.res.write(
        firstChars(
          JSON.stringify(
            make({ role: 'assistant', content: turn.text, refusal: null }, 'stop', {
              prompt_tokens: prompt,
              completion_tokens: 1,
            }),
          ),
          turn.afterChars,
        ),
        () => {
          setTimeout(() => ex.res.socket?.destroy(), CUT_SETTLE_MS);
        },
      );
      return;
    }
    default:
      return;
  }
}

export function startOpenAiStub(opts: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const host = opts.host ?? '127.0.0.1';
  const models = opts.models ?? DEFAULT_MODELS;
  const queue: ScriptedTurn[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: ((req: RecordedRequest) => ScriptedTurn | undefined) | undefined;
  const sockets = new Set<Socket>();
  let closing: Promise<void> | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const ex: Exchange = { req, res, gone: gone.signal, requestId: randomId('req_', 16) };
    const at = Date.now();
    const raw = await readBody(req);
    let body: any;
    let badJson = false;
    if (raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        badJson = true;
      }
    }
    const path = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const recorded: RecordedRequest = { method, path, headers: { ...req.headers }, body, at };
    requests.push(recorded);

    if (isModelsPath(path) && method === 'GET') {
      const created = Math.floor(Date.now() / 1000);
      sendJson(ex, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created, owned_by: 'openai' })),
      });
      return;
    }
    if (!isChatPath(path)) {
      sendError(ex, 404, `Invalid URL (${method} ${path})`, { code: null });
      return;
    }
    if (method !== 'POST') {
      sendError(ex, 405, `Invalid method for URL (${method} ${path})`);
      return;
    }
    if (badJson || typeof body !== 'object' || body === null) {
      sendError(ex, 400, 'We could not parse the JSON body of your request.', {
        headers: { 'x-should-retry': 'false' },
      });
      return;
    }

    let turn: ScriptedTurn | undefined = queue.shift();
    if (!turn && fallback) {
      try {
        turn = fallback(recorded);
      } catch (err) {
        sendError(
          ex,
          500,
          `openai-stub: the onRequest fallback threw: ${err instanceof Error ? err.message : String(err)}`,
          {
            code: 'stub_fallback_threw',
            headers: { 'x-should-retry': 'false' },
          },
        );
        return;
      }
    }
    if (!turn) {
      const n = requests.filter((r) => r.method === 'POST' && isChatPath(r.path)).length;
      sendError(
        ex,
        500,
        `openai-stub: the script is empty (chat request #${n}, model ${JSON.stringify(body.model)}): no turn queued and no onRequest fallback answered`,
        {
          code: 'stub_script_empty',
          headers: { 'x-should-retry': 'false' },
        },
      );
      return;
    }

    if (turn.kind === 'status') {
      const headers: Record<string, string> = {};
      if (turn.retryAfterSeconds !== undefined) headers['retry-after'] = String(turn.retryAfterSeconds);
      if (turn.retryAfterMs !== undefined) headers['retry-after-ms'] = String(turn.retryAfterMs);
      if (turn.shouldRetry !== undefined) headers['x-should-retry'] = String(turn.shouldRetry);
      sendError(ex, turn.status, turn.message ?? defaultMessage(turn.status), {
        type: turn.type,
        code: turn.code,
        headers,
      });
      return;
    }
    if (turn.kind === 'stall' && turn.beforeHeaders) return; // no header, no body, ever

    if (body.stream === true) await streamTurn(ex, body, turn);
    else completionTurn(ex, body, turn);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // never log; end the exchange so the client sees a failure instead of hanging
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json', 'x-should-retry': 'false' });
        res.end(
          JSON.stringify({
            error: { message: 'openai-stub: internal error', type: 'server_error', param: null, code: null },
          }),
        );
      } else {
        res.socket?.destroy();
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (closing !== undefined) socket.destroy();
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const hostInUrl = host.includes(':') ? `[${host}]` : host;
      const stub: OpenAiStub = {
        url: `http://${hostInUrl}:${port}/v1`,
        requests,
        get chatRequests() {
          return requests.filter((r) => r.method === 'POST' && isChatPath(r.path));
        },
        enqueue(...turns: ScriptedTurn[]) {
          queue.push(...turns);
        },
        onRequest(fn) {
          fallback = fn;
        },
        get pending() {
          return queue.length;
        },
        reset() {
          queue.length = 0;
          requests.length = 0;
          fallback = undefined;
        },
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
            server.closeAllConnections();
          });
          return closing;
        },
      };
      resolve(stub);
    });
  });
}

/** The desk's settings to talk to a stub through the openai provider (the SDK, a test key). */
export function openAiEnv(stub: Pick<OpenAiStub, 'url'>, env: Record<string, string> = {}): Record<string, string> {
  return { LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: stub.url, ...env };
}

/**
 * `openAiEnv` for a desk whose agents answer on the stub while the embedded router routes and no
 * guardrail call is made, so each turn is one scripted chat request.
 */
export function openAiDeskEnv(stub: Pick<OpenAiStub, 'url'>, env: Record<string, string> = {}): Record<string, string> {
  return openAiEnv(stub, { OPENAI_MODEL: 'gpt-5-mini', ROUTER: 'embedded', GUARDRAILS: 'false', ...env });
}
