import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in two workers; suites that start servers keep to their own ports.
    maxWorkers: 2,
    // restify 11 → spdy → http-deceiver uses process.binding('http_parser'): harmless, but it floods the log.
    execArgv: ["--disable-warning=DEP0111"],
    env: { TZ: process.env.TZ ?? "UTC" },
  },
});
