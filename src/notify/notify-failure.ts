/** What GOV.UK Notify's client throws: the response when Notify answered, a code when it could not be reached. */
interface NotifyClientError {
  response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } };
  code?: string;
  message?: string;
}

/** Why Notify refused, without the request (its headers hold a signed token) or the recipient. */
export function describeNotifyFailure(error: unknown): string {
  const err = error as NotifyClientError;
  if (err.response) {
    const reasons = (err.response.data?.errors ?? []).map((e) => `${e.error ?? ''}: ${e.message ?? ''}`).join('; ');
    return `GOV.UK Notify answered ${err.response.status}${reasons ? ` (${reasons})` : ''}`;
  }
  return `GOV.UK Notify could not be reached (${err.code ?? err.message ?? 'unknown error'})`;
}

/**
 * A 400 is Notify refusing this message for good (an address it cannot send to, a team-only key):
 * trying again cannot help. Everything else (429 rate limits, 5xx, the network, a 403 while a key
 * is being fixed) may pass, so the queue retries it with back-off.
 */
export function isPermanentNotifyFailure(error: unknown): boolean {
  return (error as NotifyClientError).response?.status === 400;
}
