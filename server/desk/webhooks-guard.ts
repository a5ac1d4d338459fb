/**
 * The webhooks' guard against server-side request forgery: a webhook may only reach public
 * unicast addresses (not loopback, link-local, private, carrier-grade NAT, multicast, reserved…),
 * checked on the addresses a host name resolves to, at the moment of connecting.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors.js';

/** A webhook URL or address the guard refuses. */
class ForbiddenAddressError extends AppError {
  constructor(message: string) {
    super(message, 'WEBHOOK_ADDRESS_FORBIDDEN');
  }
}

/** The range an address is in ('unicast' for a public one), IPv4-mapped IPv6 seen as IPv4. */
function rangeOf(address: string): string {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range();
}

/** Throws unless the address is public (any address when `allowPrivate`). */
export function assertPublicAddress(address: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  if (!ipaddr.isValid(address)) throw new ForbiddenAddressError(`${address} is not an IP address`);
  const range = rangeOf(address);
  if (range !== 'unicast')
    throw new ForbiddenAddressError(`${address} is a ${range} address; webhooks may only reach public addresses`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves the host and refuses it when any address it resolves
 * to is not public, so that the address checked is the address connected to.
 */
export function createGuardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      try {
        if (!list.length) throw new ForbiddenAddressError(`${hostname} resolves to no address`);
        for (const a of list) assertPublicAddress(a.address, allowPrivate);
      } catch (e) {
        return callback(e as NodeJS.ErrnoException, '');
      }
      if ((options as LookupAllOptions).all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** Checks a webhook URL when it is registered: http(s), no credentials, and a public host. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ForbiddenAddressError('url is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ForbiddenAddressError('url must be http:// or https://');
  if (url.username || url.password) throw new ForbiddenAddressError('url must not carry credentials');
  if (url.href.length > 2000) throw new ForbiddenAddressError('url must be at most 2000 characters');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate) {
    if (isIP(host)) assertPublicAddress(host, false);
    else {
      const lookup = createGuardedLookup(false);
      await new Promise<void>((resolve, reject) =>
        lookup(host, { all: true }, (err) => {
          if (err instanceof AppError) reject(err);
          else if (err) reject(new ForbiddenAddressError(`${host} does not resolve (${err.code ?? err.message})`));
          else resolve();
        }),
      );
    }
  }
  return url.href;
}
