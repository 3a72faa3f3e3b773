#!/usr/bin/env node
// A committed entry, so the workspace links the command before the first build creates dist/.
await import('../dist/cli.js');
