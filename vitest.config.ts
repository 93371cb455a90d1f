import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in two workers; suites that start servers keep to their own ports.
    maxWorkers: 2,
    env: { TZ: process.env.TZ ?? "UTC" },
  },
});
