#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers its loader, then cli.ts takes over.
import { register } from "tsx/esm/api";

register();
await import("../cli.ts");
