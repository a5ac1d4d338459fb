/**
 * Idle sockets: what an open WebSocket costs the server's heap, alone and with one caseEvents
 * subscription to an idle (answered) case. Heap is measured in the server after a full GC.
 */
import type { BenchChild } from './child-process.js';
import { connectCustomer, type DeskAddress, staffSigner, submit, watchCase } from './desk-client.js';
import { openRawSockets } from './raw-socket.js';

const IDLE_WATCH = `subscription Idle($id: ID!) { caseEvents(caseId: $id, after: 0) { seq __typename } }`;
/** Time for frames in flight to land before the heap is read. */
const SETTLE_MS = 300;

/** What the idle sockets cost. */
export interface IdleResult {
  sockets: number;
  /** (heap after the sockets opened − heap before) / sockets. */
  kbPerSocket: number;
  /** (heap once each socket also subscribed − heap before) / sockets. */
  kbPerSubscribedSocket: number;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** Runs the idle-socket section against a fresh crewdesk child (started with --expose-gc). */
export async function runIdleSockets(
  server: BenchChild,
  address: DeskAddress,
  secret: string,
  o: { sockets: number; message: string; timeoutMs: number },
): Promise<IdleResult> {
  const customer = await connectCustomer(address);
  const caseId = await submit(address, customer.token, o.message);
  await watchCase(customer.ws, caseId, performance.now(), AbortSignal.timeout(o.timeoutMs));
  await customer.close();
  await settle();

  const heap0 = await server.request<number>('heapAfterGc');
  const sign = staffSigner(secret);
  const sockets = await openRawSockets(o.sockets, address.wsUrl, (i) => sign(`bench-idle-${i}`));
  await settle();
  const heap1 = await server.request<number>('heapAfterGc');
  for (const s of sockets) s.subscribe('idle', IDLE_WATCH, { id: caseId });
  await Promise.all(sockets.map((s) => s.until((c) => c.completed >= 1, o.timeoutMs)));
  await settle();
  const heap2 = await server.request<number>('heapAfterGc');
  await Promise.all(sockets.map((s) => s.close()));
  return {
    sockets: o.sockets,
    kbPerSocket: (heap1 - heap0) / o.sockets / 1024,
    kbPerSubscribedSocket: (heap2 - heap0) / o.sockets / 1024,
  };
}
