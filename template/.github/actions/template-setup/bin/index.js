#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-BWB2VYHs.js`);export{};