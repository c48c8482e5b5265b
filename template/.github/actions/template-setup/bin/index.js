#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-C2HSov4u.js`);export{};