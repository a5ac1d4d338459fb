import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiStub, startOpenAiStub } from './openai-stub.js';

const tools: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      description: 'Find an order',
      parameters: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'search_kb',
      description: 'Search the knowledge base',
      parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    },
  },
];

describe('openai stub', () => {
  let stub: OpenAiStub;
  const client = (opts: { maxRetries?: number; timeout?: number } = {}) =>
    new OpenAI({
      apiKey: 'test-key',
      baseURL: stub.url,
      maxRetries: opts.maxRetries ?? 0,
      timeout: opts.timeout ?? 5_000,
    });

  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterEach(() => {
    expect(stub.pending).toBe(0); // every scripted turn was used
    stub.reset();
  });
  afterAll(async () => {
    await stub.close();
  });

  it('streams text that assembles to the script, with usage in the last chunk', async () => {
    const text = 'Hello! Your order #1234 ships tomorrow — 🚚 tracking follows.';
    stub.enqueue({ kind: 'text', text, chunkSize: 5, usage: { prompt_tokens: 11, completion_tokens: 22 } });

    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'where is my order?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(
      chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'gpt-4o-mini' && c.id === chunks[0].id),
    ).toBe(true);
    const assembled = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(assembled).toBe(text);

    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: 11, completion_tokens: 22, total_tokens: 33 });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks[chunks.length - 2].choices[0].finish_reason).toBe('stop');
    expect(chunks.slice(0, -2).every((c) => c.choices[0].finish_reason === null)).toBe(true);

    const [req] = stub.chatRequests;
    expect(req.headers['content-type']).toMatch(/application\/json/);
    expect(req.headers.authorization).toBe('Bearer test-key');
  });

  it('omits the usage chunk without stream_options and estimates usage otherwise', async () => {
    stub.enqueue({ kind: 'text', text: 'abcdefgh' }, { kind: 'text', text: 'abcdefgh', finishReason: 'length' });
    const c = client();
    const plain: ChatCompletionChunk[] = [];
    for await (const chunk of await c.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    }))
      plain.push(chunk);
    expect(plain.every((ch) => ch.choices.length === 1 && !('usage' in ch))).toBe(true);

    const withUsage: ChatCompletionChunk[] = [];
    const s = await c.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of s) withUsage.push(chunk);
    expect(withUsage.at(-2)!.choices[0].finish_reason).toBe('length');
    expect(withUsage.at(-1)!.usage!.completion_tokens).toBe(2); // 8 chars / 4
    expect(withUsage.at(-1)!.usage!.prompt_tokens).toBeGreaterThan(0);
  });

  it('splits two parallel tool calls across chunks that assemble by index', async () => {
    const calls = [
      { name: 'lookup_order', arguments: '{"orderId":"A-1234-XYZ"}', id: 'call_fixed_1' },
      { name: 'search_kb', arguments: '{"query":"refund policy for damaged items"}' },
    ];
    stub.enqueue({ kind: 'tool_calls', calls, text: 'Let me check.', argChunkSize: 5 });

    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'order A-1234-XYZ arrived broken' }],
      tools,
      parallel_tool_calls: true,
      stream: true,
    });
    const acc: { id?: string; name: string; args: string; fragments: number }[] = [];
    let content = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      content += choice.delta.content ?? '';
      for (const tc of choice.delta.tool_calls ?? []) {
        acc[tc.index] ??= { name: '', args: '', fragments: 0 };
        const slot = acc[tc.index];
        if (tc.id) slot.id = tc.id;
        if (tc.function?.name) slot.name += tc.function.name;
        if (tc.function?.arguments) {
          slot.args += tc.function.arguments;
          slot.fragments++;
        }
      }
      finish = choice.finish_reason ?? finish;
    }
    expect(content).toBe('Let me check.');
    expect(finish).toBe('tool_calls');
    expect(acc.map((a) => a.name)).toEqual(['lookup_order', 'search_kb']);
    expect(acc.map((a) => a.args)).toEqual(calls.map((c) => c.arguments));
    expect(acc[0].id).toBe('call_fixed_1');
    expect(acc[1].id).toMatch(/^call_/);
    expect(acc.every((a) => a.fragments > 1)).toBe(true);
    expect(JSON.parse(acc[1].args)).toEqual({ query: 'refund policy for damaged items' });
  });

  it("assembles tool calls through the SDK's chat.completions.stream() helper", async () => {
    stub.enqueue({
      kind: 'tool_calls',
      calls: [
        { name: 'lookup_order', arguments: '{"orderId":"B-9"}' },
        { name: 'search_kb', arguments: '{"query":"shipping times to Norway"}' },
      ],
    });
    const runner = client().chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      tools,
    });
    const final = await runner.finalChatCompletion();
    const msg = final.choices[0].message;
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(msg.content).toBeNull();
    expect(
      msg.tool_calls?.map((t) => (t.type === 'function' ? [t.function.name, t.function.arguments] : null)),
    ).toEqual([
      ['lookup_order', '{"orderId":"B-9"}'],
      ['search_kb', '{"query":"shipping times to Norway"}'],
    ]);
    expect(stub.chatRequests[0].body.stream).toBe(true); // the helper forces stream:true
  });

  it('keeps deliberately invalid argument JSON verbatim', async () => {
    stub.enqueue({ kind: 'tool_calls', calls: [{ name: 'lookup_order', arguments: '{"orderId": "A-1' }] });
    const stream = await client().chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      tools,
      stream: true,
    });
    let args = '';
    for await (const chunk of stream) args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    expect(args).toBe('{"orderId": "A-1');
  });

  it('answers non-stream requests with chat.completion objects (text and tool calls)', async () => {
    stub.enqueue(
      { kind: 'text', text: 'plain answer' },
      { kind: 'tool_calls', calls: [{ name: 'search_kb', arguments: '{"query":"q"}', id: 'call_x' }] },
    );
    const c = client();
    const a = await c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] });
    expect(a.object).toBe('chat.completion');
    expect(a.model).toBe('gpt-4o-mini');
    expect(a.choices[0].message).toMatchObject({ role: 'assistant', content: 'plain answer', refusal: null });
    expect(a.usage?.total_tokens).toBe(a.usage!.prompt_tokens + a.usage!.completion_tokens);

    const b = await c.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      tools,
    });
    expect(b.choices[0].finish_reason).toBe('tool_calls');
    expect(b.choices[0].message.tool_calls).toEqual([
      { id: 'call_x', type: 'function', function: { name: 'search_kb', arguments: '{"query":"q"}' } },
    ]);
  });

  it("retries a 429 with retry-after 0 by the SDK's own retry, then succeeds", async () => {
    stub.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 0 }, { kind: 'text', text: 'after the rate limit' });
    const started = Date.now();
    const stream = await client({ maxRetries: 2 }).chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('after the rate limit');
    expect(stub.chatRequests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(400); // retry-after 0 means no backoff
    expect(stub.chatRequests[0].headers['x-stainless-retry-count']).toBe('0');
    expect(stub.chatRequests[1].headers['x-stainless-retry-count']).toBe('1');
    expect(stub.chatRequests[1].body).toEqual(stub.chatRequests[0].body);
  });

  it('throws OpenAI.APIError with status 500 once retries are used up', async () => {
    stub.enqueue(
      ...Array.from({ length: 3 }, () => ({
        kind: 'status' as const,
        status: 500,
        retryAfterSeconds: 0,
        message: 'boom',
      })),
    );
    const err = await client({ maxRetries: 2 })
      .chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(500);
    expect((err as Error).message).toContain('boom');
    expect((err as InstanceType<typeof OpenAI.APIError>).type).toBe('server_error');
    expect(stub.chatRequests).toHaveLength(3); // 1 + maxRetries
  });

  it('answers an empty script with a 500 that the SDK does not retry', async () => {
    const err = await client({ maxRetries: 2 })
      .chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(500);
    expect((err as Error).message).toMatch(/script is empty/);
    expect(stub.chatRequests).toHaveLength(1);
  });

  it('makes stream iteration throw after some text when the stream is cut', async () => {
    stub.enqueue({ kind: 'cut', text: 'This answer will be interrupted halfway through.', afterChars: 16 });
    const stream = await client({ maxRetries: 2 }).chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    const err = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(text).toBe('This answer will');
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(OpenAI.APIError); // a raw transport error from fetch, not retried
    expect((err as Error).message).toMatch(/terminated/);
    expect(stub.chatRequests).toHaveLength(1);
  });

  it('ends a stalled stream with an AbortController', async () => {
    stub.enqueue({ kind: 'stall', text: 'partial answer…', afterChars: 7 });
    const ac = new AbortController();
    const stream = await client().chat.completions.create(
      { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true },
      { signal: ac.signal },
    );
    let text = '';
    const started = Date.now();
    setTimeout(() => ac.abort(), 100);
    // Aborting the caller's signal ends the raw Stream's iteration quietly, without an error.
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('partial');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("ends a stalled non-stream request with the SDK's timeout", async () => {
    stub.enqueue({ kind: 'stall' });
    const started = Date.now();
    const err = await client({ timeout: 150 })
      .chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers a non-stream response_format request with the JSON of a json turn', async () => {
    const content = { intent: 'refund', confidence: 0.92, tags: ['damaged', 'priority'] };
    stub.enqueue({ kind: 'json', content });
    const res = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'classify: my parcel arrived broken' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'triage',
          strict: true,
          schema: {
            type: 'object',
            properties: {
              intent: { type: 'string' },
              confidence: { type: 'number' },
              tags: { type: 'array', items: { type: 'string' } },
            },
            required: ['intent', 'confidence', 'tags'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(res.choices[0].finish_reason).toBe('stop');
    expect(JSON.parse(res.choices[0].message.content!)).toEqual(content);
    expect(stub.chatRequests[0].body.response_format.json_schema.name).toBe('triage');
    expect(stub.chatRequests[0].body.stream).toBeUndefined();
  });

  it('records the messages and tools that were sent, and lets a fallback decide', async () => {
    stub.onRequest((req) =>
      req.body.tools
        ? { kind: 'tool_calls', calls: [{ name: 'search_kb', arguments: '{"query":"x"}' }] }
        : { kind: 'text', text: `echo ${req.body.messages.at(-1).content}` },
    );
    const c = client();
    const messages = [
      { role: 'system' as const, content: 'You are a support agent.' },
      { role: 'user' as const, content: 'Hi there' },
    ];
    await c.chat.completions
      .create({ model: 'gpt-4o', messages, tools, stream: true, stream_options: { include_usage: true } })
      .then(async (s) => {
        for await (const _ of s);
      });
    const plain = await c.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'ping' }],
    });
    expect(plain.choices[0].message.content).toBe('echo ping');

    const [first, second] = stub.chatRequests;
    expect(first.method).toBe('POST');
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.body.messages).toEqual(messages);
    expect(first.body.tools).toEqual(tools);
    expect(first.body.stream_options).toEqual({ include_usage: true });
    expect(second.body).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] });
    expect(second.at).toBeGreaterThanOrEqual(first.at);
  });

  it('lists models and records every request', async () => {
    const page = await client().models.list();
    expect(page.data.map((m) => m.id)).toContain('gpt-4o-mini');
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
    expect(stub.chatRequests).toEqual([]);
  });

  it('close() ends a stalled response promptly', async () => {
    const own = await startOpenAiStub();
    own.enqueue({ kind: 'stall', text: 'never finishes', afterChars: 5 });
    const c = new OpenAI({ apiKey: 'test-key', baseURL: own.url, maxRetries: 0, timeout: 5_000 });
    const stream = await c.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const consumed = (async () => {
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    })().then(
      (text) => ({ text, err: undefined as unknown }),
      (err: unknown) => ({ text: '', err }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(500);
    const outcome = await consumed;
    expect(outcome.err).toBeInstanceOf(Error); // the client sees the connection go
  });
});
