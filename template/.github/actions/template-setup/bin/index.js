#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-CsB3aVWf.js`);export{};