#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-DAgT63j8.js`);export{};