/**
 * The client's address behind reverse proxies (proxy-addr): with TRUST_PROXY unset only the
 * socket's peer counts and `X-Forwarded-For` is ignored; a hop count trusts that many proxies
 * nearest the server; a list trusts the proxies at those addresses or CIDRs.
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which proxies are trusted: none, the nearest N hops, or addresses and CIDRs (and proxy-addr's names). */
export type TrustProxy = false | number | string[];

/** Compiles a TRUST_PROXY value into proxy-addr's trust function (throws TypeError on a bad address). */
export function compileTrust(trust: TrustProxy): (addr: string, i: number) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_addr, i) => i < trust;
  return proxyAddr.compile(trust);
}

/** Creates the function that tells a request's client address. */
export function createClientAddress(trust: TrustProxy): (req: IncomingMessage) => string {
  if (trust === false) return (req) => req.socket.remoteAddress ?? 'unknown';
  const fn = compileTrust(trust);
  return (req) => (req.socket.remoteAddress ? proxyAddr(req, fn) : 'unknown');
}
