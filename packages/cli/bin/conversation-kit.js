#!/usr/bin/env node
// The published command; it runs the built CLI.
import('../dist/cli.js');
