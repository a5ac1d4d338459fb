/**
 * Sends one signed webhook delivery: a POST through the SSRF guard's lookup, no redirects
 * followed (a 3xx is a failure), a short timeout, and only a snippet of the answer kept.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { assertPublicAddress, createGuardedLookup } from './webhooks-guard.js';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
const SIGNATURE_HEADER = 'x-crewdesk-signature';
const SNIPPET_BYTES = 256;

/** The signature of a body at a time, as the header carries it. */
function signatureHeader(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** What one attempt came to. */
export interface SendResult {
  ok: boolean;
  status: number | null;
  snippet: string | null;
  error: string | null;
  durationMs: number;
}

/** POSTs a delivery's body to its URL, signed with the webhook's secret. */
export function sendWebhook(req: {
  url: string;
  body: string;
  secret: string;
  event: string;
  deliveryId: string;
  timeoutMs: number;
  allowPrivate: boolean;
  now?: Date;
}): Promise<SendResult> {
  const started = Date.now();
  const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({ ...r, durationMs: Date.now() - started });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(req.url);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // A literal address never goes through lookup, so it is checked here.
      if (isIP(host)) assertPublicAddress(host, req.allowPrivate);
    } catch (err) {
      resolve(done({ ok: false, status: null, snippet: null, error: (err as Error).message }));
      return;
    }
    const timestamp = Math.floor((req.now ?? new Date()).getTime() / 1000);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      url,
      {
        method: 'POST',
        lookup: createGuardedLookup(req.allowPrivate) as never,
        timeout: req.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
          'user-agent': 'crewdesk-webhooks/1',
          'x-crewdesk-event': req.event,
          'x-crewdesk-delivery': req.deliveryId,
          [SIGNATURE_HEADER]: signatureHeader(req.secret, timestamp, req.body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (c: Buffer) => {
          if (kept < SNIPPET_BYTES) {
            chunks.push(c);
            kept += c.length;
          }
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const snippet = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8') || null;
          const ok = status >= 200 && status < 300;
          resolve(
            done({
              ok,
              status,
              snippet,
              error: ok
                ? null
                : status >= 300 && status < 400
                  ? `redirect to ${res.headers.location ?? '?'} not followed`
                  : `HTTP ${status}`,
            }),
          );
        });
        res.on('error', (err) =>
          resolve(done({ ok: false, status: res.statusCode ?? null, snippet: null, error: err.message })),
        );
      },
    );
    const deadline = setTimeout(
      () => outgoing.destroy(new Error(`timed out after ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`timed out after ${req.timeoutMs} ms`)));
    outgoing.on('error', (err) => resolve(done({ ok: false, status: null, snippet: null, error: err.message })));
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.end(req.body);
  });
}
