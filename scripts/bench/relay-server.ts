/**
 * Child process: the floor of a GraphQL stack, written for the bench. A bare Yoga server with
 * graphql-ws whose one subscription calls the openai SDK and relays each token as it comes; no
 * auth, no database, no agents. Commands: start({ baseURL }) -> { url, wsUrl }, stop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { execute as Execute, subscribe as Subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createSchema, createYoga } from 'graphql-yoga';
import OpenAI from 'openai';
import { WebSocketServer } from 'ws';
import { serveChild } from './child-runtime.js';

type RelayEvent =
  | { __typename: 'TokenDelta'; seq: number; text: string }
  | { __typename: 'MessageCompleted'; seq: number; content: string };

function relaySchema(sdk: OpenAI, model: string) {
  return createSchema({
    typeDefs: /* GraphQL */ `
      type Query { health: String! }
      type TokenDelta { seq: Int!, text: String! }
      type MessageCompleted { seq: Int!, content: String! }
      union RelayEvent = TokenDelta | MessageCompleted
      type Subscription { relay(prompt: String!): RelayEvent! }
    `,
    resolvers: {
      Query: { health: () => 'ok' },
      RelayEvent: { __resolveType: (ev: RelayEvent) => ev.__typename },
      Subscription: {
        relay: {
          subscribe: async function* (_root: unknown, args: { prompt: string }): AsyncGenerator<RelayEvent> {
            const stream = await sdk.chat.completions.create({
              model,
              messages: [{ role: 'user', content: args.prompt }],
              stream: true,
              stream_options: { include_usage: true },
            });
            let seq = 0;
            let content = '';
            for await (const chunk of stream) {
              const text = chunk.choices[0]?.delta?.content;
              if (!text) continue;
              content += text;
              yield { __typename: 'TokenDelta', seq: ++seq, text };
            }
            yield { __typename: 'MessageCompleted', seq: ++seq, content };
          },
          resolve: (ev: RelayEvent) => ev,
        },
      },
    },
  });
}

let server: Server | null = null;
let disposeWs: (() => Promise<void>) | null = null;

serveChild({
  start: async (args: { baseURL: string; model: string }) => {
    const sdk = new OpenAI({ apiKey: 'bench', baseURL: args.baseURL, maxRetries: 0 });
    const yoga = createYoga({ schema: relaySchema(sdk, args.model), graphiql: false, logging: false });
    const http = createServer(yoga);
    const wss = new WebSocketServer({ server: http, path: yoga.graphqlEndpoint });
    // Yoga's recipe for graphql-ws: the same envelop (parse, validate, context) as HTTP.
    const ws = useServer(
      {
        execute: (a) => (a.rootValue as { execute: typeof Execute }).execute(a),
        subscribe: (a) => (a.rootValue as { subscribe: typeof Subscribe }).subscribe(a),
        onSubscribe: async (ctx, _id, params) => {
          const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
            ...ctx,
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            params,
          });
          const document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length) return errors;
          return {
            schema,
            operationName: params.operationName,
            document,
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
        },
      },
      wss,
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server = http;
    disposeWs = async () => {
      await ws.dispose();
      wss.close();
    };
    const { port } = http.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql` };
  },
  stop: async () => {
    await disposeWs?.();
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  },
});
