#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-DrTO1Swa.js`);export{};