#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-o8Avy9d0.js`);export{};