#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-Bp7xG30I.js`);export{};