#!/usr/bin/env node
// The installed `wesley` command: everything lives in the compiled entry point.
import '../dist/main.js';
