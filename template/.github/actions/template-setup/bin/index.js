#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-CHpI5FBi.js`);export{};