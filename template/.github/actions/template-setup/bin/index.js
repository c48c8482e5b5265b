#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-M7qxX3DD.js`);export{};