#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-DMT69Z0y.js`);export{};