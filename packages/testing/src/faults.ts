/**
 * A fault to inject into a request:
 * - `status`: answer with this status and body instead, changing nothing;
 * - `delay`: wait this long before handling the request (and sending headers);
 * - `destroy`: end the connection without an answer, `before-apply` (nothing changed) or
 *   `after-apply` (the action took effect: a client that retries would post it twice);
 * - `malformed-json` / `truncated-json`: apply the action, then answer 200 with a body that is
 *   not JSON / is cut off halfway.
 *
 * @example
 * fake.fault('next', { type: 'status', status: 502, body: '<html>Bad Gateway</html>' });
 * fake.fault(2, { type: 'destroy', when: 'after-apply' });
 */
export type Fault =
  | { type: 'status'; status: number; body?: string | object; headers?: Record<string, string> }
  | { type: 'delay'; ms: number }
  | { type: 'destroy'; when: 'before-apply' | 'after-apply' }
  | { type: 'malformed-json' }
  | { type: 'truncated-json' };

/**
 * Which requests a fault applies to: the next one, the next `n`, or each one a predicate matches.
 *
 * @example
 * fake.fault((request) => request.path.endsWith('/123/parts'), { type: 'delay', ms: 500 });
 */
export type FaultTrigger =
  'next' | number | ((request: { method: string; path: string }) => boolean);

/**
 * An injected fault, to see how often it struck or to remove it.
 *
 * @example
 * const fault = fake.fault(() => true, { type: 'status', status: 503 });
 * fault.remove();
 */
export interface FaultHandle {
  readonly hits: number;
  remove(): void;
}

interface Armed {
  matches(request: { method: string; path: string }): boolean;
  fault: Fault;
  hits: number;
  remaining: number;
}

/**
 * The faults waiting for requests, first injected first.
 *
 * @example
 * const faults = new FaultSchedule();
 * faults.add('next', { type: 'status', status: 500 });
 * faults.take({ method: 'POST', path: '/conversations/1/parts' }); // { type: 'status', … }
 */
export class FaultSchedule {
  readonly #armed: Armed[] = [];

  add(when: FaultTrigger, fault: Fault): FaultHandle {
    checkTrigger(when);
    checkFault(fault);
    const armed: Armed = {
      fault,
      hits: 0,
      remaining: when === 'next' ? 1 : typeof when === 'number' ? checkCount(when) : Infinity,
      matches: typeof when === 'function' ? when : () => true,
    };
    this.#armed.push(armed);
    return {
      get hits() {
        return armed.hits;
      },
      remove: () => this.#remove(armed),
    };
  }

  /** The fault for this request, if one is armed for it; counts it as used. */
  take(request: { method: string; path: string }): Fault | undefined {
    const armed = this.#armed.find((candidate) => candidate.matches(request));
    if (!armed) return undefined;
    armed.hits += 1;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#remove(armed);
    return armed.fault;
  }

  #remove(armed: Armed): void {
    const index = this.#armed.indexOf(armed);
    if (index >= 0) this.#armed.splice(index, 1);
  }
}

function checkTrigger(when: unknown): void {
  if (when === 'next' || typeof when === 'number' || typeof when === 'function') return;
  throw new TypeError(
    `fault() needs 'next', a number of requests or a predicate, not ${JSON.stringify(when)}`,
  );
}

function checkCount(count: number): number {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new TypeError(`fault(n, …) needs a whole number of requests of 1 or more, not ${count}`);
  }
  return count;
}

function checkFault(fault: Fault): void {
  switch (fault?.type) {
    case 'status':
      // An informational status is sent as an interim answer, with no final one after it.
      if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
        throw new TypeError(
          `A status fault needs an HTTP status from 200 to 599, not ${fault.status}`,
        );
      }
      return;
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) {
        throw new TypeError(`A delay fault needs ms of 0 or more, not ${fault.ms}`);
      }
      return;
    case 'destroy':
      if (fault.when !== 'before-apply' && fault.when !== 'after-apply') {
        throw new TypeError('A destroy fault needs when: "before-apply" or "after-apply"');
      }
      return;
    case 'malformed-json':
    case 'truncated-json':
      return;
    default:
      throw new TypeError(
        'A fault needs type "status", "delay", "destroy", "malformed-json" or "truncated-json"',
      );
  }
}
