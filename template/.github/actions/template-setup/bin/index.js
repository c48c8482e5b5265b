#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-LAgsV2i6.js`);export{};