#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-BS-norcg.js`);export{};