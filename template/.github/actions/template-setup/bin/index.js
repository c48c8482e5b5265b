#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-Cz3fkWwv.js`);export{};