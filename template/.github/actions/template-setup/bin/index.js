#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-BEXH3v2v.js`);export{};