/**
 * How a model API call fails, kept apart from the SDK that makes it: the desk recognises one
 * without loading the SDK (which only the openai provider needs).
 */

/** Why a provider call failed. */
export type ProviderFailure =
  | 'timeout'
  | 'first_token_timeout'
  | 'rate_limited'
  | 'server_error'
  | 'stream_cut'
  | 'bad_request'
  | 'auth'
  | 'connection'
  | 'invalid_output';

/** A provider call that failed after its retries. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: ProviderFailure,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
