/**
 * Fan-out: one case watched by many subscribers (graphql-ws, spread over a few sockets). The
 * case's customer sends follow-ups; we count the token frames every subscriber receives and the
 * server's CPU time while they are delivered.
 */
import type { BenchChild } from './child-process.js';
import { connectCustomer, type DeskAddress, staffSigner, submit, watchCase } from './desk-client.js';
import { openRawSockets } from './raw-socket.js';

const FAN_OUT_WATCH = `subscription FanOut($id: ID!) {
  caseEvents(caseId: $id, after: 0) { seq __typename ... on TokenDelta { text } }
}`;

/** Fan-out settings. */
export interface FanOutOptions {
  subscribers: number;
  sockets: number;
  /** Answers streamed to all subscribers (follow-ups on the same case). */
  answers: number;
  message: string;
  timeoutMs: number;
}

/** What fan-out measured. */
export interface FanOutResult {
  subscribers: number;
  sockets: number;
  answers: number;
  /** TokenDelta frames received by all subscribers. */
  frames: number;
  /** Token frames per answer per subscriber. */
  tokensPerAnswer: number;
  /** From the follow-up's submit to the last subscriber's MessageCompleted, mean over answers. */
  deliverMs: number;
  framesPerSec: number;
  cpuUsPerFrame: number;
  peakRssMb: number;
}

/** Runs the fan-out section against a crewdesk child. */
export async function runFanOut(
  server: BenchChild,
  address: DeskAddress,
  secret: string,
  o: FanOutOptions,
): Promise<FanOutResult> {
  const customer = await connectCustomer(address);
  const caseId = await submit(address, customer.token, o.message);
  await watchCase(customer.ws, caseId, performance.now(), AbortSignal.timeout(o.timeoutMs));
  await customer.ws.dispose();

  // Staff watching the case (operators may stream any case), o.sockets connections.
  const sign = staffSigner(secret);
  const sockets = await openRawSockets(o.sockets, address.wsUrl, (i) => sign(`bench-fan-${i}`));
  const perSocket = sockets.map(
    (_, i) => Math.floor(o.subscribers / o.sockets) + (i < o.subscribers % o.sockets ? 1 : 0),
  );
  sockets.forEach((s, i) => {
    for (let k = 0; k < perSocket[i]; k++) s.subscribe(`s${k}`, FAN_OUT_WATCH, { id: caseId });
  });
  // Every subscription replays the first answer's MessageCompleted (after: 0): then all are live.
  const allCompleted = (rounds: number) =>
    Promise.all(sockets.map((s, i) => s.until((c) => c.completed >= perSocket[i] * rounds, o.timeoutMs)));
  await allCompleted(1);

  let frames = 0;
  let deliverMs = 0;
  let cpuUs = 0;
  await server.request('resetPeak');
  for (let r = 0; r < o.answers; r++) {
    const before = sockets.reduce((n, s) => n + s.counts.tokens, 0);
    const u0 = await server.usage();
    const t0 = performance.now();
    await submit(address, customer.token, o.message, { caseId });
    await allCompleted(r + 2);
    deliverMs += performance.now() - t0;
    const u1 = await server.usage();
    cpuUs += u1.cpuUs - u0.cpuUs;
    frames += sockets.reduce((n, s) => n + s.counts.tokens, 0) - before;
  }
  const peak = (await server.usage()).peakRssBytes;
  await Promise.all(sockets.map((s) => s.close()));
  await customer.close();
  return {
    subscribers: o.subscribers,
    sockets: o.sockets,
    answers: o.answers,
    frames,
    tokensPerAnswer: frames / o.subscribers / o.answers,
    deliverMs: deliverMs / o.answers,
    framesPerSec: frames / (deliverMs / 1000),
    cpuUsPerFrame: cpuUs / frames,
    peakRssMb: peak / 2 ** 20,
  };
}
