/**
 * Fixed-budget rate limits per key (conversation, client address), in memory per process.
 * With several instances behind a balancer each instance counts on its own.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimit {
  /** null when allowed; otherwise the seconds to wait. */
  take(key: string): Promise<number | null>;
}

export function createRateLimit(points: number, perSeconds: number): RateLimit {
  const limiter = new RateLimiterMemory({ points, duration: perSeconds });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
  };
}
