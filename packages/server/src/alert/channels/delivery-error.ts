/**
 * A failed delivery. `permanent` failures (the receiver rejected the request as
 * invalid: 4xx other than 408/429) are not retried; everything else is, with backoff.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  constructor(message: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.permanent = options.permanent ?? false;
  }
}

export function deliveryErrorOf(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError(message, { cause: err });
}
