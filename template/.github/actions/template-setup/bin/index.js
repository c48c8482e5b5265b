#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-8vNK560u.js`);export{};