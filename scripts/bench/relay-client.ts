/** A client of the bench's relay: one socket, one `relay` subscription per case. */
import type { Client } from 'graphql-ws';
import type { CaseSample } from './load.js';
import { connectGraphqlWs, watchAnswer } from './ws-watch.js';

const RELAY = `subscription Relay($p: String!) {
  relay(prompt: $p) {
    __typename
    ... on TokenDelta { seq text }
    ... on MessageCompleted { seq content }
  }
}`;

/** One relay user with one open socket. */
export interface RelayUser {
  ws: Client;
  /** Subscribes and times the relayed answer: first TokenDelta and MessageCompleted. */
  ask(prompt: string, t0: number, signal: AbortSignal): Promise<CaseSample>;
  close(): Promise<void>;
}

/** Connects a relay user. */
export async function connectRelayUser(wsUrl: string): Promise<RelayUser> {
  const ws = await connectGraphqlWs(wsUrl);
  return {
    ws,
    ask: (prompt, t0, signal) =>
      watchAnswer(
        ws,
        { query: RELAY, variables: { p: prompt } },
        { field: 'relay', token: 'TokenDelta', done: 'MessageCompleted' },
        t0,
        signal,
      ),
    close: async () => {
      await ws.dispose();
    },
  };
}
