import type { Impact, Risk } from './change.js';

/** An impact value; `reason` is one sentence for explain output. */
export function impact(app: Risk, data: Risk, reason: string): Impact {
  return { app, data, reason };
}

const order: readonly Risk[] = ['safe', 'dangerous', 'breaking'];

/** The worse of the two judgements. */
export function overallRisk(value: Impact): Risk {
  return order[Math.max(order.indexOf(value.app), order.indexOf(value.data))] ?? 'breaking';
}
