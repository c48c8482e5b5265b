#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-Cp99RYlX.js`);export{};