#!/usr/bin/env node
// The published command; it runs the built check.
import('../dist/check-installed.js');
