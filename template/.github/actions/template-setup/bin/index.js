#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-DP7AaEic.js`);export{};